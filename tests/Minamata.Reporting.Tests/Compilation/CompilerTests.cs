using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Minamata.Fixtures;
using Minamata.Reporting.Access;
using Minamata.Reporting.Compilation;
using Minamata.Reporting.Index;
using Minamata.Reporting.Metadata;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Tests.Compilation;

public sealed class CompilerTests
{
    private static readonly DecisionMandate Decision = DecisionMandate.Load(DecisionMandate.Default)!;

    [Fact]
    public void The_decision_file_describes_paragraphs_one_to_seven_with_paragraph_seven_as_the_mandate_for_the_report()
    {
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], Decision.Paragraphs.Select(p => p.Number));
        Assert.Equal(7, Decision.ReportParagraph);
        Assert.Contains("UNEA", Decision.Paragraphs[0].Organizations);
        Assert.Contains("ICMGP", Decision.Paragraphs[2].Organizations);
        Assert.Contains(DecisionMandate.Default, DecisionMandate.Available);
        Assert.Null(DecisionMandate.Load("MC-9-nothing"));
    }

    [Fact]
    public void Sentences_keep_their_page_and_lines_wrapped_mid_sentence_are_joined()
    {
        var text = "Cover title\nNote by the secretariat\n1. The first paragraph of the report is long enough to be a sentence and it wraps\nacross two lines of a PDF page. A second sentence follows on the same line here.\n\f\nII. Heading\n2. On the second page the World Health Organization reported new figures for mercury.";

        var sentences = Sentences.Split(text, skipLines: 2);

        Assert.Equal("The first paragraph of the report is long enough to be a sentence and it wraps across two lines of a PDF page.", sentences[0].Text);
        Assert.Equal(1, sentences[0].Page);
        Assert.Equal("A second sentence follows on the same line here.", sentences[1].Text);
        Assert.Equal("On the second page the World Health Organization reported new figures for mercury.", sentences[^1].Text);
        Assert.Equal(2, sentences[^1].Page);
        Assert.DoesNotContain(sentences, s => s.Text.Contains("Cover title"));
    }

    [Theory]
    [InlineData(1, "Under resolution 6/9 of the Environment Assembly, the secretariat took part in three meetings.")]
    [InlineData(2, "The secretariat applied for observer status at the first plenary of the new panel this year.")]
    [InlineData(4, "Activities mutually supportive of the Global Framework on Chemicals were carried out in 2025.")]
    [InlineData(6, "Работа велась совместно с Международным агентством по атомной энергии в течение 2025 года.")]
    [InlineData(6, "该项目与联合国儿童基金会合作开展，重点关注儿童接触汞的问题。")]
    public void A_sentence_is_evidence_for_the_paragraph_whose_organisations_or_terms_it_names(int paragraph, string sentence)
    {
        var found = EvidenceFinder.Find(Decision.Paragraphs[paragraph - 1], [new Sentence(sentence, 1, 0)], "ACME");

        Assert.Single(found);
        Assert.Empty(EvidenceFinder.Find(Decision.Paragraphs[6], [new Sentence(sentence, 1, 0)], "ACME"));
    }

    [Fact]
    public void What_the_organisation_itself_did_is_quoted_first_and_a_report_that_only_names_the_subject_is_no_evidence()
    {
        var paragraph4 = Decision.Paragraphs[3];
        var naming = new Sentence("The Global Framework on Chemicals, adopted in Bonn in 2023, recognizes the protection of workers.", 1, 0);
        var aboutTheReport = new Sentence("This report on the Global Framework on Chemicals is submitted by the International Labour Organization.", 1, 1);
        var acting = new Sentence("The ILO trained inspectors in two countries under the Global Framework on Chemicals.", 1, 2);

        Assert.Equal([acting, naming], EvidenceFinder.Find(paragraph4, [naming, aboutTheReport, acting], "ILO"));
        Assert.Empty(EvidenceFinder.Find(paragraph4, [naming, aboutTheReport], "ILO"));
    }

    [Theory]
    [InlineData("UNEP/MC/COP.7/INF/8", "UNEP/MC/COP.7/INF/8")]
    [InlineData("UNEP/MC/COP.7/INF/8/Rev.1", "UNEP/MC/COP.7/INF/8")]
    [InlineData("UNEP/MC/COP.7/INF/12/Corr.1", "UNEP/MC/COP.7/INF/12")]
    [InlineData("UNEP/MC/COP.7/12/Add.1", "UNEP/MC/COP.7/12")]
    [InlineData("UNEP/MC/COP.7/INF/8/Rev.2/Corr.1", "UNEP/MC/COP.7/INF/8")]
    [InlineData("who report 2027.docx", null)]
    public void Versions_of_a_document_share_its_base_symbol(string source, string? family) =>
        Assert.Equal(family, DocumentFamilies.BaseSymbol(source));

    [Fact]
    public void A_family_quotes_its_latest_revision_in_english_and_cites_its_corrigendum_and_other_languages()
    {
        var text = FixtureReport.Load("en-who-health").Text;
        ReportWithText Version(string id, string symbol, string language, int day) => new(
            new ReportRecord
            {
                Id = id, Partner = "WHO", Cycle = "COP-7", Status = ReportStatus.Indexed, FileName = id + ".docx", BlobName = id,
                ReceivedAt = new DateTimeOffset(2027, 7, day, 0, 0, 0, TimeSpan.Zero),
                Extracted = new ReportMetadata { File = id + ".docx", Format = "docx", Sha256 = id, Language = language, Symbol = symbol, Title = id },
            },
            text);
        // The French original came first; the English revision later; its corrigendum last.
        var reports = new[]
        {
            Version("original-fr", "UNEP/MC/COP.7/INF/8", "fr", 1), Version("original-en", "UNEP/MC/COP.7/INF/8", "en", 2),
            Version("revision-fr", "UNEP/MC/COP.7/INF/8/Rev.1", "fr", 3), Version("revision-en", "UNEP/MC/COP.7/INF/8/Rev.1", "en", 4),
            Version("corrigendum-en", "UNEP/MC/COP.7/INF/8/Rev.1/Corr.1", "en", 5), Version("other", "UNEP/MC/COP.7/INF/9", "en", 6),
        };

        var families = DocumentFamilies.Group(reports);

        Assert.Equal(2, families.Count);
        var family = families[0];
        Assert.Equal("revision-en", family.Quoted.Report.Id);
        Assert.Equal(["Corr.1"], family.Amendments);
        Assert.Equal(["French"], family.AlsoIn);
        Assert.Equal("UNEP/MC/COP.7/INF/8/Rev.1 and Corr.1", ReportPhrases.Cited(family.Quoted.Report.Metadata!.Symbol!, family.Amendments));
        // Without an English version, the latest revision's original is quoted.
        Assert.Equal("revision-fr", DocumentFamilies.Group(reports.Where(r => r.Report.Id is not ("revision-en" or "corrigendum-en"))).First().Quoted.Report.Id);
    }

    [Fact]
    public void Superseded_and_rejected_reports_are_left_out_missing_partners_named_and_output_is_the_same_every_time()
    {
        var input = Input();

        var first = ReportCompiler.Compile(Decision, input);
        var second = ReportCompiler.Compile(Decision, input with { Reports = input.Reports.Reverse().ToList() });

        Assert.Equal(new JsonReportWriter().Write(first), new JsonReportWriter().Write(second));
        var document = Assert.Single(first.Annex.Documents);
        Assert.Equal(["indexed-who"], document.Versions.Select(v => v.ReportId));
        Assert.Equal("submitted", document.State);
        Assert.Equal([new Organization("ILO", "International Labour Organization")], first.Introduction.Missing);
        Assert.Equal("missing", first.Annex.Matrix.Single(r => r.Partner == "ILO").State);
        Assert.Equal("UNEP/MC/COP.7/INF/__", first.Cover.Symbol);
        Assert.Equal("Seventh meeting", first.Cover.Meeting);
        Assert.Equal("1 November 2027", first.Cover.MeetingDate);
        Assert.Equal(new ReportingPeriod("2025-01", "2027-06"), first.Introduction.PeriodCovered);
        // Paragraph 7 asks for the present note: the introduction answers it, no section does.
        Assert.Equal([1, 2, 3, 4, 5, 6], first.Paragraphs.Select(p => p.Number));
        Assert.StartsWith("In paragraph 7 of decision MC-6/__, the Conference of the Parties requests the secretariat to report", first.Introduction.Mandate);
        var who = Assert.Single(first.Paragraphs[5].Evidence);
        Assert.Equal("UNEP/MC/COP.7/INF/12", who.Source);
        Assert.All(who.Quotes, q => Assert.Equal(1, q.Page));
    }

    [Fact]
    public void The_cover_gives_the_meeting_its_venue_and_dates_and_the_agenda_item_from_the_cycle()
    {
        var input = Input();
        var cycle = input.Cycle with { Venue = "Geneva", MeetingEnd = new DateOnly(2027, 11, 5), AgendaItem = new AgendaItem("5 (k)", "International cooperation and coordination") };

        var cover = ReportCompiler.Compile(Decision, input with { Cycle = cycle }).Cover;

        Assert.Equal("Seventh meeting", cover.Meeting);
        Assert.Equal("Geneva, 1–5 November 2027", cover.MeetingDate);
        Assert.Equal(new AgendaItem("5 (k)", "International cooperation and coordination"), cover.Agenda);
        Assert.Equal("Distr.: General", cover.Distribution);
        Assert.Equal("Original: English", cover.Original);
    }

    [Fact]
    public void Values_are_encoded_in_html_and_intact_in_word()
    {
        var hostile = "A <script>alert(1)</script> & \"title\"";
        var compiled = CompiledWithTitle(hostile);

        var html = Encoding.UTF8.GetString(new HtmlReportWriter().Write(compiled));
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(new DocxReportWriter().Write(compiled)), false);

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("A &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;title&quot;", html);
        Assert.Contains(hostile, word.MainDocumentPart!.Document.Body!.InnerText);
        Assert.Equal(hostile, JsonDocument.Parse(new JsonReportWriter().Write(compiled)).RootElement.GetProperty("annex").GetProperty("documents").EnumerateArray().Single(r => r.GetProperty("partner").GetString() == "WHO").GetProperty("title").GetString());
    }

    [Fact]
    public void Markdown_output_renders_partners_text_as_text_and_keeps_the_report_structure()
    {
        var hostile = "**Bold** | <script>alert(1)</script> [link](https://x.example) `code`\n# not a heading";
        var compiled = CompiledWithTitle(hostile);

        var markdown = Encoding.UTF8.GetString(new MarkdownReportWriter().Write(compiled));
        var html = Markdig.Markdown.ToHtml(markdown, Markdig.MarkdownExtensions.UsePipeTables(new Markdig.MarkdownPipelineBuilder()).Build());
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        // The title stays one cell of annex II, as text: no bold, script, link, code or heading made of it.
        var whoRow = page.QuerySelectorAll("table")[1].QuerySelectorAll("tbody tr").Single(r => r.Children[1].TextContent == "WHO");
        Assert.Equal(hostile.Replace("\n", " ", StringComparison.Ordinal), whoRow.Children[3].TextContent);
        Assert.Empty(page.QuerySelectorAll("script, strong a, td strong, td a, td code"));
        Assert.Equal(
            ["I. Introduction", $"II. Implementation of decision {ReportPhrases.DecisionForTitle(compiled.Decision)}", "III. Suggested action by the Conference of the Parties",
             $"Annex I: Organizations reporting, by paragraph of decision {ReportPhrases.DecisionForTitle(compiled.Decision)}", "Annex II: Documents received", "Annex III: Documents cited in the documents received"],
            page.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Equal(compiled.Paragraphs.Select(p => p.Heading), page.QuerySelectorAll("h3").Select(h => h.TextContent[(h.TextContent.IndexOf(' ') + 1)..]));
    }

    [Theory]
    [InlineData("1. World Health Organization")]
    [InlineData("- World Health Organization")]
    [InlineData("+ World Health Organization")]
    [InlineData("2) World Health Organization")]
    [InlineData("# World Health Organization")]
    public void Markdown_output_keeps_a_partner_name_that_looks_like_a_block_as_text(string name)
    {
        // A partner the organisation registry does not know, so that its own name is what the note says.
        var input = Input();
        var compiled = ReportCompiler.Compile(Decision, input with
        {
            Cycle = input.Cycle with { ExpectedPartners = ["ACME"] },
            Partners = [new Partner("ACME", name, "a@x.example", "en")],
            Reports = [.. input.Reports.Select(r => r with { Report = r.Report with { Partner = "ACME" } })],
        });

        var markdown = Encoding.UTF8.GetString(new MarkdownReportWriter().Write(compiled));
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Markdig.Markdown.ToHtml(markdown, Markdig.MarkdownExtensions.UsePipeTables(new Markdig.MarkdownPipelineBuilder()).Build()));

        // The evidence line that names the partner stays a paragraph, not a list or a heading.
        Assert.Empty(page.QuerySelectorAll("ol, ul"));
        Assert.Contains(page.QuerySelectorAll("p"), p => Regex.IsMatch(p.TextContent, $@"^\d+\. The {Regex.Escape(name)} \(ACME\) reported in "));
    }

    /// <summary>The compiled report of WHO's one report, given <paramref name="title"/>.</summary>
    private static CompiledReport CompiledWithTitle(string title)
    {
        var input = Input();
        var report = input.Reports[0].Report;
        return ReportCompiler.Compile(Decision, input with
        {
            Reports = [input.Reports[0] with { Report = report with { Extracted = report.Metadata! with { Title = title } } }],
        });
    }

    private static CompilationInput Input()
    {
        var fixture = FixtureReport.Load("en-who-health");
        var text = fixture.Text;
        var metadata = Documents.DocumentReaders.Extractor()
            .ExtractAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), "who.txt", default).GetAwaiter().GetResult();
        ReportWithText Report(string id, string status) => new(
            new ReportRecord { Id = id, Partner = "WHO", Cycle = "COP-7", Status = status, FileName = id + ".txt", BlobName = id, ReceivedAt = new DateTimeOffset(2027, 7, 1, 0, 0, 0, TimeSpan.Zero), Extracted = status == ReportStatus.Rejected ? null : metadata },
            text);
        return new CompilationInput(
            new ReportingCycle("COP-7", "Seventh meeting", new DateOnly(2027, 11, 1), new DateOnly(2027, 8, 15), ["WHO", "ILO"], [30]),
            [new Partner("WHO", "World Health Organization", "w@x.example", "en"), new Partner("ILO", "International Labour Organization", "i@x.example", "en")],
            [Report("indexed-who", ReportStatus.Indexed), Report("superseded-who", ReportStatus.Superseded), Report("rejected-who", ReportStatus.Rejected)]);
    }
}
