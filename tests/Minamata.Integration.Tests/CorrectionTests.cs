using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Minamata.Reporting.Index;
using Minamata.Reporting.Intake;
using Minamata.Reporting.Storage;

namespace Minamata.Integration.Tests;

/// <summary>
/// The secretariat corrects what the extractor read, on real Azurite: the correction is what search
/// and the compilation use, the extracted value stays beside it, a re-read of the file keeps it,
/// and clearing it brings the extracted value back.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class CorrectionTests(ServerFixture fixture)
{
    private const string Report = """
        Report of the World Health Organization on mercury in health care

        In 2025 the World Health Organization (WHO) supported ministries of health in replacing
        mercury thermometers under article 4 of the Convention.
        """;

    private const string CorrectedTitle = "Quicksilver phase-out in hospitals";

    [Fact]
    public async Task A_corrected_title_is_what_search_and_the_compilation_show_a_reread_keeps_it_and_clearing_it_brings_back_the_extracted_one()
    {
        var (cycle, partnerId, key) = await fixture.NewCycleWithPartnerAsync("WHO");
        using var partner = fixture.Client(key);
        using var secretariat = fixture.Secretariat();
        var id = await ReportsApi.UploadAsync(partner, Encoding.UTF8.GetBytes(Report), "who.txt", cycle);
        await ReportsApi.WaitUntilProcessedAsync(partner, id, TimeSpan.FromSeconds(10));

        using var read = await secretariat.GetAsync($"/api/reports/{id}");
        var extractedTitle = (await ReportsApi.JsonAsync(read)).GetProperty("metadata").GetProperty("title").GetString();
        Assert.Equal("Report of the World Health Organization on mercury in health care", extractedTitle);

        using var corrected = await PatchAsync(secretariat, id, new { title = CorrectedTitle }, read.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var view = await ReportsApi.JsonAsync(corrected);
        Assert.Equal(CorrectedTitle, view.GetProperty("metadata").GetProperty("title").GetString());
        Assert.Equal(extractedTitle, view.GetProperty("extracted").GetProperty("title").GetString());
        Assert.Equal(CorrectedTitle, view.GetProperty("corrections").GetProperty("title").GetProperty("value").GetString());
        Assert.Equal("secretariat", view.GetProperty("corrections").GetProperty("title").GetProperty("by").GetString());
        Assert.Contains(view.GetProperty("history").EnumerateArray(), h => h.GetProperty("event").GetString() == "corrected" && h.GetProperty("detail").GetString() == "title");
        Assert.NotEqual(read.Headers.ETag, corrected.Headers.ETag);

        // The ETag read before the correction is stale now.
        await ReportsApi.AssertProblemAsync(await PatchAsync(secretariat, id, new { title = "Another title" }, read.Headers.ETag), HttpStatusCode.PreconditionFailed, "stale");

        // Search finds the report by a word only the corrected title has; the owner sees the correction too.
        var found = await ReportsApi.JsonAsync(await secretariat.GetAsync($"/api/reports?cycle={cycle}&q=quicksilver"));
        Assert.Equal([id], found.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(CorrectedTitle, (await ReportsApi.JsonAsync(await partner.GetAsync($"/api/reports/{id}"))).GetProperty("metadata").GetProperty("title").GetString());

        var compiled = await CompileJsonAsync(secretariat, cycle);
        Assert.Equal(CorrectedTitle, compiled.GetProperty("annex").GetProperty("documents").EnumerateArray().Single(r => r.GetProperty("partner").GetString() == partnerId).GetProperty("title").GetString());

        // A new version of the blob is read again by the reconcile sweep: the correction outlives it.
        await TouchBlobAndReconcileAsync(id);
        var reread = await ReportsApi.JsonAsync(await secretariat.GetAsync($"/api/reports/{id}"));
        Assert.Equal(2, reread.GetProperty("history").EnumerateArray().Count(h => h.GetProperty("event").GetString() == "indexed"));
        Assert.Equal(CorrectedTitle, reread.GetProperty("metadata").GetProperty("title").GetString());
        Assert.Equal(extractedTitle, reread.GetProperty("extracted").GetProperty("title").GetString());

        // Cleared (no If-Match: the latest version), the extracted title is back everywhere.
        using var cleared = await PatchAsync(secretariat, id, new { title = (string?)null }, null);
        var back = await ReportsApi.JsonAsync(cleared);
        Assert.Equal(extractedTitle, back.GetProperty("metadata").GetProperty("title").GetString());
        Assert.False(back.GetProperty("corrections").TryGetProperty("title", out _));
        Assert.Contains(back.GetProperty("history").EnumerateArray(), h => h.GetProperty("event").GetString() == "correction-cleared" && h.GetProperty("detail").GetString() == "title");
        Assert.Empty((await ReportsApi.JsonAsync(await secretariat.GetAsync($"/api/reports?cycle={cycle}&q=quicksilver"))).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Every_field_is_checked_and_normalised_a_wrong_one_is_named_and_a_partner_may_not_correct()
    {
        var (_, key) = await fixture.NewPartnerAsync("ILO");
        using var partner = fixture.Client(key);
        using var secretariat = fixture.Secretariat();
        var id = await ReportsApi.UploadAsync(partner, Encoding.UTF8.GetBytes(Report), "ilo.txt");
        await ReportsApi.WaitUntilProcessedAsync(partner, id, TimeSpan.FromSeconds(10));

        using var set = await PatchAsync(secretariat, id, new
        {
            symbol = "unep/mc/cop.7/inf/12",
            documentDate = "2025-03-14",
            reportingPeriod = new { start = "2024-07", end = "2025-06" },
            language = "fr",
            submittedBy = "ILO",
            conventionArticles = new[] { "16(2)(a)", "4", "7(4)" },
            organizations = new[] { "WHO", "ILO", "WHO" },
            referencedDocuments = new[] { "UNEP/MC/COP.6/INF/30" },
        }, null);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var metadata = (await ReportsApi.JsonAsync(set)).GetProperty("metadata");
        Assert.Equal("UNEP/MC/COP.7/INF/12", metadata.GetProperty("symbol").GetString());
        Assert.Equal("2025-03-14", metadata.GetProperty("documentDate").GetString());
        Assert.Equal("2024-07", metadata.GetProperty("reportingPeriod").GetProperty("start").GetString());
        Assert.Equal("fr", metadata.GetProperty("language").GetString());
        Assert.Equal("ILO", metadata.GetProperty("submittedBy").GetString());
        Assert.Equal(["4", "7(4)", "16(2)(a)"], metadata.GetProperty("conventionArticles").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["ILO", "WHO"], metadata.GetProperty("organizations").EnumerateArray().Select(a => a.GetString()));
        // Filtering by language uses the corrected one.
        Assert.Contains(id, (await ReportsApi.JsonAsync(await secretariat.GetAsync("/api/reports?language=fr&pageSize=1000"))).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()));

        using var wrong = await PatchAsync(secretariat, id, new { symbol = "not a symbol", documentDate = "2025-02-30", conventionArticles = new[] { "99" }, submittedBy = "NOBODY", colour = "red" }, null);
        await ReportsApi.AssertProblemAsync(wrong, HttpStatusCode.BadRequest, "validation");
        var errors = (await ReportsApi.JsonAsync(wrong)).GetProperty("errors");
        Assert.Equal(["colour", "conventionArticles", "documentDate", "submittedBy", "symbol"], errors.EnumerateObject().Select(e => e.Name));
        Assert.StartsWith("'symbol' must be a UN document symbol", errors.GetProperty("symbol")[0].GetString(), StringComparison.Ordinal);
        // Nothing of a refused patch is applied.
        Assert.Equal("UNEP/MC/COP.7/INF/12", (await ReportsApi.JsonAsync(await secretariat.GetAsync($"/api/reports/{id}"))).GetProperty("metadata").GetProperty("symbol").GetString());

        await ReportsApi.AssertProblemAsync(await PatchAsync(partner, id, new { title = "Mine" }, null), HttpStatusCode.Forbidden, "forbidden");
        await ReportsApi.AssertProblemAsync(await PatchAsync(secretariat, "ILO-nothing", new { title = "x" }, null), HttpStatusCode.NotFound, "not-found");
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, string id, object patch, EntityTagHeaderValue? ifMatch) =>
        ReportsApi.PatchMetadataAsync(client, id, JsonSerializer.Serialize(patch), ifMatch);

    private async Task TouchBlobAndReconcileAsync(string id)
    {
        var services = fixture.Server.Services;
        var report = (await services.GetRequiredService<ReportIndex>().GetAsync(id, default))!;
        var blob = services.GetRequiredService<ReportStorageClients>().Uploads.GetBlobClient(report.BlobName);
        var metadata = new Dictionary<string, string>((await blob.GetPropertiesAsync()).Value.Metadata) { ["touched"] = "yes" };
        await blob.SetMetadataAsync(metadata);
        await services.GetRequiredService<ReconcileSweep>().RunAsync(default);
    }

    private static async Task<JsonElement> CompileJsonAsync(HttpClient secretariat, string cycle)
    {
        var state = await ReportsApi.CompileAsync(secretariat, cycle);
        Assert.Equal("completed", state.GetProperty("status").GetString());
        return await ReportsApi.JsonAsync(await secretariat.GetAsync(state.GetProperty("outputs").GetProperty("json").GetString()));
    }
}
