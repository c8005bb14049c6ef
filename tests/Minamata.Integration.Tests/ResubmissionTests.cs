using System.Net;
using System.Text;
using System.Text.Json;

namespace Minamata.Integration.Tests;

[Collection(StorageCollection.Name)]
public sealed class ResubmissionTests(ServerFixture fixture)
{
    [Fact]
    public async Task A_correction_supersedes_the_report_it_replaces_and_both_show_the_chain()
    {
        var (_, key) = await fixture.NewPartnerAsync("WHO");
        using var partner = fixture.Client(key);
        var first = await ReportsApi.UploadAsync(partner, Encoding.UTF8.GetBytes("first version with a mistake"), "report.txt");
        await ReportsApi.WaitUntilProcessedAsync(partner, first, TimeSpan.FromSeconds(5));

        using var corrected = await partner.PostAsync("/api/reports", ReportsApi.Form(Encoding.UTF8.GetBytes("second version, corrected"), "report-v2.txt", replaces: first));
        Assert.Equal(HttpStatusCode.Accepted, corrected.StatusCode);
        var second = (await ReportsApi.JsonAsync(corrected)).GetProperty("id").GetString()!;
        var (secondReport, _) = await ReportsApi.WaitUntilProcessedAsync(partner, second, TimeSpan.FromSeconds(5));
        var firstReport = await ReportsApi.WaitForStatusAsync(partner, first, "superseded");

        Assert.Equal("indexed", secondReport.GetProperty("status").GetString());
        Assert.Equal(first, secondReport.GetProperty("replaces").GetString());
        Assert.Equal("superseded", firstReport.GetProperty("status").GetString());
        Assert.Equal(second, firstReport.GetProperty("supersededBy").GetString());
        Assert.Equal(["received", "indexed", "superseded"], Events(firstReport));
        Assert.Equal(["received", "indexed"], Events(secondReport));
    }

    [Fact]
    public async Task A_correction_must_replace_an_own_report_of_the_same_cycle()
    {
        var (partnerId, key) = await fixture.NewPartnerAsync();
        var (_, otherKey) = await fixture.NewPartnerAsync();
        using var partner = fixture.Client(key);
        using var other = fixture.Client(otherKey);
        var othersReport = await ReportsApi.UploadAsync(other, Encoding.UTF8.GetBytes("someone else's"), "o.txt");
        var cycle = ServerFixture.NewCycleId();
        await fixture.OpenCycleAsync(cycle, new DateOnly(2099, 1, 1), partnerId);
        var ownInOtherCycle = await ReportsApi.UploadAsync(partner, Encoding.UTF8.GetBytes("another cycle"), "c.txt", cycle);

        foreach (var replaces in new[] { othersReport, ownInOtherCycle, "../../x", "' or PartitionKey ne '" })
        {
            await ReportsApi.AssertProblemAsync(
                await partner.PostAsync("/api/reports", ReportsApi.Form(Encoding.UTF8.GetBytes("correction " + replaces), "fix.txt", replaces: replaces)),
                HttpStatusCode.BadRequest,
                "validation");
        }

        var untouched = await ReportsApi.JsonAsync(await other.GetAsync($"/api/reports/{othersReport}"));
        Assert.Contains(untouched.GetProperty("status").GetString(), new[] { "received", "indexed" });
        Assert.Equal(JsonValueKind.Null, untouched.GetProperty("supersededBy").ValueKind);
    }

    [Fact]
    public async Task The_same_file_twice_from_a_partner_is_one_report_and_from_another_partner_one_flagged_to_the_secretariat_only()
    {
        var (_, key) = await fixture.NewPartnerAsync("UNEP");
        var (_, otherKey) = await fixture.NewPartnerAsync("GMP");
        using var partner = fixture.Client(key);
        using var other = fixture.Client(otherKey);
        var bytes = Encoding.UTF8.GetBytes("The joint report of UNEP and the Global Mercury Partnership " + Guid.NewGuid());
        var first = await ReportsApi.UploadAsync(partner, bytes, "joint.txt");
        await ReportsApi.WaitUntilProcessedAsync(partner, first, TimeSpan.FromSeconds(5));

        using var again = await partner.PostAsync("/api/reports", ReportsApi.Form(bytes, "joint (copy).txt"));
        var againBody = await ReportsApi.JsonAsync(again);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first, againBody.GetProperty("id").GetString());
        Assert.Equal(first, againBody.GetProperty("duplicateOf").GetString());
        Assert.Single((await ReportsApi.JsonAsync(await partner.GetAsync("/api/reports"))).GetProperty("items").EnumerateArray());

        var theirs = await ReportsApi.UploadAsync(other, bytes, "joint.txt");
        var (theirReport, _) = await ReportsApi.WaitUntilProcessedAsync(other, theirs, TimeSpan.FromSeconds(5));
        Assert.NotEqual(first, theirs);
        Assert.Equal("indexed", theirReport.GetProperty("status").GetString());
        // The other partner is not told the first partner's report id; the secretariat is.
        Assert.False(theirReport.GetProperty("metadata").TryGetProperty("duplicateOf", out _));
        using var listed = await other.GetAsync("/api/reports");
        Assert.DoesNotContain(first, await listed.Content.ReadAsStringAsync());
        using var bySecretariat = await fixture.Secretariat().GetAsync($"/api/reports/{theirs}");
        Assert.Equal(first, (await ReportsApi.JsonAsync(bySecretariat)).GetProperty("metadata").GetProperty("duplicateOf").GetString());
    }

    [Fact]
    public async Task Downloads_by_the_secretariat_are_in_the_history_with_who_and_when()
    {
        var (partnerId, key) = await fixture.NewPartnerAsync();
        using var partner = fixture.Client(key);
        var id = await ReportsApi.UploadAsync(partner, Encoding.UTF8.GetBytes("audited"), "a.txt");
        await ReportsApi.WaitUntilProcessedAsync(partner, id, TimeSpan.FromSeconds(5));

        await fixture.Secretariat().GetByteArrayAsync($"/api/reports/{id}/file");

        var history = (await ReportsApi.JsonAsync(await partner.GetAsync($"/api/reports/{id}"))).GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["received", "indexed", "downloaded"], history.Select(h => h.GetProperty("event").GetString()));
        Assert.Equal(partnerId, history[0].GetProperty("by").GetString());
        Assert.Equal("intake", history[1].GetProperty("by").GetString());
        Assert.Equal("secretariat", history[2].GetProperty("by").GetString());
        Assert.True(history[2].GetProperty("at").GetDateTimeOffset() >= history[1].GetProperty("at").GetDateTimeOffset());
    }

    private static List<string?> Events(JsonElement report) =>
        report.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("event").GetString()).ToList();
}
