using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Minamata.Integration.Tests;

/// <summary>Large files go straight to Blob Storage with a URL that can create one blob and nothing else.</summary>
[Collection(StorageCollection.Name)]
public sealed class DirectUploadTests(ServerFixture fixture) : IDisposable
{
    private static readonly byte[] Report = Encoding.UTF8.GetBytes("A large report on mercury in artisanal gold mining, sent straight to storage.");

    [Fact]
    public async Task A_partner_puts_its_file_to_the_upload_url_and_follows_the_report_to_indexed()
    {
        var (partner, key) = await fixture.NewPartnerAsync("ILO");
        using var client = fixture.Client(key);

        var (id, url, expiresAt) = await RequestUrlAsync(client, "gold mining report.txt");
        using var put = await PutAsync(url, Report);
        var (report, _) = await ReportsApi.WaitUntilProcessedAsync(client, id, TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
        Assert.Equal("indexed", report.GetProperty("status").GetString());
        Assert.Equal("gold mining report.txt", report.GetProperty("fileName").GetString());
        Assert.Equal("upload-url", report.GetProperty("channel").GetString());
        Assert.Equal(partner, report.GetProperty("partner").GetString());
        Assert.Equal(ServerFixture.OpenCycle, report.GetProperty("cycle").GetString());
        Assert.Equal(Report, await (await client.GetAsync($"/api/reports/{id}/file")).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Upload_urls_name_the_public_blob_endpoint_when_one_is_set_and_work_there()
    {
        // "localhost" stands for the public name partners reach the storage by; the pipeline itself uses 127.0.0.1.
        var service = fixture.Storage.Blobs.Uri;
        var endpoint = new UriBuilder(service) { Host = "localhost" }.Uri;
        await using var server = await Minamata.Server.ServerApp.CreateAsync([.. ServerFixture.ServerArguments(fixture.StorageConnectionString), $"--Minamata:Submissions:PublicBlobEndpoint={endpoint}"]);
        await server.StartAsync();
        var (_, key) = await fixture.NewPartnerAsync("UNEP");
        using var client = ReportsApi.Client(new Uri(server.Urls.Single()), key);

        var (id, url, _) = await RequestUrlAsync(client, "public.txt");
        using var put = await PutAsync(url, Report);

        Assert.Equal("localhost", url.Host);
        Assert.Equal(service.Port, url.Port);
        Assert.StartsWith(service.AbsolutePath.TrimEnd('/') + "/", url.AbsolutePath);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var (report, _) = await ReportsApi.WaitUntilProcessedAsync(client, id, TimeSpan.FromSeconds(10));
        Assert.Equal("indexed", report.GetProperty("status").GetString());
        await server.StopAsync();
    }

    [Fact]
    public async Task The_upload_url_cannot_read_overwrite_or_write_anywhere_else()
    {
        var (_, key) = await fixture.NewPartnerAsync("WHO");
        var (otherPartner, _) = await fixture.NewPartnerAsync("ILO");
        using var client = fixture.Client(key);
        var (_, url, _) = await RequestUrlAsync(client, "r.txt");
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(url, Report)).StatusCode);

        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(url)).StatusCode);
        Assert.NotEqual(HttpStatusCode.Created, (await PutAsync(url, Encoding.UTF8.GetBytes("overwritten"))).StatusCode);
        var elsewhere = new UriBuilder(url) { Path = url.AbsolutePath.Replace(url.AbsolutePath.Split('/')[3], otherPartner) }.Uri;
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(elsewhere, Report)).StatusCode);
        var sibling = new UriBuilder(url) { Path = url.AbsolutePath + "-2" }.Uri;
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(sibling, Report)).StatusCode);
        Assert.False(await fixture.Storage.Uploads.GetBlobClient(string.Join('/', elsewhere.AbsolutePath.Split('/').Skip(3))).ExistsAsync());
    }

    [Fact]
    public async Task An_expired_upload_url_is_refused()
    {
        var (_, key) = await fixture.NewPartnerAsync();
        using var client = fixture.Client(key);
        fixture.Clock.Set(DateTimeOffset.UtcNow.AddHours(-1));

        var (_, url, expiresAt) = await RequestUrlAsync(client, "late.txt");
        fixture.Clock.Reset();

        Assert.True(expiresAt < DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(url, Report)).StatusCode);
    }

    [Fact]
    public async Task Upload_urls_are_for_partners_for_open_cycles_and_safe_file_names()
    {
        var (_, key) = await fixture.NewPartnerAsync();
        using var client = fixture.Client(key);

        await ReportsApi.AssertProblemAsync(await client.PostAsJsonAsync("/api/uploads", new { fileName = "../x.txt", cycle = ServerFixture.OpenCycle }), HttpStatusCode.BadRequest, "invalid-file-name");
        await ReportsApi.AssertProblemAsync(await client.PostAsJsonAsync("/api/uploads", new { fileName = "x.txt", cycle = "OEWG-9" }), HttpStatusCode.BadRequest, "unknown-cycle");
        await ReportsApi.AssertProblemAsync(await fixture.Secretariat().PostAsJsonAsync("/api/uploads", new { fileName = "x.txt", cycle = ServerFixture.OpenCycle }), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_blob_copied_into_an_upload_url_from_elsewhere_is_rejected_and_never_handed_out()
    {
        var (_, key) = await fixture.NewPartnerAsync("WHO");
        using var client = fixture.Client(key);
        var secret = fixture.Storage.Texts.GetBlobClient($"someone-else-{Guid.NewGuid():n}.txt");
        await secret.UploadAsync(BinaryData.FromString("another partner's report text"));
        var (id, url, _) = await RequestUrlAsync(client, "copied.txt");

        using var http = new HttpClient();
        var copy = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent([]) };
        copy.Headers.Add("x-ms-copy-source", secret.Uri.ToString());
        using var copied = await http.SendAsync(copy);
        var (report, _) = await ReportsApi.WaitUntilProcessedAsync(client, id, TimeSpan.FromSeconds(5));

        Assert.True(copied.IsSuccessStatusCode, $"Azurite refused the copy ({copied.StatusCode}): the test no longer shows the hole it guards");
        Assert.Equal("rejected", report.GetProperty("status").GetString());
        Assert.Equal("copied", report.GetProperty("error").GetProperty("code").GetString());
        await ReportsApi.AssertProblemAsync(await client.GetAsync($"/api/reports/{id}/file"), HttpStatusCode.NotFound, "not-found");
    }

    private static async Task<(string Id, Uri Url, DateTimeOffset ExpiresAt)> RequestUrlAsync(HttpClient client, string fileName)
    {
        using var response = await client.PostAsJsonAsync("/api/uploads", new { fileName, cycle = ServerFixture.OpenCycle });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ReportsApi.JsonAsync(response);
        return (body.GetProperty("id").GetString()!, new Uri(body.GetProperty("uploadUrl").GetString()!), body.GetProperty("expiresAt").GetDateTimeOffset());
    }

    private static async Task<HttpResponseMessage> PutAsync(Uri url, byte[] content)
    {
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(content) };
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        return await http.SendAsync(request);
    }

    public void Dispose() => fixture.Clock.Reset();
}
