using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Minamata.Server;

namespace Minamata.Integration.Tests;

[Collection(StorageCollection.Name)]
public sealed class BadUploadTests(ServerFixture fixture)
{
    private static readonly byte[] Text = Encoding.UTF8.GetBytes("a short report");

    [Fact]
    public async Task An_upload_without_a_file_is_refused()
    {
        var (_, key) = await fixture.NewPartnerAsync();
        using var partner = fixture.Client(key);
        using var form = new MultipartFormDataContent { { new StringContent("COP-7"), "cycle" } };

        await ReportsApi.AssertProblemAsync(await partner.PostAsync("/api/reports", form), HttpStatusCode.BadRequest, "missing-file");
    }

    [Fact]
    public async Task A_form_of_many_tiny_parts_is_refused_at_once()
    {
        var (_, key) = await fixture.NewPartnerAsync();
        using var partner = fixture.Client(key);
        using var form = new MultipartFormDataContent();
        for (var i = 0; i < 100_000; i++)
        {
            form.Add(new StringContent("x"), $"f{i}");
        }

        var clock = Stopwatch.StartNew();
        await ReportsApi.AssertProblemAsync(await partner.PostAsync("/api/reports", form), HttpStatusCode.BadRequest, "too-many-parts");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"refused after {clock.Elapsed}");
    }

    [Fact]
    public async Task An_empty_file_is_refused_and_nothing_is_stored()
    {
        var (id, key) = await fixture.NewPartnerAsync();
        using var partner = fixture.Client(key);

        await ReportsApi.AssertProblemAsync(await partner.PostAsync("/api/reports", ReportsApi.Form([], "empty.txt")), HttpStatusCode.BadRequest, "empty");

        Assert.Empty(await BlobsOfAsync(id));
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_is_refused()
    {
        var (_, key) = await fixture.NewPartnerAsync();
        using var partner = fixture.Client(key);
        using var json = new StringContent("{\"cycle\":\"COP-7\"}", Encoding.UTF8, "application/json");

        await ReportsApi.AssertProblemAsync(await partner.PostAsync("/api/reports", json), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("COP 7; DROP")]
    [InlineData("../COP-7")]
    public async Task An_upload_without_a_valid_cycle_is_refused(string? cycle)
    {
        var (id, key) = await fixture.NewPartnerAsync();
        using var partner = fixture.Client(key);

        await ReportsApi.AssertProblemAsync(await partner.PostAsync("/api/reports", ReportsApi.Form(Text, "r.txt", cycle)), HttpStatusCode.BadRequest, "validation");

        Assert.Empty(await BlobsOfAsync(id));
    }

    [Theory]
    [InlineData("../../evil.txt")]
    [InlineData("..")]
    [InlineData("sub\\evil.txt")]
    [InlineData("bell\u0007.txt")]
    [InlineData("line\nbreak.txt")]
    public async Task A_file_name_with_a_path_or_control_characters_is_refused_and_nothing_is_stored(string fileName)
    {
        var (id, key) = await fixture.NewPartnerAsync();
        using var partner = fixture.Client(key);
        var before = await AllBlobsAsync();

        using var form = ReportsApi.Form(Text, "placeholder.txt");
        // HttpClient would quote or refuse some of these names itself; write the header as a hostile client would.
        form.Last().Headers.ContentDisposition = ContentDispositionHeaderValue.Parse(
            $"form-data; name=\"file\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}");
        await ReportsApi.AssertProblemAsync(await partner.PostAsync("/api/reports", form), HttpStatusCode.BadRequest, "invalid-file-name");

        Assert.Empty(await BlobsOfAsync(id));
        Assert.Equal(before, await AllBlobsAsync());
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client().GetAsync("/api/health")).StatusCode);
    }

    [Fact]
    public async Task A_file_name_of_300_characters_is_refused()
    {
        var (id, key) = await fixture.NewPartnerAsync();
        using var partner = fixture.Client(key);

        await ReportsApi.AssertProblemAsync(
            await partner.PostAsync("/api/reports", ReportsApi.Form(Text, new string('r', 296) + ".txt")), HttpStatusCode.BadRequest, "invalid-file-name");

        Assert.Empty(await BlobsOfAsync(id));
    }

    [Fact]
    public async Task A_file_name_of_255_characters_in_any_script_is_kept_as_sent()
    {
        var (_, key) = await fixture.NewPartnerAsync();
        using var partner = fixture.Client(key);
        var name = "Доклад ВОЗ 报告 تقرير " + new string('x', 200) + ".txt";

        var id = await ReportsApi.UploadAsync(partner, Text, name);

        var (report, _) = await ReportsApi.WaitUntilProcessedAsync(partner, id, TimeSpan.FromSeconds(5));
        Assert.Equal(name, report.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task A_two_gigabyte_upload_announced_by_content_length_is_refused_at_once_without_being_read()
    {
        var (_, key) = await fixture.NewPartnerAsync();
        using var socket = new TcpClient();
        await socket.ConnectAsync(fixture.BaseAddress.Host, fixture.BaseAddress.Port);
        var stream = socket.GetStream();
        var head = "POST /api/reports HTTP/1.1\r\n" +
                   $"Host: {fixture.BaseAddress.Authority}\r\n" +
                   $"Authorization: Bearer {key}\r\n" +
                   "Content-Type: multipart/form-data; boundary=XYZ\r\n" +
                   "Content-Length: 2147483648\r\n\r\n" +
                   "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.txt\"\r\n\r\n";
        var clock = Stopwatch.StartNew();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var statusLine = await reader.ReadLineAsync(timeout.Token);
        var headers = new List<string>();
        while (await reader.ReadLineAsync(timeout.Token) is { Length: > 0 } line)
        {
            headers.Add(line);
        }

        Assert.Equal("HTTP/1.1 413 Payload Too Large", statusLine);
        Assert.Contains(headers, h => h.StartsWith("Content-Type: application/problem+json", StringComparison.OrdinalIgnoreCase));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"answered after {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client().GetAsync("/api/health")).StatusCode);
    }

    [Fact]
    public async Task A_streamed_upload_over_the_configured_limit_is_refused_while_it_streams()
    {
        await using var small = await ServerApp.CreateAsync([.. ServerFixture.ServerArguments(fixture.StorageConnectionString), "--Minamata:Extraction:MaxFileBytes=1000"]);
        await small.StartAsync();
        var (id, key) = await fixture.NewPartnerAsync();
        using var partner = new HttpClient { BaseAddress = new Uri(small.Urls.Single()) };
        partner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var form = ReportsApi.Form(new byte[5000].Select(_ => (byte)'a').ToArray(), "long.txt");
        // No Content-Length: the limit must hold while the body streams, not only from the header.
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports") { Content = form };
        request.Headers.TransferEncodingChunked = true;

        await ReportsApi.AssertProblemAsync(await partner.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "too-large");

        Assert.Empty(await BlobsOfAsync(id));
        await small.StopAsync();
    }

    [Fact]
    public async Task The_secretariat_uploads_for_a_partner_it_names_before_the_file()
    {
        var (id, _) = await fixture.NewPartnerAsync();
        using var secretariat = fixture.Secretariat();

        using var unnamed = await secretariat.PostAsync("/api/reports", ReportsApi.Form(Text, "r.txt"));
        await ReportsApi.AssertProblemAsync(unnamed, HttpStatusCode.BadRequest, "validation");
        using var unknown = await secretariat.PostAsync("/api/reports", ReportsApi.Form(Text, "r.txt", partner: "NOBODY"));
        await ReportsApi.AssertProblemAsync(unknown, HttpStatusCode.BadRequest, "unknown-partner");

        using var named = await secretariat.PostAsync("/api/reports", ReportsApi.Form(Text, "r.txt", partner: id));
        Assert.Equal(HttpStatusCode.Accepted, named.StatusCode);
        var reportId = (await ReportsApi.JsonAsync(named)).GetProperty("id").GetString()!;
        var (report, _) = await ReportsApi.WaitUntilProcessedAsync(secretariat, reportId, TimeSpan.FromSeconds(5));
        Assert.Equal(id, report.GetProperty("partner").GetString());
    }

    [Fact]
    public async Task A_partner_cannot_upload_in_another_partners_name()
    {
        var (_, key) = await fixture.NewPartnerAsync();
        var (otherId, _) = await fixture.NewPartnerAsync();
        using var partner = fixture.Client(key);

        await ReportsApi.AssertProblemAsync(
            await partner.PostAsync("/api/reports", ReportsApi.Form(Text, "r.txt", partner: otherId)), HttpStatusCode.Forbidden, "forbidden");

        Assert.Empty(await BlobsOfAsync(otherId));
    }

    private async Task<List<string>> BlobsOfAsync(string partnerId)
    {
        var names = new List<string>();
        await foreach (var blob in fixture.Storage.Uploads.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, partnerId + "/", CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    private async Task<HashSet<string>> AllBlobsAsync()
    {
        var names = new HashSet<string>();
        await foreach (var blob in fixture.Storage.Uploads.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
