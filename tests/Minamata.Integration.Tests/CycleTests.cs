using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Minamata.Integration.Tests;

[Collection(StorageCollection.Name)]
public sealed class CycleTests(ServerFixture fixture) : IDisposable
{
    [Fact]
    public async Task Cycle_status_shows_who_submitted_who_is_late_and_who_is_missing()
    {
        var (onTime, onTimeKey) = await fixture.NewPartnerAsync("WHO");
        var (late, lateKey) = await fixture.NewPartnerAsync("ILO");
        var (missing, _) = await fixture.NewPartnerAsync("IAEA");
        var cycle = ServerFixture.NewCycleId();
        var deadline = new DateOnly(2027, 8, 15);
        await fixture.OpenCycleAsync(cycle, deadline, onTime, late, missing);

        fixture.Clock.Set(new DateTimeOffset(2027, 8, 15, 23, 0, 0, TimeSpan.Zero));
        using var first = fixture.Client(onTimeKey);
        var onTimeReport = await ReportsApi.UploadAsync(first, Encoding.UTF8.GetBytes("on time, the evening of the deadline"), "a.txt", cycle);
        fixture.Clock.Set(new DateTimeOffset(2027, 8, 16, 0, 30, 0, TimeSpan.Zero));
        using var second = fixture.Client(lateKey);
        var lateReport = await ReportsApi.UploadAsync(second, Encoding.UTF8.GetBytes("half an hour past the deadline"), "b.txt", cycle);
        await ReportsApi.WaitUntilProcessedAsync(first, onTimeReport, TimeSpan.FromSeconds(5));
        await ReportsApi.WaitUntilProcessedAsync(second, lateReport, TimeSpan.FromSeconds(5));

        using var secretariat = fixture.Secretariat();
        var status = await ReportsApi.JsonAsync(await secretariat.GetAsync($"/api/cycles/{cycle}/status"));

        Assert.Equal(cycle, status.GetProperty("cycle").GetString());
        Assert.Equal("2027-08-15", status.GetProperty("submissionDeadline").GetString());
        var states = status.GetProperty("partners").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!, p => p);
        Assert.Equal("submitted", states[onTime].GetProperty("state").GetString());
        Assert.Equal([onTimeReport], states[onTime].GetProperty("reports").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("late", states[late].GetProperty("state").GetString());
        Assert.Equal("missing", states[missing].GetProperty("state").GetString());
        Assert.Empty(states[missing].GetProperty("reports").EnumerateArray());

        var own = await ReportsApi.JsonAsync(await second.GetAsync($"/api/cycles/{cycle}/status"));
        Assert.Equal(late, Assert.Single(own.GetProperty("partners").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Opening_a_cycle_again_updates_it_and_bad_cycles_are_refused()
    {
        using var secretariat = fixture.Secretariat();
        var cycle = ServerFixture.NewCycleId();
        var body = new { title = "Seventh meeting", meetingStart = "2027-11-01", submissionDeadline = "2027-08-15", expectedPartners = Array.Empty<string>() };

        Assert.Equal(HttpStatusCode.Created, (await secretariat.PutAsJsonAsync($"/api/cycles/{cycle}", body)).StatusCode);
        using var again = await secretariat.PutAsJsonAsync($"/api/cycles/{cycle}", body with { title = "Seventh meeting (Geneva)" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("Seventh meeting (Geneva)", (await ReportsApi.JsonAsync(again)).GetProperty("title").GetString());
        Assert.Equal([30, 14, 7, 1], (await ReportsApi.JsonAsync(again)).GetProperty("reminderDays").EnumerateArray().Select(d => d.GetInt32()));

        await ReportsApi.AssertProblemAsync(await secretariat.PutAsJsonAsync("/api/cycles/COP 7", body), HttpStatusCode.BadRequest, "validation");
        await ReportsApi.AssertProblemAsync(await secretariat.PutAsJsonAsync($"/api/cycles/{cycle}", body with { submissionDeadline = "2027-12-01" }), HttpStatusCode.BadRequest, "validation");
        await ReportsApi.AssertProblemAsync(await secretariat.PutAsJsonAsync($"/api/cycles/{cycle}", new { title = "x", meetingStart = "2027-11-01", submissionDeadline = "2027-08-15", expectedPartners = new[] { "NOBODY" } }), HttpStatusCode.BadRequest, "unknown-partner");
        await ReportsApi.AssertProblemAsync(await secretariat.GetAsync("/api/cycles/NOPE-9/status"), HttpStatusCode.NotFound, "not-found");
        var (_, key) = await fixture.NewPartnerAsync();
        await ReportsApi.AssertProblemAsync(await fixture.Client(key).PutAsJsonAsync($"/api/cycles/{cycle}", body), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_cycle_keeps_its_meeting_venue_agenda_item_and_inf_series_and_refuses_bad_ones_by_name()
    {
        using var secretariat = fixture.Secretariat();
        var cycle = ServerFixture.NewCycleId();
        var body = new
        {
            title = "Seventh meeting",
            meetingStart = "2027-11-01",
            submissionDeadline = "2027-08-15",
            expectedPartners = Array.Empty<string>(),
            venue = "Genève",
            meetingEnd = "2027-11-05",
            agendaItem = new { number = "5 (k)", title = "International cooperation and coordination" },
            infSeries = new { prefix = "UNEP/MC/COP.7/INF/", first = 3 },
        };

        Assert.Equal(HttpStatusCode.Created, (await secretariat.PutAsJsonAsync($"/api/cycles/{cycle}", body)).StatusCode);
        var listed = (await ReportsApi.JsonAsync(await secretariat.GetAsync("/api/cycles"))).GetProperty("items").EnumerateArray().Single(c => c.GetProperty("id").GetString() == cycle);
        Assert.Equal("Genève", listed.GetProperty("venue").GetString());
        Assert.Equal("2027-11-05", listed.GetProperty("meetingEnd").GetString());
        Assert.Equal("5 (k)", listed.GetProperty("agendaItem").GetProperty("number").GetString());
        Assert.Equal("International cooperation and coordination", listed.GetProperty("agendaItem").GetProperty("title").GetString());
        Assert.Equal("UNEP/MC/COP.7/INF/", listed.GetProperty("infSeries").GetProperty("prefix").GetString());
        Assert.Equal(3, listed.GetProperty("infSeries").GetProperty("first").GetInt32());

        // Opened again without them, the cycle has none: PUT replaces the whole cycle.
        using var plain = await secretariat.PutAsJsonAsync($"/api/cycles/{cycle}", new { title = "Seventh meeting", meetingStart = "2027-11-01", submissionDeadline = "2027-08-15", expectedPartners = Array.Empty<string>() });
        var reopened = await ReportsApi.JsonAsync(plain);
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("venue").ValueKind);
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("infSeries").ValueKind);

        await AssertRefusedAsync(body with { meetingEnd = "2027-10-31" }, "'meetingEnd'");
        await AssertRefusedAsync(body with { venue = " " }, "'venue'");
        await AssertRefusedAsync(body with { agendaItem = new { number = "5 (k)", title = "" } }, "'agendaItem'");
        await AssertRefusedAsync(body with { infSeries = new { prefix = "UNEP/MC/COP.7/INF", first = 1 } }, "'infSeries'");
        await AssertRefusedAsync(body with { infSeries = new { prefix = "UNEP/MC/COP.7/INF/", first = 0 } }, "'infSeries'");

        async Task AssertRefusedAsync(object wrong, string field)
        {
            using var response = await secretariat.PutAsJsonAsync($"/api/cycles/{cycle}", wrong);
            var detail = (await ReportsApi.JsonAsync(response)).GetProperty("detail").GetString();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.StartsWith(field, detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Uploads_to_a_cycle_that_is_not_open_are_refused_and_direct_blobs_to_it_rejected()
    {
        var (partner, key) = await fixture.NewPartnerAsync();
        using var client = fixture.Client(key);

        await ReportsApi.AssertProblemAsync(await client.PostAsync("/api/reports", ReportsApi.Form(Encoding.UTF8.GetBytes("x"), "x.txt", "OEWG-9")), HttpStatusCode.BadRequest, "unknown-cycle");
        await fixture.Storage.Uploads.GetBlobClient($"{partner}/OEWG-9/x.txt").UploadAsync(new BinaryData("for a cycle nobody opened"));

        var report = await WaitForOnlyReportAsync(client);
        Assert.Equal("rejected", report.GetProperty("status").GetString());
        Assert.Equal("unknown-cycle", report.GetProperty("error").GetProperty("code").GetString());
    }

    private static async Task<JsonElement> WaitForOnlyReportAsync(HttpClient client)
    {
        for (var i = 0; i < 50; i++)
        {
            var items = (await ReportsApi.JsonAsync(await client.GetAsync("/api/reports"))).GetProperty("items").EnumerateArray().ToList();
            if (items.Count == 1 && items[0].GetProperty("status").GetString() != "received")
            {
                return items[0];
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The blob was not taken in.");
    }

    public void Dispose() => fixture.Clock.Reset();

    [Fact]
    public async Task A_partner_listing_cycles_sees_whether_it_is_expected_and_not_who_else_is()
    {
        var (mine, key) = await fixture.NewPartnerAsync("WHO");
        var (theirs, _) = await fixture.NewPartnerAsync("ILO");
        var cycle = ServerFixture.NewCycleId();
        await fixture.OpenCycleAsync(cycle, new DateOnly(2099, 8, 15), mine, theirs);
        using var partner = fixture.Client(key);

        using var asPartner = await partner.GetAsync("/api/cycles");
        using var asSecretariat = await fixture.Secretariat().GetAsync("/api/cycles");

        JsonElement Expected(JsonElement list) => list.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("id").GetString() == cycle).GetProperty("expectedPartners");
        Assert.Equal([mine], Expected(await ReportsApi.JsonAsync(asPartner)).EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(new[] { mine, theirs }.Order(), Expected(await ReportsApi.JsonAsync(asSecretariat)).EnumerateArray().Select(p => p.GetString()).Order());
    }
}
