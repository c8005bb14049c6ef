using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Minamata.Integration.Tests;

/// <summary>Requests that misbehave before any handler sees them, each answered as problem+json; on a server of its own.</summary>
public sealed class HttpHardeningTests : OwnStorageTests
{
    [Fact]
    public async Task An_address_that_sent_too_many_wrong_keys_is_refused_for_the_rest_of_the_minute()
    {
        await using var server = await StartAsync(["--Minamata:Http:FailedKeysPerMinutePerAddress=3"]);
        using var guesser = ReportsApi.Client(new Uri(server.Urls.Single()), "not-a-key-0000000000000000");
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await guesser.GetAsync("/api/reports");
            await ReportsApi.AssertProblemAsync(wrong, HttpStatusCode.Unauthorized, "unauthorized");
        }

        using var refused = await guesser.GetAsync("/api/reports");
        await ReportsApi.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "too-many-failed-keys");
        Assert.Equal(TimeSpan.FromMinutes(1), refused.Headers.RetryAfter?.Delta);
        // Even the right key waits: the address, not the key, is what is limited.
        using var secretariat = ReportsApi.Client(new Uri(server.Urls.Single()), ServerFixture.SecretariatKey);
        await ReportsApi.AssertProblemAsync(await secretariat.GetAsync("/api/reports"), HttpStatusCode.TooManyRequests, "too-many-failed-keys");
    }

    [Fact]
    public async Task Calls_without_a_key_are_limited_per_address_and_calls_with_one_are_not()
    {
        await using var server = await StartAsync(["--Minamata:Http:AnonymousRequestsPerMinutePerAddress=5"]);
        using var anonymous = ReportsApi.Client(new Uri(server.Urls.Single()));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/health")).StatusCode);
        }

        using var limited = await anonymous.GetAsync("/api/health");
        await ReportsApi.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests, "too-many-requests");
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        using var secretariat = ReportsApi.Client(new Uri(server.Urls.Single()), ServerFixture.SecretariatKey);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync("/api/reports")).StatusCode);
    }

    [Fact]
    public async Task Over_long_urls_and_headers_get_problems_not_empty_answers()
    {
        await using var server = await StartAsync([]);
        using var client = ReportsApi.Client(new Uri(server.Urls.Single()), ServerFixture.SecretariatKey);

        using var longUrl = await client.GetAsync("/api/reports?q=" + new string('m', 9000));
        await ReportsApi.AssertProblemAsync(longUrl, HttpStatusCode.RequestUriTooLong, "uri-too-long");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/reports");
        request.Headers.Add("X-Padding", new string('h', 40_000));
        using var longHeaders = await client.SendAsync(request);
        await ReportsApi.AssertProblemAsync(longHeaders, HttpStatusCode.RequestHeaderFieldsTooLarge, "headers-too-large");
    }

    [Fact]
    public async Task A_body_trickled_slower_than_the_minimum_rate_is_cut_off()
    {
        await using var server = await StartAsync(["--Minamata:Http:MinRequestBodyBytesPerSecond=1024", "--Minamata:Http:RequestBodyGracePeriod=00:00:02"]);
        var address = new Uri(server.Urls.Single());
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/reports HTTP/1.1\r\nHost: {address.Authority}\r\nAuthorization: Bearer {ServerFixture.SecretariatKey}\r\n" +
            "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n--b\r\n"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var answer = new byte[4096];
        var read = stream.ReadAsync(answer).AsTask();
        // 400 bytes a second: the rate that used to hold a connection for ever.
        while (!read.IsCompleted && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            try
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(new string('x', 40)));
            }
            catch (IOException)
            {
                break;
            }

            await Task.WhenAny(read, Task.Delay(100));
        }

        var length = await read.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"cut off after {clock.Elapsed}");
        var response = Encoding.ASCII.GetString(answer, 0, length);
        Assert.StartsWith("HTTP/1.1 408", response);
        Assert.Contains("application/problem+json", response);
    }

    [Fact]
    public async Task A_failure_inside_a_handler_is_a_problem_without_a_stack_trace_even_in_development()
    {
        var clock = new FailingClock();
        await using var server = await StartAsync(["--environment=Development"], clock);
        using var secretariat = ReportsApi.Client(new Uri(server.Urls.Single()), ServerFixture.SecretariatKey);
        await ReportsApi.OpenCycleAsync(secretariat);
        var key = await ReportsApi.CreatePartnerAsync(secretariat, "FAO");
        using var partner = ReportsApi.Client(new Uri(server.Urls.Single()), key);

        clock.Failing = true;
        using var failed = await partner.PostAsync("/api/uploads", new StringContent("{\"fileName\":\"a.pdf\",\"cycle\":\"COP-7\"}", Encoding.UTF8, "application/json"));
        clock.Failing = false;

        await ReportsApi.AssertProblemAsync(failed, HttpStatusCode.InternalServerError, "internal-error");
        var body = await failed.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain(nameof(FailingClock), body);
    }

    private Task<WebApplication> StartAsync(string[] settings, TimeProvider? clock = null) =>
        // The fixture's arguments lift the per-address limits for the shared server; settings here come after them.
        StartServerAsync(settings, clock is null ? null : services => services.AddSingleton(clock));
}
