using System.Text;
using System.Text.Json;
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
        var found = EvidenceFinder.Find(Decision.Paragraphs[paragraph - 1], [new Sentence(sentence, 1, 0)]);

        Assert.Single(found);
        Assert.Empty(EvidenceFinder.Find(Decision.Paragraphs[6], [new Sentence(sentence, 1, 0)]));
    }

    [Fact]
    public void Superseded_and_rejected_reports_are_left_out_missing_partners_shown_and_output_is_the_same_every_time()
    {
        var input = Input();

        var first = ReportCompiler.Compile(Decision, input);
        var second = ReportCompiler.Compile(Decision, input with { Reports = input.Reports.Reverse().ToList() });

        Assert.Equal(new JsonReportWriter().Write(first), new JsonReportWriter().Write(second));
        Assert.Equal(["indexed-who"], first.Annex.Reports.Select(r => r.ReportId));
        Assert.Equal("submitted", first.Submissions.Single(r => r.Partner == "WHO").State);
        Assert.Equal("missing", first.Submissions.Single(r => r.Partner == "ILO").State);
        Assert.Null(first.Submissions.Single(r => r.Partner == "ILO").Symbol);
        Assert.Equal("UNEP/MC/COP.7/INF/__", first.Cover.Symbol);
        Assert.Equal("1 November 2027", first.Cover.MeetingDate);
        Assert.Equal(new ReportingPeriod("2025-01", "2027-06"), first.Introduction.PeriodCovered);
        Assert.Equal("The present note responds to this paragraph.", first.Paragraphs[6].Note);
        var who = Assert.Single(first.Paragraphs[5].Evidence);
        Assert.Equal("UNEP/MC/COP.7/INF/12", who.Source);
        Assert.All(who.Quotes, q => Assert.Equal(1, q.Page));
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
        Assert.Equal(hostile, JsonDocument.Parse(new JsonReportWriter().Write(compiled)).RootElement.GetProperty("submissions").EnumerateArray().Single(r => r.GetProperty("partner").GetString() == "WHO").GetProperty("title").GetString());
    }

    [Fact]
    public void Markdown_output_renders_partners_text_as_text_and_keeps_the_report_structure()
    {
        var hostile = "**Bold** | <script>alert(1)</script> [link](https://x.example) `code`\n# not a heading";
        var compiled = CompiledWithTitle(hostile);

        var markdown = Encoding.UTF8.GetString(new MarkdownReportWriter().Write(compiled));
        var html = Markdig.Markdown.ToHtml(markdown, Markdig.MarkdownExtensions.UsePipeTables(new Markdig.MarkdownPipelineBuilder()).Build());
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        // The title stays one cell of the submissions table, as text: no bold, script, link, code or heading made of it.
        var whoRow = page.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr").Single(r => r.Children[0].TextContent.EndsWith("(WHO)", StringComparison.Ordinal));
        Assert.Equal(hostile.Replace("\n", " ", StringComparison.Ordinal), whoRow.Children[2].TextContent);
        Assert.Empty(page.QuerySelectorAll("script, strong a, td strong, td a, td code"));
        Assert.Equal(["I. Introduction", "II. Reports received", $"III. Implementation of decision {ReportPhrases.DecisionForTitle(compiled.Decision)}", "Annex"], page.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Equal(compiled.Paragraphs.Count, page.QuerySelectorAll("h3").Count(h => h.TextContent.StartsWith("Paragraph ", StringComparison.Ordinal)));
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
        Assert.Contains(page.QuerySelectorAll("p"), p => p.TextContent.StartsWith($"The {name} (ACME) reported in ", StringComparison.Ordinal));
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
