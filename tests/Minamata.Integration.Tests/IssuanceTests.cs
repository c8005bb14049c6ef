using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;

namespace Minamata.Integration.Tests;

/// <summary>Issuing reports as the meeting's INF documents, on real Azurite: numbers, their stability, the cover page.</summary>
[Collection(StorageCollection.Name)]
public sealed class IssuanceTests(ServerFixture fixture)
{
    [Fact]
    public async Task Twenty_reports_issued_by_four_concurrent_calls_get_twenty_consecutive_numbers_that_never_change()
    {
        var (cycle, prefix, partner) = await CycleWithSeriesAsync(first: 7);
        using var secretariat = fixture.Secretariat();
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await ReportsApi.UploadAsync(partner, Encoding.UTF8.GetBytes($"Rapport numéro {i} de l'Organisation internationale du Travail sur le mercure."), $"rapport-{i}.txt", cycle));
        }

        foreach (var id in ids)
        {
            await ReportsApi.WaitUntilProcessedAsync(partner, id, TimeSpan.FromSeconds(20));
        }

        var calls = ids.Chunk(5).Select(async chunk =>
        {
            using var response = await secretariat.PostAsJsonAsync($"/api/cycles/{cycle}/issue", new { reports = chunk });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await ReportsApi.JsonAsync(response)).GetProperty("issued").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("issuedSymbol").GetString()!);
        });
        var issued = (await Task.WhenAll(calls)).SelectMany(d => d).ToDictionary();

        Assert.Equal(ids.Order(), issued.Keys.Order());
        Assert.Equal(Enumerable.Range(7, 20).Select(n => $"{prefix}{n}"), issued.Values.OrderBy(s => int.Parse(s.Split('/')[^1])));

        // Asking again, for all or for one, renumbers nothing.
        using var again = await secretariat.PostAsJsonAsync($"/api/cycles/{cycle}/issue", new { });
        Assert.Empty((await ReportsApi.JsonAsync(again)).GetProperty("issued").EnumerateArray());
        using var one = await secretariat.PostAsJsonAsync($"/api/cycles/{cycle}/issue", new { reports = new[] { ids[3] } });
        Assert.Equal(issued[ids[3]], (await ReportsApi.JsonAsync(one)).GetProperty("issued")[0].GetProperty("issuedSymbol").GetString());
        var view = await ReportsApi.JsonAsync(await partner.GetAsync($"/api/reports/{ids[3]}"));
        Assert.Equal(issued[ids[3]], view.GetProperty("issuedSymbol").GetString());
        Assert.Single(view.GetProperty("history").EnumerateArray(), h => h.GetProperty("event").GetString() == "issued");
        // The report is still found by its words: issuing keeps the whole index row.
        Assert.Contains(ids[3], (await ReportsApi.JsonAsync(await secretariat.GetAsync($"/api/reports?cycle={cycle}&q=numéro 3"))).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task The_inf_document_has_the_un_cover_page_and_the_compilation_cites_the_issued_symbol()
    {
        var (cycle, prefix, partner) = await CycleWithSeriesAsync(first: 1);
        using var secretariat = fixture.Secretariat();
        var id = await ReportsApi.UploadAsync(partner, Encoding.UTF8.GetBytes("Rapport de l'Organisation internationale du Travail sur l'extraction minière artisanale d'or\n\nL'OIT a appuyé les plans d'action nationaux prévus à l'article 7 de la Convention."), "oit.txt", cycle);
        await ReportsApi.WaitUntilProcessedAsync(partner, id, TimeSpan.FromSeconds(10));
        await ReportsApi.AssertProblemAsync(await partner.GetAsync($"/api/reports/{id}/inf"), HttpStatusCode.NotFound, "not-found");
        await ReportsApi.AssertProblemAsync(await partner.PostAsJsonAsync($"/api/cycles/{cycle}/issue", new { }), HttpStatusCode.Forbidden, "forbidden");
        await ReportsApi.AssertProblemAsync(await secretariat.PostAsJsonAsync($"/api/cycles/{cycle}/issue", new { reports = new[] { "NOBODY-0" } }), HttpStatusCode.BadRequest, "validation");

        using var issued = await secretariat.PostAsJsonAsync($"/api/cycles/{cycle}/issue", new { });
        Assert.Equal($"{prefix}1", (await ReportsApi.JsonAsync(issued)).GetProperty("issued")[0].GetProperty("issuedSymbol").GetString());

        using var inf = await partner.GetAsync($"/api/reports/{id}/inf");
        Assert.Equal(HttpStatusCode.OK, inf.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", inf.Content.Headers.ContentType!.MediaType);
        using var word = WordprocessingDocument.Open(new MemoryStream(await inf.Content.ReadAsByteArrayAsync()), false);
        var lines = word.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal($"{prefix}1", lines[0]);
        Assert.Contains("Distr.: General", lines);
        Assert.Contains("Original: French", lines);
        Assert.Contains("Conference of the Parties to the Minamata Convention on Mercury", lines);
        Assert.Contains("Geneva, 1–5 November 2027", lines);
        Assert.Contains("Item 5 (k) of the provisional agenda", lines);
        Assert.Contains("Rapport de l'Organisation internationale du Travail sur l'extraction minière artisanale d'or", lines);
        Assert.Contains("Note by the secretariat", lines);
        Assert.Contains(lines, l => l.Contains("presented as received, without formal editing", StringComparison.Ordinal));

        var compiled = await ReportsApi.CompileAsync(secretariat, cycle);
        var json = await ReportsApi.JsonAsync(await secretariat.GetAsync(compiled.GetProperty("outputs").GetProperty("json").GetString()));
        Assert.Equal($"{prefix}1", json.GetProperty("annex").GetProperty("documents").EnumerateArray().Single(r => r.GetProperty("quotedReportId").GetString() == id).GetProperty("source").GetString());
        Assert.Equal("5 (k)", json.GetProperty("cover").GetProperty("agenda").GetProperty("number").GetString());
        var standing = (await ReportsApi.JsonAsync(await partner.GetAsync($"/api/cycles/{cycle}/status"))).GetProperty("partners")[0];
        Assert.Equal([$"{prefix}1"], standing.GetProperty("issuedSymbols").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task A_word_original_follows_its_cover_in_one_file_with_its_table_footnote_and_image()
    {
        var (cycle, prefix, partner) = await CycleWithSeriesAsync(first: 3);
        using var secretariat = fixture.Secretariat();
        var original = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Issuance", "original.docx"));
        var id = await ReportsApi.UploadAsync(partner, original, "ilo-asgm.docx", cycle);
        await ReportsApi.WaitUntilProcessedAsync(partner, id, TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsJsonAsync($"/api/cycles/{cycle}/issue", new { })).StatusCode);

        using var inf = await secretariat.GetAsync($"/api/reports/{id}/inf");
        using var word = WordprocessingDocument.Open(new MemoryStream(await inf.Content.ReadAsByteArrayAsync()), false);
        var main = word.MainDocumentPart!;
        var lines = main.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();

        // The cover first, in a section of its own, then the report as the partner wrote it.
        Assert.Equal($"{prefix}3", lines[0]);
        Assert.Contains("Original: English", lines);
        // The title twice: the cover's, taken from the report, and the report's own heading after the cover's note.
        const string Title = "Report of the International Labour Organization on artisanal and small-scale gold mining";
        var note = lines.FindIndex(l => l.Contains("without formal editing", StringComparison.Ordinal));
        Assert.True(lines.IndexOf(Title) is var cover && cover >= 0 && cover < note, $"the cover should have the report's title: {string.Join(" | ", lines)}");
        Assert.True(note >= 0 && lines.IndexOf(Title, note) > note, $"the report's heading should follow the cover's note: {string.Join(" | ", lines)}");
        Assert.Contains(lines, l => l.StartsWith("The ILO supported national action plans under article 7 of the Convention in five countries.", StringComparison.Ordinal));
        Assert.Equal(2, main.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.SectionProperties>().Count());
        var table = Assert.Single(main.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>());
        Assert.Contains("Ghana", table.InnerText);
        Assert.Contains("Burkina Faso, Ghana, Mongolia, Peru and the Philippines.", main.FootnotesPart!.Footnotes!.InnerText);
        Assert.Single(main.ImageParts);
        var picture = main.Document.Body!.Descendants<DocumentFormat.OpenXml.Drawing.Blip>().Single();
        Assert.Same(main.ImageParts.Single(), main.GetPartById(picture.Embed!.Value!));
    }

    [Fact]
    public async Task A_cycle_without_a_series_cannot_issue()
    {
        var cycle = ServerFixture.NewCycleId();
        await fixture.OpenCycleAsync(cycle, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30));
        using var secretariat = fixture.Secretariat();

        await ReportsApi.AssertProblemAsync(await secretariat.PostAsJsonAsync($"/api/cycles/{cycle}/issue", new { }), HttpStatusCode.Conflict, "conflict");
    }

    /// <summary>A new cycle with its own series (so tests never share numbers) and a partner expected in it.</summary>
    [Fact]
    public async Task An_issued_report_takes_another_number_of_its_series_which_no_other_report_can_hold_and_issuing_continues_after_it()
    {
        var (cycle, prefix, partner) = await CycleWithSeriesAsync(first: 1);
        using var secretariat = fixture.Secretariat();
        var ids = new List<string>();
        foreach (var name in new[] { "first", "second", "third" })
        {
            var id = await ReportsApi.UploadAsync(partner, Encoding.UTF8.GetBytes($"The {name} report of the International Labour Organization on mercury, {Guid.NewGuid()}."), $"{name}.txt", cycle);
            await ReportsApi.WaitUntilProcessedAsync(partner, id, TimeSpan.FromSeconds(10));
            ids.Add(id);
        }

        // Not issued yet: nothing to renumber.
        await ReportsApi.AssertProblemAsync(await secretariat.PutAsJsonAsync($"/api/reports/{ids[0]}/issued-symbol", new { issuedSymbol = prefix + "5" }), HttpStatusCode.Conflict, "not-issued");
        using (await secretariat.PostAsJsonAsync($"/api/cycles/{cycle}/issue", new { reports = ids[..2] }))
        {
        }

        // The first report was issued by hand as /5 before the system: it takes that number.
        using var renumbered = await secretariat.PutAsJsonAsync($"/api/reports/{ids[0]}/issued-symbol", new { issuedSymbol = prefix + "5" });
        Assert.Equal(HttpStatusCode.OK, renumbered.StatusCode);
        var view = await ReportsApi.JsonAsync(renumbered);
        Assert.Equal(prefix + "5", view.GetProperty("issuedSymbol").GetString());
        var line = view.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("event").GetString() == "issued-symbol-corrected");
        Assert.Equal($"{prefix}1 → {prefix}5", line.GetProperty("detail").GetString());
        Assert.Equal("secretariat", line.GetProperty("by").GetString());

        // Another report's number, a symbol outside the series, a partner, a stale ETag: refused.
        var taken = await ReportsApi.AssertProblemAsync(await secretariat.PutAsJsonAsync($"/api/reports/{ids[1]}/issued-symbol", new { issuedSymbol = prefix + "5" }), HttpStatusCode.Conflict, "conflict");
        Assert.Contains(ids[0], taken.GetProperty("errors").GetProperty("issuedSymbol")[0].GetString());
        var outside = await ReportsApi.AssertProblemAsync(await secretariat.PutAsJsonAsync($"/api/reports/{ids[1]}/issued-symbol", new { issuedSymbol = "UNEP/MC/COP.6/INF/5" }), HttpStatusCode.BadRequest, "validation");
        Assert.StartsWith("'issuedSymbol' must be a document of the cycle's INF series", outside.GetProperty("errors").GetProperty("issuedSymbol")[0].GetString());
        await ReportsApi.AssertProblemAsync(await secretariat.PutAsJsonAsync($"/api/reports/{ids[1]}/issued-symbol", new { issuedSymbol = prefix + "05" }), HttpStatusCode.BadRequest, "validation");
        await ReportsApi.AssertProblemAsync(await partner.PutAsJsonAsync($"/api/reports/{ids[1]}/issued-symbol", new { issuedSymbol = prefix + "9" }), HttpStatusCode.Forbidden, "forbidden");
        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/reports/{ids[1]}/issued-symbol") { Content = JsonContent.Create(new { issuedSymbol = prefix + "9" }) };
        stale.Headers.IfMatch.ParseAdd("\"not-the-version\"");
        await ReportsApi.AssertProblemAsync(await secretariat.SendAsync(stale), HttpStatusCode.PreconditionFailed, "stale");

        // The old /1 is never given again, and the next issued report comes after /5.
        using var next = await secretariat.PostAsJsonAsync($"/api/cycles/{cycle}/issue", new { reports = new[] { ids[2] } });
        Assert.Equal(prefix + "6", (await ReportsApi.JsonAsync(next)).GetProperty("issued")[0].GetProperty("issuedSymbol").GetString());
        using var again = await secretariat.PostAsJsonAsync($"/api/cycles/{cycle}/issue", new { reports = new[] { ids[0] } });
        Assert.Equal(prefix + "5", (await ReportsApi.JsonAsync(again)).GetProperty("issued")[0].GetProperty("issuedSymbol").GetString());
        var status = await ReportsApi.JsonAsync(await secretariat.GetAsync($"/api/cycles/{cycle}/status"));
        Assert.Equal([prefix + "2", prefix + "5", prefix + "6"], status.GetProperty("partners")[0].GetProperty("issuedSymbols").EnumerateArray().Select(s => s.GetString()).Order());
    }

    private async Task<(string Cycle, string Prefix, HttpClient Partner)> CycleWithSeriesAsync(int first)
    {
        var cycle = ServerFixture.NewCycleId();
        var (partnerId, key) = await fixture.NewPartnerAsync("ILO", "fr");
        using var secretariat = fixture.Secretariat();
        var prefix = $"UNEP/MC/{cycle}/INF/";
        using var opened = await secretariat.PutAsJsonAsync($"/api/cycles/{cycle}", new
        {
            title = "Seventh meeting",
            meetingStart = "2027-11-01",
            meetingEnd = "2027-11-05",
            venue = "Geneva",
            submissionDeadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd"),
            expectedPartners = new[] { partnerId },
            agendaItem = new { number = "5 (k)", title = "International cooperation and coordination" },
            infSeries = new { prefix, first },
        });
        Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        return (cycle, prefix, fixture.Client(key));
    }
}
