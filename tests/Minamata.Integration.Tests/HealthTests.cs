using System.Net;
using Minamata.Server;
using Minamata.Server.Azurite;

namespace Minamata.Integration.Tests;

/// <summary>Health tells the truth about storage without letting anyone load it; runs on an Azurite of its own, which it stops.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Health_is_ok_while_storage_answers_and_503_within_a_probe_interval_of_it_stopping()
    {
        var azurite = await AzuriteLauncher.StartAsync(ServerFixture.RepositoryRoot, dataDirectory: null);
        await using var server = await ServerApp.CreateAsync(ServerFixture.ServerArguments(azurite.ConnectionString));
        await server.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(server.Urls.Single()), Timeout = TimeSpan.FromSeconds(20) };

        using var healthy = await client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal("ok", (await ReportsApi.JsonAsync(healthy)).GetProperty("status").GetString());
        using var secretariat = ReportsApi.Client(new Uri(server.Urls.Single()), ServerFixture.SecretariatKey);
        using var details = await secretariat.GetAsync("/api/health?details=true");
        Assert.True((await ReportsApi.JsonAsync(details)).GetProperty("tableMilliseconds").GetInt64() >= 0);
        using var detailsForAnyone = await client.GetAsync("/api/health?details=true");
        await ReportsApi.AssertProblemAsync(detailsForAnyone, HttpStatusCode.Unauthorized, "unauthorized");

        await azurite.DisposeAsync();

        // Anyone is answered from the latest probe, not by calling storage; the secretariat's details probe afresh.
        var answered = System.Diagnostics.Stopwatch.StartNew();
        using var fromLatestProbe = await client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, fromLatestProbe.StatusCode);
        Assert.True(answered.Elapsed < TimeSpan.FromSeconds(1), $"took {answered.Elapsed}");
        using var freshDetails = await secretariat.GetAsync("/api/health?details=true");
        await ReportsApi.AssertProblemAsync(freshDetails, HttpStatusCode.ServiceUnavailable, "storage-unavailable");

        // Within one probe interval (5 s) and one probe's time-out (5 s), everybody is told.
        HttpResponseMessage unhealthy;
        var told = System.Diagnostics.Stopwatch.StartNew();
        while ((unhealthy = await client.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK)
        {
            Assert.True(told.Elapsed < TimeSpan.FromSeconds(11), "health still said ok 11 s after storage stopped");
            await Task.Delay(200);
        }

        await ReportsApi.AssertProblemAsync(unhealthy, HttpStatusCode.ServiceUnavailable, "storage-unavailable");
        Assert.NotNull(unhealthy.Headers.RetryAfter);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ServerFixture.SecretariatKey);
        using var listing = await client.GetAsync("/api/reports");
        await ReportsApi.AssertProblemAsync(listing, HttpStatusCode.ServiceUnavailable, "storage-unavailable");
        Assert.Equal(TimeSpan.FromSeconds(5), listing.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain("   at ", await listing.Content.ReadAsStringAsync());
        await server.StopAsync();
    }
}
