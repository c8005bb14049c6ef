using System.Net;
using System.Text;
using System.Text.Json;

namespace Minamata.Integration.Tests;

/// <summary>The review queue on real Azurite: what the secretariat should look at, and a correction settling it.</summary>
[Collection(StorageCollection.Name)]
public sealed class ReviewTests(ServerFixture fixture)
{
    [Fact]
    public async Task The_queue_lists_a_bare_report_before_a_rejected_one_and_a_correction_takes_its_field_off()
    {
        var (cycle, partnerId, key) = await fixture.NewCycleWithPartnerAsync("UNEP");
        using var partner = fixture.Client(key);
        using var secretariat = fixture.Secretariat();
        // No symbol, no date, no period, nobody named as its author: all of it is for the secretariat to check.
        var bare = await ReportsApi.UploadAsync(partner, Encoding.UTF8.GetBytes("Some notes on mercury.\n\nThey were written quickly."), "notes.txt", cycle);
        var broken = await ReportsApi.UploadAsync(partner, Encoding.UTF8.GetBytes("%PDF-1.7\nnot really a PDF at all"), "broken.pdf", cycle);
        await ReportsApi.WaitUntilProcessedAsync(partner, bare, TimeSpan.FromSeconds(10));
        await ReportsApi.WaitUntilProcessedAsync(partner, broken, TimeSpan.FromSeconds(10));

        var items = await QueueAsync(secretariat, cycle);
        Assert.Equal([bare, broken], items.Select(i => i.GetProperty("id").GetString()));
        var reasons = Reasons(items[0]);
        Assert.Superset(new HashSet<string> { "missing:symbol", "missing:documentDate", "missing:reportingPeriod", "missing:submittedBy" }, reasons.ToHashSet());
        Assert.Equal(partnerId, items[0].GetProperty("partner").GetString());
        Assert.Equal("notes.txt", items[0].GetProperty("fileName").GetString());
        Assert.Equal(["rejected"], Reasons(items[1]));

        Assert.Equal(HttpStatusCode.OK, (await ReportsApi.PatchMetadataAsync(secretariat, bare, """{"documentDate":"2026-11-02","submittedBy":"UNEP"}""")).StatusCode);
        var after = Reasons((await QueueAsync(secretariat, cycle)).Single(i => i.GetProperty("id").GetString() == bare));
        Assert.Equal(reasons.Where(r => r is not "missing:documentDate" and not "missing:submittedBy"), after);

        await ReportsApi.AssertProblemAsync(await partner.GetAsync($"/api/cycles/{cycle}/review"), HttpStatusCode.Forbidden, "forbidden");
        await ReportsApi.AssertProblemAsync(await secretariat.GetAsync("/api/cycles/NOPE-9/review"), HttpStatusCode.NotFound, "not-found");
    }

    private static async Task<List<JsonElement>> QueueAsync(HttpClient secretariat, string cycle)
    {
        using var response = await secretariat.GetAsync($"/api/cycles/{cycle}/review");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await ReportsApi.JsonAsync(response)).GetProperty("items").EnumerateArray()];
    }

    private static List<string> Reasons(JsonElement item) => [.. item.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!)];
}
