using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Minamata.Fixtures;

namespace Minamata.Integration.Tests;

/// <summary>
/// A cycle of thirteen reports in six languages and five formats, one of them corrected (so one is
/// superseded), one unreadable (rejected) and one expected partner silent, compiled through the API
/// on real Azurite; the Word, HTML and JSON outputs are opened and read as the secretariat would.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class CompilationTests(ServerFixture fixture)
{
    private const string HostileTitle = "Report <script>alert(\"x\")</script> on mercury & \"quotes\"";

    private static readonly (string Fixture, string Format, string Partner)[] Reports =
    [
        ("en-who-health", "docx", "WHO"), ("ar-who-health", "html", "WHO"), ("zh-who-health", "md", "WHO"),
        ("fr-ilo-gold", "pdf", "ILO"), ("fr-unicef-children", "docx", "UNICEF"), ("es-iaea-isotopes", "pdf", "IAEA"),
        ("es-brs-chemicals", "html", "BRS"), ("en-gef-projects", "txt", "GEF"), ("ru-worldbank-finance", "docx", "WB"),
        ("ru-unido-industry", "txt-1251", "UNIDO"), ("ar-unitar-training", "docx", "UNITAR"), ("zh-gmp-partnership", "html", "GMP"),
    ];

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static Compiled? compiled;

    [Fact]
    public async Task The_word_file_has_the_cover_the_annexes_quotes_under_their_paragraph_and_nothing_superseded_or_rejected()
    {
        var c = await CompileAsync();
        using var document = WordprocessingDocument.Open(new MemoryStream(c.Docx), false);
        var body = document.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();

        Assert.Equal($"UNEP/MC/{c.Cycle.Replace('-', '.')}/INF/__", paragraphs[0]);
        Assert.Contains("Distr.: General", paragraphs);
        Assert.Contains("Original: English", paragraphs);
        Assert.Contains("International cooperation and coordination: report on the implementation of decision MC-6/__", paragraphs);
        Assert.Contains("Note by the secretariat", paragraphs);
        Assert.Contains(body.Elements<Paragraph>(), p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading1" && p.InnerText.Contains("Introduction"));

        var tables = body.Elements<Table>().ToList();
        var matrix = Rows(tables[0]);
        var documents = Rows(tables[1]);
        Assert.Equal(3, documents.Count(r => r[1] == c.Partners["WHO"]));
        Assert.All(Reports.Select(r => c.Partners[r.Partner]).Distinct(), p => Assert.Contains(documents, r => r[1] == p));
        Assert.DoesNotContain(documents, r => r[1] == c.Missing);
        Assert.Contains(matrix, r => r[0].EndsWith($"({c.Missing}): no report received"));

        // Paragraph 3 (the study with the ICMGP) quotes what IAEA did, in its Spanish, cited in a footnote.
        var quote = Assert.Single(QuotesUnder(body, 3));
        Assert.StartsWith("“Los resultados se presentaron en la Conferencia Internacional sobre el Mercurio como Contaminante Mundial", quote.InnerText);
        var footnoteId = quote.Descendants<FootnoteReference>().Single().Id!.Value;
        var footnote = document.MainDocumentPart.FootnotesPart!.Footnotes.Elements<Footnote>().Single(f => f.Id?.Value == footnoteId);
        Assert.Equal("UNEP/MC/COP.7/INF/16, p. 1.", footnote.InnerText.Trim());
        // UNICEF's report only recalls what the Environment Assembly said: no evidence of its own under paragraph 1.
        Assert.Contains(body.Elements<Paragraph>(), p => p.InnerText.EndsWith("\tNo organization reported on activities under paragraph 1 in the documents received for the present note.", StringComparison.Ordinal));

        var all = body.InnerText;
        Assert.DoesNotContain("first version.txt", all);
        Assert.DoesNotContain("unreadable.bin", all);
        Assert.Contains(HostileTitle, all);
        // From page 2, the page number in the footer and the symbol in the header; the cover has neither.
        Assert.NotNull(document.MainDocumentPart.FooterParts.SelectMany(f => f.Footer!.Descendants<SimpleField>()).Single(f => f.Instruction!.Value!.Contains("PAGE")));
        Assert.Equal(["", paragraphs[0]], document.MainDocumentPart.HeaderParts.Select(h => h.Header!.InnerText).Order());
        Assert.NotNull(body.Elements<SectionProperties>().Single().GetFirstChild<TitlePage>());
    }

    [Fact]
    public async Task The_html_page_has_the_same_content_and_every_value_encoded()
    {
        var c = await CompileAsync();
        var html = Encoding.UTF8.GetString(c.Html);
        var page = new HtmlParser().ParseDocument(html);

        Assert.Equal("International cooperation and coordination: report on the implementation of decision MC-6/__", page.Title);
        var matrix = page.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToList()).ToList();
        var documents = page.QuerySelectorAll("table")[1].QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToList()).ToList();
        Assert.Contains(matrix, r => r[0].EndsWith($"({c.Missing}): no report received"));
        Assert.Equal(3, documents.Count(r => r[1] == c.Partners["WHO"]));
        var heading = page.QuerySelectorAll("h3").Single(h => h.TextContent.EndsWith("(paragraph 3)"));
        var quotes = new List<AngleSharp.Dom.IElement>();
        for (var next = heading.NextElementSibling; next is not null && next.TagName is not ("H3" or "H2"); next = next.NextElementSibling)
        {
            quotes.Add(next);
        }

        // The quotation in its own language, its citation in the numbered notes at the end, as the Word file's footnotes.
        var quote = quotes.Single(q => q.TagName == "BLOCKQUOTE");
        Assert.StartsWith("“Los resultados se presentaron en la Conferencia Internacional", quote.TextContent);
        Assert.Equal("es", quote.GetAttribute("lang"));
        var note = page.QuerySelector(quote.QuerySelector("sup a")!.GetAttribute("href")!)!;
        Assert.StartsWith("UNEP/MC/COP.7/INF/16, p. 1.", note.TextContent);
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; on mercury &amp; &quot;quotes&quot;", html);
        Assert.Contains(documents, r => r[3] == HostileTitle);
        Assert.DoesNotContain("first version.txt", html);
    }

    [Fact]
    public async Task The_json_is_the_model_and_the_same_index_gives_the_same_bytes()
    {
        var c = await CompileAsync();
        var json = JsonDocument.Parse(c.Json).RootElement;

        Assert.Equal(c.Cycle, json.GetProperty("cycle").GetString());
        Assert.Equal(13, json.GetProperty("introduction").GetProperty("documentCount").GetInt32());
        Assert.Equal(13, json.GetProperty("introduction").GetProperty("reportCount").GetInt32());
        var paragraph3 = json.GetProperty("paragraphs")[2];
        var iaea = Assert.Single(paragraph3.GetProperty("evidence").EnumerateArray());
        Assert.Equal(c.Partners["IAEA"], iaea.GetProperty("partner").GetString());
        Assert.Equal("Spanish", iaea.GetProperty("languageName").GetString());
        Assert.Equal(1, iaea.GetProperty("quotes")[0].GetProperty("page").GetInt32());
        var annexed = json.GetProperty("annex").GetProperty("documents").EnumerateArray().SelectMany(d => d.GetProperty("versions").EnumerateArray()).Select(v => v.GetProperty("reportId").GetString()).ToList();
        Assert.Equal(13, annexed.Count);
        Assert.DoesNotContain(c.SupersededId, annexed);
        Assert.DoesNotContain(c.RejectedId, annexed);
        Assert.Contains(json.GetProperty("annex").GetProperty("citedDocuments").EnumerateArray(), d => d.GetProperty("symbol").GetString() == "UNEP/MC/COP.6/INF/30" && d.GetProperty("citedIn").GetArrayLength() >= 3);
        Assert.Null(json.GetProperty("previous").GetString());

        var again = await RunCompilationAsync(c.Cycle);
        Assert.Equal(c.Json, again.Json);
    }

    [Fact]
    public async Task The_previous_meeting_of_the_same_body_is_compared_with_this_one()
    {
        // Two meetings of one body: WHO and ILO reported to the first, WHO and UNICEF to the second.
        var first = ServerFixture.NewCycleId();
        var second = $"{first[..^2]}-2";
        var partners = new Dictionary<string, (string Id, string Key)>();
        foreach (var name in new[] { "WHO", "ILO", "UNICEF" })
        {
            partners[name] = await fixture.NewPartnerAsync(name);
        }

        await fixture.OpenCycleAsync(first, new DateOnly(2099, 8, 15), partners["WHO"].Id, partners["ILO"].Id);
        await fixture.OpenCycleAsync(second, new DateOnly(2099, 8, 15), partners["WHO"].Id, partners["UNICEF"].Id);
        using var secretariat = fixture.Secretariat();
        foreach (var (cycle, name) in new[] { (first, "WHO"), (first, "ILO"), (second, "WHO"), (second, "UNICEF") })
        {
            using var partner = fixture.Client(partners[name].Key);
            var id = await ReportsApi.UploadAsync(partner, Encoding.UTF8.GetBytes($"Report for {cycle}\n\nIn 2026 the organization worked with the Global Mercury Partnership on mercury-added products."), $"{name}.txt", cycle);
            await ReportsApi.WaitUntilProcessedAsync(secretariat, id, TimeSpan.FromSeconds(20));
        }

        var json = JsonDocument.Parse((await RunCompilationAsync(second)).Json).RootElement.GetProperty("previous");

        Assert.Equal(first, json.GetProperty("cycle").GetString());
        Assert.Equal([partners["ILO"].Id], json.GetProperty("thenNotNow").EnumerateArray().Select(o => o.GetProperty("partner").GetString()));
        Assert.Equal([partners["UNICEF"].Id], json.GetProperty("nowNotThen").EnumerateArray().Select(o => o.GetProperty("partner").GetString()));
    }

    [Fact]
    public async Task Compilations_are_for_the_secretariat_and_for_open_cycles()
    {
        var (_, key) = await fixture.NewPartnerAsync();
        using var secretariat = fixture.Secretariat();

        await ReportsApi.AssertProblemAsync(await fixture.Client(key).PostAsJsonAsync("/api/compilations", new { cycle = ServerFixture.OpenCycle }), HttpStatusCode.Forbidden, "forbidden");
        await ReportsApi.AssertProblemAsync(await secretariat.PostAsJsonAsync("/api/compilations", new { cycle = "NOPE-1" }), HttpStatusCode.BadRequest, "unknown-cycle");
        await ReportsApi.AssertProblemAsync(await secretariat.PostAsJsonAsync("/api/compilations", new { cycle = ServerFixture.OpenCycle, decision = "MC-9-nothing" }), HttpStatusCode.BadRequest, "validation");
        await ReportsApi.AssertProblemAsync(await secretariat.GetAsync("/api/compilations/0123456789abcdef0123456789abcdef"), HttpStatusCode.NotFound, "not-found");
        await ReportsApi.AssertProblemAsync(await secretariat.GetAsync("/api/compilations/../../x/report.docx"), HttpStatusCode.NotFound, "not-found");
    }

    private static List<List<string>> Rows(Table table) =>
        [.. table.Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().Select(cell => cell.InnerText).ToList())];

    /// <summary>The quotations in the section of section II on <paramref name="paragraph"/> of the decision.</summary>
    private static IEnumerable<Paragraph> QuotesUnder(Body body, int paragraph) =>
        body.Elements<Paragraph>()
            .SkipWhile(p => !(p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading2" && p.InnerText.EndsWith($"(paragraph {paragraph})", StringComparison.Ordinal)))
            .Skip(1)
            .TakeWhile(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is not ("Heading1" or "Heading2"))
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Quote");

    /// <summary>Uploads the cycle and compiles it once for all the tests of this class.</summary>
    private async Task<Compiled> CompileAsync()
    {
        await Once.WaitAsync();
        try
        {
            return compiled ??= await UploadAndCompileAsync();
        }
        finally
        {
            Once.Release();
        }
    }

    private async Task<Compiled> UploadAndCompileAsync()
    {
        var cycle = ServerFixture.NewCycleId();
        var partners = new Dictionary<string, (string Id, string Key)>();
        foreach (var name in Reports.Select(r => r.Partner).Distinct())
        {
            partners[name] = await fixture.NewPartnerAsync(name);
        }

        var (missing, _) = await fixture.NewPartnerAsync("CBD");
        await fixture.OpenCycleAsync(cycle, new DateOnly(2099, 8, 15), [.. partners.Values.Select(p => p.Id), missing]);

        // WHO first sends a plain-text version, then corrects it with the Word file.
        using var who = fixture.Client(partners["WHO"].Key);
        var superseded = await ReportsApi.UploadAsync(who, FixtureRenderer.Render(FixtureReport.Load("en-who-health"), "txt"), "first version.txt", cycle);
        await ReportsApi.WaitUntilProcessedAsync(who, superseded, TimeSpan.FromSeconds(10));
        var ids = new List<string>();
        foreach (var (name, format, partner) in Reports)
        {
            using var client = fixture.Client(partners[partner].Key);
            var bytes = FixtureRenderer.Render(FixtureReport.Load(name), format);
            using var form = ReportsApi.Form(bytes, $"{name}.{format.Split('-')[0]}", cycle, replaces: name == "en-who-health" ? superseded : null);
            using var response = await client.PostAsync("/api/reports", form);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add((await ReportsApi.JsonAsync(response)).GetProperty("id").GetString()!);
        }

        using var gmp = fixture.Client(partners["GMP"].Key);
        ids.Add(await ReportsApi.UploadAsync(gmp, Encoding.UTF8.GetBytes(HostileTitle + "\n\nThe Global Mercury Partnership met twice with the World Health Organization in 2026."), "hostile.txt", cycle));
        var rejected = await ReportsApi.UploadAsync(gmp, [0x00, 0x01, 0x02, 0xFF, 0x00], "unreadable.bin", cycle);
        using var secretariat = fixture.Secretariat();
        foreach (var id in ids.Append(rejected))
        {
            await ReportsApi.WaitUntilProcessedAsync(secretariat, id, TimeSpan.FromSeconds(20));
        }

        var outputs = await RunCompilationAsync(cycle);
        return outputs with { Partners = partners.ToDictionary(p => p.Key, p => p.Value.Id), Missing = missing, SupersededId = superseded, RejectedId = rejected };
    }

    private async Task<Compiled> RunCompilationAsync(string cycle)
    {
        using var secretariat = fixture.Secretariat();
        using var created = await secretariat.PostAsJsonAsync("/api/compilations", new { cycle });
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        JsonElement state;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            await Task.Delay(200);
            state = await ReportsApi.JsonAsync(await secretariat.GetAsync(location));
        }
        while (state.GetProperty("status").GetString() is "queued" or "running" && waited.Elapsed < TimeSpan.FromSeconds(60));

        Assert.Equal("completed", state.GetProperty("status").GetString());
        var outputs = state.GetProperty("outputs");
        return new Compiled(
            cycle,
            await secretariat.GetByteArrayAsync(outputs.GetProperty("docx").GetString()),
            await secretariat.GetByteArrayAsync(outputs.GetProperty("html").GetString()),
            await secretariat.GetByteArrayAsync(outputs.GetProperty("json").GetString()),
            [],
            "",
            "",
            "");
    }

    private sealed record Compiled(string Cycle, byte[] Docx, byte[] Html, byte[] Json, Dictionary<string, string> Partners, string Missing, string SupersededId, string RejectedId);
}
