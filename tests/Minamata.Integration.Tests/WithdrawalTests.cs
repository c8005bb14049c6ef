using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Minamata.Integration.Tests;

/// <summary>Reports taken back, files sent twice, and uploads to a cycle that does not expect the partner, on real Azurite.</summary>
[Collection(StorageCollection.Name)]
public sealed class WithdrawalTests(ServerFixture fixture)
{
    [Fact]
    public async Task A_withdrawn_report_is_kept_with_its_history_and_leaves_the_status_the_searches_and_the_compilation()
    {
        var (cycle, partnerId, key) = await fixture.NewCycleWithPartnerAsync("WD");
        using var partner = fixture.Client(key);
        using var secretariat = fixture.Secretariat();
        var id = await ReportsApi.UploadAsync(partner, Encoding.UTF8.GetBytes("Report of another organization on mercury in dental amalgam, sent by mistake."), "wrong.txt", cycle);
        await ReportsApi.WaitUntilProcessedAsync(partner, id, TimeSpan.FromSeconds(10));
        Assert.Equal("submitted", await StateAsync(secretariat, cycle, partnerId));

        await ReportsApi.AssertProblemAsync(await partner.PostAsJsonAsync($"/api/reports/{id}/withdraw", new { reason = " " }), HttpStatusCode.BadRequest, "validation");
        var (_, otherKey) = await fixture.NewPartnerAsync("WDO");
        await ReportsApi.AssertProblemAsync(await fixture.Client(otherKey).PostAsJsonAsync($"/api/reports/{id}/withdraw", new { reason = "Not mine" }), HttpStatusCode.NotFound, "not-found");
        using var withdrawn = await partner.PostAsJsonAsync($"/api/reports/{id}/withdraw", new { reason = "Sent by mistake: another organization's report" });

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var view = await ReportsApi.JsonAsync(withdrawn);
        Assert.Equal("withdrawn", view.GetProperty("status").GetString());
        var line = view.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("withdrawn", partnerId, "Sent by mistake: another organization's report"), (line.GetProperty("event").GetString(), line.GetProperty("by").GetString(), line.GetProperty("detail").GetString()));
        Assert.Equal("missing", await StateAsync(secretariat, cycle, partnerId));
        Assert.DoesNotContain(id, await IdsAsync(secretariat, $"cycle={cycle}"));
        Assert.Contains(id, await IdsAsync(secretariat, $"cycle={cycle}&status=withdrawn"));
        Assert.Contains(id, await IdsAsync(partner, $"cycle={cycle}"));
        var compiled = await ReportsApi.CompileAsync(secretariat, cycle);
        Assert.Equal(0, compiled.GetProperty("reportCount").GetInt32());
        // The file stays, for the record.
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/reports/{id}/file")).StatusCode);
        // Twice is once.
        using var again = await partner.PostAsJsonAsync($"/api/reports/{id}/withdraw", new { reason = "Again" });
        Assert.Single((await ReportsApi.JsonAsync(again)).GetProperty("history").EnumerateArray(), h => h.GetProperty("event").GetString() == "withdrawn");
    }

    [Fact]
    public async Task A_withdrawn_correction_gives_the_corrected_report_its_place_back_and_an_issued_report_cannot_be_withdrawn()
    {
        var (cycle, partnerId, key) = await fixture.NewCycleWithPartnerAsync("WDC");
        using var partner = fixture.Client(key);
        using var secretariat = fixture.Secretariat();
        var first = await ReportsApi.UploadAsync(partner, Encoding.UTF8.GetBytes($"First report of {partnerId} on mercury waste."), "first.txt", cycle);
        await ReportsApi.WaitUntilProcessedAsync(partner, first, TimeSpan.FromSeconds(10));
        using var corrected = await partner.PostAsync("/api/reports", ReportsApi.Form(Encoding.UTF8.GetBytes($"Corrected report of {partnerId} on mercury waste."), "corrected.txt", cycle, replaces: first));
        var correction = (await ReportsApi.JsonAsync(corrected)).GetProperty("id").GetString()!;
        await ReportsApi.WaitUntilProcessedAsync(partner, correction, TimeSpan.FromSeconds(10));
        await ReportsApi.WaitForStatusAsync(partner, first, "superseded");

        await ReportsApi.AssertProblemAsync(await partner.PostAsJsonAsync($"/api/reports/{first}/withdraw", new { reason = "Old" }), HttpStatusCode.Conflict, "conflict");
        (await partner.PostAsJsonAsync($"/api/reports/{correction}/withdraw", new { reason = "The correction was wrong" })).EnsureSuccessStatusCode();

        var restored = await ReportsApi.JsonAsync(await partner.GetAsync($"/api/reports/{first}"));
        Assert.Equal("indexed", restored.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, restored.GetProperty("supersededBy").ValueKind);
        Assert.Contains(restored.GetProperty("history").EnumerateArray(), h => h.GetProperty("event").GetString() == "restored" && h.GetProperty("detail").GetString() == correction);
        Assert.Equal([first], (await IdsAsync(secretariat, $"cycle={cycle}")).ToArray());

        using (await secretariat.PutAsJsonAsync($"/api/cycles/{cycle}", new { title = "Withdrawal", meetingStart = "2099-11-01", submissionDeadline = "2099-08-15", expectedPartners = new[] { partnerId }, infSeries = new { prefix = $"UNEP/MC/{cycle}/INF/", first = 1 } }))
        {
        }

        (await secretariat.PostAsJsonAsync($"/api/cycles/{cycle}/issue", new { reports = new[] { first } })).EnsureSuccessStatusCode();
        var refused = await ReportsApi.AssertProblemAsync(await secretariat.PostAsJsonAsync($"/api/reports/{first}/withdraw", new { reason = "Late second thoughts" }), HttpStatusCode.Conflict, "conflict");
        Assert.Contains($"issued as UNEP/MC/{cycle}/INF/1", refused.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_file_a_correction_replaced_sent_again_is_the_report_it_was_and_the_compilation_lists_the_document_once()
    {
        var (cycle, partnerId, key) = await fixture.NewCycleWithPartnerAsync("SAME");
        using var partner = fixture.Client(key);
        using var secretariat = fixture.Secretariat();
        var original = Encoding.UTF8.GetBytes($"Report of {partnerId} on mercury-added products, first version.");
        var first = await ReportsApi.UploadAsync(partner, original, "report.txt", cycle);
        await ReportsApi.WaitUntilProcessedAsync(partner, first, TimeSpan.FromSeconds(10));
        using var corrected = await partner.PostAsync("/api/reports", ReportsApi.Form(Encoding.UTF8.GetBytes($"Report of {partnerId} on mercury-added products, corrected."), "report-v2.txt", cycle, replaces: first));
        var correction = (await ReportsApi.JsonAsync(corrected)).GetProperty("id").GetString()!;
        await ReportsApi.WaitUntilProcessedAsync(partner, correction, TimeSpan.FromSeconds(10));
        await ReportsApi.WaitForStatusAsync(partner, first, "superseded");

        using var resent = await partner.PostAsync("/api/reports", ReportsApi.Form(original, "report.txt", cycle));

        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        var receipt = await ReportsApi.JsonAsync(resent);
        Assert.Equal(first, receipt.GetProperty("duplicateOf").GetString());
        Assert.Equal("superseded", receipt.GetProperty("status").GetString());
        Assert.Equal([correction], (await IdsAsync(secretariat, $"cycle={cycle}&status=indexed")).ToArray());
        var compiled = await ReportsApi.CompileAsync(secretariat, cycle);
        Assert.Equal(1, compiled.GetProperty("reportCount").GetInt32());
    }

    [Fact]
    public async Task A_partner_uploads_only_to_a_cycle_that_expects_it_and_the_secretariat_may_upload_for_it()
    {
        var (_, partnerId, key) = await fixture.NewCycleWithPartnerAsync("EXP");
        var elsewhere = ServerFixture.NewCycleId();
        await fixture.OpenCycleAsync(elsewhere, new DateOnly(2099, 8, 15));
        using var partner = fixture.Client(key);
        var file = Encoding.UTF8.GetBytes($"Report of {partnerId} for a meeting that does not expect it.");

        var refused = await ReportsApi.AssertProblemAsync(await partner.PostAsync("/api/reports", ReportsApi.Form(file, "report.txt", elsewhere)), HttpStatusCode.BadRequest, "not-expected");
        Assert.Equal($"{partnerId} is not expected to report for {elsewhere}.", refused.GetProperty("errors").GetProperty("cycle")[0].GetString());
        await ReportsApi.AssertProblemAsync(await partner.PostAsJsonAsync("/api/uploads", new { fileName = "large.pdf", cycle = elsewhere }), HttpStatusCode.BadRequest, "not-expected");
        using var secretariat = fixture.Secretariat();
        using var onBehalf = await secretariat.PostAsync("/api/reports", ReportsApi.Form(file, "report.txt", elsewhere, partner: partnerId));
        Assert.Equal(HttpStatusCode.Accepted, onBehalf.StatusCode);
    }

    private static async Task<string?> StateAsync(HttpClient secretariat, string cycle, string partner) =>
        (await ReportsApi.JsonAsync(await secretariat.GetAsync($"/api/cycles/{cycle}/status"))).GetProperty("partners").EnumerateArray()
            .Single(p => p.GetProperty("id").GetString() == partner).GetProperty("state").GetString();

    private static async Task<List<string>> IdsAsync(HttpClient client, string query) =>
        [.. (await ReportsApi.JsonAsync(await client.GetAsync($"/api/reports?{query}"))).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];
}
