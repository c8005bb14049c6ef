using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Minamata.Functions;
using Minamata.Reporting;

namespace Minamata.Integration.Tests;

/// <summary>
/// The function classes, called as the Functions host would call them, answer exactly as the server
/// does for the same request. (The Functions host itself cannot run here: Core Tools cannot be installed.)
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class FunctionClassTests(ServerFixture fixture) : IDisposable
{
    private readonly ServiceProvider services = FunctionsServices.StartAsync(fixture.StorageConnectionString).GetAwaiter().GetResult();

    private HttpFunctions Functions => ActivatorUtilities.CreateInstance<HttpFunctions>(services);

    [Fact]
    public async Task Reading_routes_answer_as_the_server_does()
    {
        var (partnerId, key) = await fixture.NewPartnerAsync("WHO");
        var (_, otherKey) = await fixture.NewPartnerAsync("ILO");
        using var partner = fixture.Client(key);
        var id = await ReportsApi.UploadAsync(partner, Encoding.UTF8.GetBytes("the same report for both hosts"), "same.txt");
        await ReportsApi.WaitUntilProcessedAsync(partner, id, TimeSpan.FromSeconds(5));

        await AssertSameAsync("GET", $"/api/reports/{id}", key, request => Functions.GetReport(request, id));
        await AssertSameAsync("GET", $"/api/reports/{id}", otherKey, request => Functions.GetReport(request, id));
        await AssertSameAsync("GET", $"/api/reports?partner={partnerId}", ServerFixture.SecretariatKey, Functions.ListReports);
        await AssertSameAsync("GET", "/api/reports?status=lost", ServerFixture.SecretariatKey, Functions.ListReports);
        await AssertSameAsync("GET", "/api/reports", null, Functions.ListReports);
        await AssertSameAsync("GET", "/api/partners", key, Functions.ListPartners);
        await AssertSameAsync("GET", "/api/health", null, Functions.Health);
        await AssertSameAsync("GET", $"/api/reports/{id}/file", key, request => Functions.DownloadReport(request, id));
        await AssertSameAsync("POST", "/api/partners/NOBODY/keys", ServerFixture.SecretariatKey, request => Functions.ReissuePartnerKey(request, "NOBODY"));
        await AssertSameAsync("PATCH", $"/api/reports/{id}/metadata", ServerFixture.SecretariatKey, request => Functions.CorrectReportMetadata(request, id), () => new StringContent("""{"documentDate":"never","colour":"red"}""", Encoding.UTF8, "application/merge-patch+json"));
        await AssertSameAsync("GET", $"/api/cycles/{ServerFixture.OpenCycle}/review", ServerFixture.SecretariatKey, request => Functions.CycleReview(request, ServerFixture.OpenCycle));
        await AssertSameAsync("GET", "/api/cycles/NOPE-9/review", ServerFixture.SecretariatKey, request => Functions.CycleReview(request, "NOPE-9"));
        await AssertSameAsync("PATCH", $"/api/reports/{id}/metadata", key, request => Functions.CorrectReportMetadata(request, id), () => new StringContent("""{"title":"Mine"}""", Encoding.UTF8, "application/merge-patch+json"));
    }

    [Theory]
    [InlineData("/", "/portal/")]
    [InlineData("/?cycle=COP-7", "/portal/?cycle=COP-7")]
    [InlineData("/portal", "/portal/")]
    public async Task The_site_root_and_the_portal_without_its_slash_send_browsers_to_the_portal_in_both_hosts(string path, string location)
    {
        using var server = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.BaseAddress };
        var portal = ActivatorUtilities.CreateInstance<PortalFunctions>(services);

        using var response = await server.GetAsync(path);
        var context = await ContextAsync("GET", path, null, null);
        var (status, headers, _) = await ExecuteAsync(context, path.StartsWith("/portal", StringComparison.Ordinal) ? portal.Portal(context.Request, null) : portal.Root(context.Request));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
        Assert.Equal(StatusCodes.Status302Found, status);
        Assert.Equal(location, headers.Location.ToString());
    }

    [Fact]
    public async Task A_failure_inside_a_function_is_a_problem_without_a_stack_trace()
    {
        var (_, key) = await fixture.NewPartnerAsync("FAO");
        var clock = new FailingClock();
        await using var failing = await FunctionsServices.StartAsync(fixture.StorageConnectionString, clock);
        var context = await ContextAsync("POST", "/api/uploads", key, JsonContent.Create(new { fileName = "a.pdf", cycle = ServerFixture.OpenCycle }));

        clock.Failing = true;
        var (status, headers, body) = await ExecuteAsync(context, await ActivatorUtilities.CreateInstance<HttpFunctions>(failing).CreateUploadUrl(context.Request));
        clock.Failing = false;

        Assert.Equal(StatusCodes.Status500InternalServerError, status);
        Assert.Equal("application/problem+json", headers.ContentType.ToString());
        Assert.Equal("internal-error", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        Assert.DoesNotContain("   at ", body);
    }

    [Fact]
    public async Task An_upload_through_the_function_is_accepted_and_indexed()
    {
        var (_, key) = await fixture.NewPartnerAsync("UNEP");
        using var form = ReportsApi.Form(Encoding.UTF8.GetBytes("uploaded through the function class"), "function.txt");
        var context = await ContextAsync("POST", "/api/reports", key, form);

        var (status, headers, body) = await ExecuteAsync(context, await Functions.UploadReport(context.Request));

        Assert.Equal(StatusCodes.Status202Accepted, status);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
        Assert.Equal($"/api/reports/{id}", headers.Location.ToString());
        using var partner = fixture.Client(key);
        var (report, _) = await ReportsApi.WaitUntilProcessedAsync(partner, id, TimeSpan.FromSeconds(5));
        Assert.Equal("indexed", report.GetProperty("status").GetString());
        Assert.Equal("function.txt", report.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task Creating_a_partner_through_the_function_and_the_server_gives_the_same_answers()
    {
        var id = "FN-" + Guid.NewGuid().ToString("n")[..6].ToUpperInvariant();
        const string Name = "Organización — Организация";
        var body = JsonSerializer.Serialize(new { id, name = Name, email = "f@fn.example", language = "es" });

        var context = await ContextAsync("POST", "/api/partners", ServerFixture.SecretariatKey, new StringContent(body, Encoding.UTF8, "application/json"));
        var (status, _, created) = await ExecuteAsync(context, await Functions.CreatePartner(context.Request));
        Assert.Equal(StatusCodes.Status201Created, status);
        Assert.StartsWith("mk_", JsonDocument.Parse(created).RootElement.GetProperty("apiKey").GetString());
        // Answers are written as the index and the contracts write JSON: the name readable, not \u-escaped.
        var listing = await ContextAsync("GET", "/api/partners", ServerFixture.SecretariatKey, null);
        var (_, _, partners) = await ExecuteAsync(listing, await Functions.ListPartners(listing.Request));
        Assert.Contains($"\"name\":\"{Name}\"", partners);
        await AssertSameAsync("GET", "/api/partners", ServerFixture.SecretariatKey, Functions.ListPartners);

        // The second time both hosts must refuse it, with the same problem.
        await AssertSameAsync("POST", "/api/partners", ServerFixture.SecretariatKey, Functions.CreatePartner, () => new StringContent(body, Encoding.UTF8, "application/json"));
    }

    [Fact]
    public async Task A_compilation_started_through_the_function_is_run_by_the_queue_function()
    {
        var body = JsonSerializer.Serialize(new { cycle = ServerFixture.OpenCycle });
        var context = await ContextAsync("POST", "/api/compilations", ServerFixture.SecretariatKey, new StringContent(body, Encoding.UTF8, "application/json"));
        var (status, _, created) = await ExecuteAsync(context, await Functions.CreateCompilation(context.Request));
        Assert.Equal(StatusCodes.Status202Accepted, status);
        var id = JsonDocument.Parse(created).RootElement.GetProperty("id").GetString()!;

        await ActivatorUtilities.CreateInstance<CompilationFunctions>(services).RunCompilation(id, CancellationToken.None);

        var read = await ContextAsync("GET", $"/api/compilations/{id}", ServerFixture.SecretariatKey, null);
        var (_, _, state) = await ExecuteAsync(read, await Functions.GetCompilation(read.Request, id));
        var compilation = JsonDocument.Parse(state).RootElement;
        Assert.Equal("completed", compilation.GetProperty("status").GetString());
        Assert.Equal($"/api/compilations/{id}/report.docx", compilation.GetProperty("outputs").GetProperty("docx").GetString());
        await AssertSameAsync("GET", $"/api/compilations/{id}/report.json", ServerFixture.SecretariatKey, request => Functions.DownloadCompiledReport(request, id, "json"));
    }

    private async Task AssertSameAsync(string method, string pathAndQuery, string? key, Func<HttpRequest, Task<IResult>> function, Func<HttpContent>? content = null)
    {
        using var client = fixture.Client(key);
        using var request = new HttpRequestMessage(new HttpMethod(method), pathAndQuery) { Content = content?.Invoke() };
        using var serverResponse = await client.SendAsync(request);
        var serverBody = await serverResponse.Content.ReadAsStringAsync();

        var context = await ContextAsync(method, pathAndQuery, key, content?.Invoke());
        var (status, headers, functionBody) = await ExecuteAsync(context, await function(context.Request));

        Assert.Equal((int)serverResponse.StatusCode, status);
        Assert.Equal(serverResponse.Content.Headers.ContentType?.ToString(), headers.ContentType.ToString());
        Assert.Equal(serverBody, functionBody);
    }

    private async Task<HttpContext> ContextAsync(string method, string pathAndQuery, string? key, HttpContent? content)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        var uri = new Uri(fixture.BaseAddress, pathAndQuery);
        context.Request.Method = method;
        context.Request.Path = uri.AbsolutePath;
        context.Request.QueryString = new QueryString(uri.Query);
        if (key is not null)
        {
            context.Request.Headers.Authorization = $"Bearer {key}";
        }

        if (content is not null)
        {
            var bytes = await content.ReadAsByteArrayAsync();
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = content.Headers.ContentType?.ToString();
        }

        context.Response.Body = new MemoryStream();
        return context;
    }

    private static async Task<(int Status, IHeaderDictionary Headers, string Body)> ExecuteAsync(HttpContext context, IResult result)
    {
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, context.Response.Headers, await new StreamReader(context.Response.Body).ReadToEndAsync());
    }

    public void Dispose() => services.Dispose();
}
