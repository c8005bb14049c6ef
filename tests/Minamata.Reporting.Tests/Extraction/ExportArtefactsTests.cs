using Minamata.Reporting.Documents;
using Minamata.Reporting.Metadata;

namespace Minamata.Reporting.Tests.Extraction;

/// <summary>
/// Word-to-text exports, as the secretariat's seed note was made: markers stripped, footnotes kept.
/// (The seed note itself is checked against the contract's example by the named seed step of
/// <c>.ci/run</c>, the one place that reads outside the repository.)
/// </summary>
public sealed class ExportArtefactsTests
{
    private const string Exported = "[bookmark: _Hlk74300638]Международное сотрудничество и координация\n\n1. Секретариат подготовил настоящую записку.[footnoteRef:3]\n[3: См. резолюция 6/9 о рациональном регулировании.]\n";

    [Fact]
    public async Task Export_artefacts_do_not_reach_the_text_or_the_word_count()
    {
        var stripped = ExportArtefacts.Strip(Exported);
        var metadata = await FixtureExtractionTests.ExtractAsync(System.Text.Encoding.UTF8.GetBytes(Exported), "export.txt");

        Assert.DoesNotContain("[bookmark:", stripped);
        Assert.DoesNotContain("footnoteRef", stripped);
        Assert.Contains("резолюция 6/9 о рациональном регулировании", stripped);
        Assert.Equal(WordCounter.Count(stripped), metadata.WordCount);
        Assert.Equal("Международное сотрудничество и координация", metadata.Title);
    }
}
