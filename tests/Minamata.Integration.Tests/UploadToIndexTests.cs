using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Minamata.Fixtures;

namespace Minamata.Integration.Tests;

[Collection(StorageCollection.Name)]
public sealed class UploadToIndexTests(ServerFixture fixture)
{
    private static readonly byte[] Report = Encoding.UTF8.GetBytes("Report of the World Health Organization on mercury and health, 2024-2025.");

    [Fact]
    public async Task A_partner_upload_goes_from_received_to_indexed_within_five_seconds_with_its_metadata()
    {
        var (_, key) = await fixture.NewPartnerAsync("WHO");
        using var partner = fixture.Client(key);

        var id = await ReportsApi.UploadAsync(partner, Report, "rapport-santé.txt");
        var (report, elapsed) = await ReportsApi.WaitUntilProcessedAsync(partner, id, TimeSpan.FromSeconds(5));

        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"indexed after {elapsed}");
        Assert.Equal("indexed", report.GetProperty("status").GetString());
        Assert.Equal("rapport-santé.txt", report.GetProperty("fileName").GetString());
        Assert.Equal("COP-7", report.GetProperty("cycle").GetString());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("error").ValueKind);
        Assert.True(report.GetProperty("indexedAt").GetDateTimeOffset() >= report.GetProperty("receivedAt").GetDateTimeOffset());
        var metadata = report.GetProperty("metadata");
        Assert.Equal("txt", metadata.GetProperty("format").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Report)), metadata.GetProperty("sha256").GetString());
        Assert.Equal(11, metadata.GetProperty("wordCount").GetInt32());
        Assert.Equal("rapport-santé.txt", metadata.GetProperty("file").GetString());
        // Sent by a program, not through the portal.
        Assert.Equal("api", report.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task An_upload_the_portal_says_it_sent_shows_it_came_in_through_the_portal()
    {
        var (_, key) = await fixture.NewPartnerAsync("WHO");
        using var partner = fixture.Client(key);
        partner.DefaultRequestHeaders.Add("Minamata-Client", "portal");

        var id = await ReportsApi.UploadAsync(partner, Report, "from the portal.txt");

        using var shown = await partner.GetAsync($"/api/reports/{id}");
        Assert.Equal("portal", (await ReportsApi.JsonAsync(shown)).GetProperty("channel").GetString());
    }

    [Fact]
    public async Task The_secretariat_sees_the_partners_report_and_both_download_the_original_bytes()
    {
        var (partnerId, key) = await fixture.NewPartnerAsync("ILO");
        using var partner = fixture.Client(key);
        using var secretariat = fixture.Secretariat();
        var id = await ReportsApi.UploadAsync(partner, Report, "ilo report.txt");
        await ReportsApi.WaitUntilProcessedAsync(partner, id, TimeSpan.FromSeconds(5));

        using var listed = await secretariat.GetAsync($"/api/reports?partner={partnerId}");
        var items = (await ReportsApi.JsonAsync(listed)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(id, Assert.Single(items).GetProperty("id").GetString());

        foreach (var client in new[] { partner, secretariat })
        {
            using var file = await client.GetAsync($"/api/reports/{id}/file");
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal(Report, await file.Content.ReadAsByteArrayAsync());
            Assert.Equal("text/plain", file.Content.Headers.ContentType?.MediaType);
            Assert.Equal("ilo report.txt", file.Content.Headers.ContentDisposition?.FileNameStar ?? file.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        }
    }

    [Fact]
    public async Task A_blob_written_straight_into_the_upload_container_is_indexed_too()
    {
        var (partnerId, key) = await fixture.NewPartnerAsync("UNICEF");
        var blobName = $"{partnerId}/COP-7/children and mercury.txt";
        await fixture.Storage.Uploads.GetBlobClient(blobName).UploadAsync(new BinaryData(Report), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain" } });

        using var partner = fixture.Client(key);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        List<JsonElement> items;
        do
        {
            await Task.Delay(100);
            using var listed = await partner.GetAsync("/api/reports");
            items = (await ReportsApi.JsonAsync(listed)).GetProperty("items").EnumerateArray().ToList();
        }
        while ((items.Count == 0 || items[0].GetProperty("status").GetString() != "indexed") && DateTime.UtcNow < deadline);

        var report = Assert.Single(items);
        Assert.Equal("indexed", report.GetProperty("status").GetString());
        Assert.Equal("children and mercury.txt", report.GetProperty("fileName").GetString());
        Assert.Equal("COP-7", report.GetProperty("cycle").GetString());
        Assert.Equal(partnerId, report.GetProperty("partner").GetString());
        Assert.Equal(11, report.GetProperty("metadata").GetProperty("wordCount").GetInt32());
        Assert.Equal("storage", report.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task A_file_the_pipeline_cannot_read_becomes_a_rejected_report_with_a_reason()
    {
        var (_, key) = await fixture.NewPartnerAsync("IAEA");
        using var partner = fixture.Client(key);
        var binary = new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x02, 0x00, 0xFF };

        var id = await ReportsApi.UploadAsync(partner, binary, "program.bin");
        var (report, _) = await ReportsApi.WaitUntilProcessedAsync(partner, id, TimeSpan.FromSeconds(5));

        Assert.Equal("rejected", report.GetProperty("status").GetString());
        Assert.Equal("unsupported-format", report.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(report.GetProperty("error").GetProperty("message").GetString()));
        Assert.Equal(JsonValueKind.Null, report.GetProperty("metadata").ValueKind);
        using var health = await fixture.Client().GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task The_index_keeps_every_metadata_field_the_extractor_read()
    {
        var (_, key) = await fixture.NewPartnerAsync("UNEP");
        using var partner = fixture.Client(key);
        var document = CorpusDocument.Load("ru-secretariat-inf-note", "docx");

        var id = await ReportsApi.UploadAsync(partner, await File.ReadAllBytesAsync(document.Path), document.File);
        var (report, _) = await ReportsApi.WaitUntilProcessedAsync(partner, id, TimeSpan.FromSeconds(5));

        var differences = document.Differences(report.GetProperty("metadata")).ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences.Select(d => $"{d.Field}: expected {d.Expected}, got {d.Actual}")));
        using var byLanguage = await partner.GetAsync("/api/reports?language=ru");
        Assert.Contains((await ReportsApi.JsonAsync(byLanguage)).GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task A_report_submitted_by_another_organisation_is_indexed_with_a_history_line_naming_it()
    {
        var (_, whoKey) = await fixture.NewPartnerAsync("WHO");
        var (_, iloKey) = await fixture.NewPartnerAsync("ILO");
        using var who = fixture.Client(whoKey);
        using var ilo = fixture.Client(iloKey);
        var text = Encoding.UTF8.GetBytes("Occupational exposure to mercury\n\nThis report is submitted by the International Labour Organization to the Conference of the Parties.\n");

        var viaWho = await ReportsApi.UploadAsync(who, text, "ilo-report.txt");
        var viaIlo = await ReportsApi.UploadAsync(ilo, text, "ilo-report.txt");
        var (fromWho, _) = await ReportsApi.WaitUntilProcessedAsync(who, viaWho, TimeSpan.FromSeconds(5));
        var (fromIlo, _) = await ReportsApi.WaitUntilProcessedAsync(ilo, viaIlo, TimeSpan.FromSeconds(5));

        Assert.Equal("indexed", fromWho.GetProperty("status").GetString());
        Assert.Equal("ILO", fromWho.GetProperty("metadata").GetProperty("submittedBy").GetString());
        Assert.Equal("body", fromWho.GetProperty("metadata").GetProperty("sources").GetProperty("submittedBy").GetString());
        // The history line follows the verdict: wait for it as a user refreshing the page would.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!fromWho.GetProperty("history").EnumerateArray().Any(h => h.GetProperty("event").GetString() == "submitted-by-another") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            using var again = await who.GetAsync($"/api/reports/{viaWho}");
            fromWho = await ReportsApi.JsonAsync(again);
        }

        var line = Assert.Single(fromWho.GetProperty("history").EnumerateArray(), h => h.GetProperty("event").GetString() == "submitted-by-another");
        Assert.Equal("ILO", line.GetProperty("detail").GetString());
        Assert.Equal("ILO", fromIlo.GetProperty("metadata").GetProperty("submittedBy").GetString());
        Assert.DoesNotContain(fromIlo.GetProperty("history").EnumerateArray(), h => h.GetProperty("event").GetString() == "submitted-by-another");
    }

    [Fact]
    public async Task A_file_is_served_as_what_its_bytes_are_not_as_what_the_client_claimed()
    {
        var (_, key) = await fixture.NewPartnerAsync("WHO");
        using var partner = fixture.Client(key);
        var form = new MultipartFormDataContent { { new StringContent(ServerFixture.OpenCycle), "cycle" } };
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes("A plain report <script>alert(1)</script> on mercury."));
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/html");
        form.Add(part, "file", "report.txt");

        using var uploaded = await partner.PostAsync("/api/reports", form);
        var id = (await ReportsApi.JsonAsync(uploaded)).GetProperty("id").GetString()!;
        await ReportsApi.WaitUntilProcessedAsync(partner, id, TimeSpan.FromSeconds(5));
        using var file = await partner.GetAsync($"/api/reports/{id}/file");

        Assert.Equal("text/plain", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["nosniff"], file.Headers.GetValues("X-Content-Type-Options"));
    }
}
