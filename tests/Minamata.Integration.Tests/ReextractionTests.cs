using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Minamata.Cli;
using Minamata.Reporting.Compilation;
using Minamata.Reporting.Index;
using Minamata.Reporting.Metadata;

namespace Minamata.Integration.Tests;

/// <summary>
/// Reports read by an older extraction are read again, through the API or for a whole cycle by
/// <c>minamata reextract</c>, on real Azurite: what was extracted is replaced, corrections are kept.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class ReextractionTests(ServerFixture fixture)
{
    private const string Title = "Report of the International Labour Organization on artisanal gold mining";

    [Fact]
    public async Task Reextracting_a_report_reads_it_with_the_current_extraction_and_keeps_its_corrections()
    {
        var (cycle, partnerId, key) = await fixture.NewCycleWithPartnerAsync("ILO");
        using var partner = fixture.Client(key);
        using var secretariat = fixture.Secretariat();
        var id = await UploadAsync(partner, cycle, "ilo.txt");
        Assert.Equal(HttpStatusCode.OK, (await ReportsApi.PatchMetadataAsync(secretariat, id, """{"symbol":"UNEP/MC/COP.7/INF/13"}""")).StatusCode);
        await AsReadByAnOlderExtractionAsync(id);

        using var accepted = await secretariat.PostAsync($"/api/reports/{id}/reextract", null);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal($"/api/reports/{id}", accepted.Headers.Location?.OriginalString);

        // The server's reconcile loop reads it within seconds; the report stays indexed meanwhile.
        var report = await ReportsApi.JsonAsync(await secretariat.GetAsync($"/api/reports/{id}"));
        for (var waited = 0; report.GetProperty("extractorVersion").GetString() != MetadataExtractor.Version && waited < 100; waited++)
        {
            Assert.Equal("indexed", report.GetProperty("status").GetString());
            await Task.Delay(200);
            report = await ReportsApi.JsonAsync(await secretariat.GetAsync($"/api/reports/{id}"));
        }

        Assert.Equal(MetadataExtractor.Version, report.GetProperty("extractorVersion").GetString());
        Assert.Equal(Title, report.GetProperty("extracted").GetProperty("title").GetString());
        Assert.Equal("UNEP/MC/COP.7/INF/13", report.GetProperty("metadata").GetProperty("symbol").GetString());
        Assert.Contains(report.GetProperty("history").EnumerateArray(), h => h.GetProperty("event").GetString() == "reextraction-requested" && h.GetProperty("detail").GetString() == MetadataExtractor.Version);

        await ReportsApi.AssertProblemAsync(await partner.PostAsync($"/api/reports/{id}/reextract", null), HttpStatusCode.Forbidden, "forbidden");
        await ReportsApi.AssertProblemAsync(await secretariat.PostAsync($"/api/reports/{partnerId}-0000/reextract", null), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Minamata_reextract_reads_a_whole_cycle_again_in_the_deployments_storage()
    {
        var (cycle, partnerId, key) = await fixture.NewCycleWithPartnerAsync("ILO");
        using var partner = fixture.Client(key);
        var first = await UploadAsync(partner, cycle, "first.txt");
        var second = await UploadAsync(partner, cycle, "second.txt", " Second part.");
        await AsReadByAnOlderExtractionAsync(first);
        await AsReadByAnOlderExtractionAsync(second);
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await CommandLine.RunAsync(["reextract", "--cycle", cycle, "--storage", fixture.StorageConnectionString], ReportWriters.Registered(), output, error);

        Assert.Equal(0, exit);
        Assert.Equal($"Read 2 reports of {cycle} again with extraction {MetadataExtractor.Version}: 2 indexed.", output.ToString().Trim());
        var index = fixture.Server.Services.GetRequiredService<ReportIndex>();
        foreach (var id in new[] { first, second })
        {
            var report = (await index.GetAsync(id, default))!;
            Assert.Equal(MetadataExtractor.Version, report.ExtractorVersion);
            Assert.Equal(Title, report.Extracted!.Title);
        }

        var refused = new StringWriter();
        Assert.Equal(2, await CommandLine.RunAsync(["reextract", "--cycle", "not a cycle", "--storage", fixture.StorageConnectionString], ReportWriters.Registered(), output, refused));
        Assert.Single(refused.ToString().Trim().Split('\n'));
    }

    [Fact]
    public async Task Minamata_reextract_compiled_ahead_of_time_reads_and_writes_the_index_as_the_jit_build_does()
    {
        var (cycle, _, key) = await fixture.NewCycleWithPartnerAsync("ILO");
        using var partner = fixture.Client(key);
        var id = await UploadAsync(partner, cycle, "native.txt");
        await AsReadByAnOlderExtractionAsync(id);

        var (exit, output, errors) = await NativeCommandLine.RunAsync("reextract", "--cycle", cycle, "--storage", fixture.StorageConnectionString);

        Assert.True(exit == 0, errors);
        Assert.Equal($"Read 1 reports of {cycle} again with extraction {MetadataExtractor.Version}: 1 indexed.", output.Trim());
        var report = (await fixture.Server.Services.GetRequiredService<ReportIndex>().GetAsync(id, default))!;
        Assert.Equal(MetadataExtractor.Version, report.ExtractorVersion);
        Assert.Equal(Title, report.Extracted!.Title);
    }

    private static async Task<string> UploadAsync(HttpClient partner, string cycle, string fileName, string more = "")
    {
        var text = $"{Title}\n\nThe ILO supported national action plans under article 7 of the Convention.{more}";
        var id = await ReportsApi.UploadAsync(partner, Encoding.UTF8.GetBytes(text), fileName, cycle);
        var (report, _) = await ReportsApi.WaitUntilProcessedAsync(partner, id, TimeSpan.FromSeconds(10));
        Assert.Equal("indexed", report.GetProperty("status").GetString());
        return id;
    }

    /// <summary>What an index written by an earlier build holds: another reading of the title, an older extraction.</summary>
    private async Task AsReadByAnOlderExtractionAsync(string id)
    {
        var index = fixture.Server.Services.GetRequiredService<ReportIndex>();
        var report = (await index.GetAsync(id, default))!;
        Assert.NotNull(await index.TryUpdateAsync(report with { Extracted = report.Extracted! with { Title = "An older reading" }, ExtractorVersion = "2025-01-01" }, default));
    }
}
