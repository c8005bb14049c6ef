using Minamata.Fixtures;
using System.Text.Json;

namespace Minamata.Reporting.Tests.Extraction;

/// <summary>The secretariat's note (shared/fixtures/seed) gives at least the contract's example, field by field.</summary>
public sealed class SeedNoteTests
{
    private static readonly string SeedPath = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seed", "cooperation-note.ru.txt");

    [Fact]
    public async Task The_seed_note_gives_the_contracts_example()
    {
        var metadata = await FixtureExtractionTests.ExtractAsync(File.ReadAllBytes(SeedPath), "cooperation-note.ru.txt");

        Assert.Equal("txt", metadata.Format);
        Assert.Equal("ru", metadata.Language);
        Assert.Null(metadata.Symbol);
        Assert.Equal("COP-6", metadata.Meeting);
        Assert.Equal("Международное сотрудничество и координация", metadata.Title);
        Assert.Equal(new Minamata.Reporting.Metadata.ReportingPeriod("2023-12", "2025-06"), metadata.ReportingPeriod);
        Assert.Equal(
            ["UNEP/MC/COP.5/INF/28", "UNEP/MC/COP.6/22", "UNEP/MC/COP.6/INF/28", "UNEP/MC/COP.6/INF/29", "UNEP/MC/COP.6/INF/30", "UNEP/MC/COP.6/INF/31", "UNEP/MC/COP.6/INF/32", "UNEP/MC/COP.6/INF/33", "UNEP/MC/COP.6/INF/34", "UNEP/MC/COP.6/INF/35"],
            metadata.ReferencedDocuments);
        Assert.Equal(["16(2)(a)", "23(5)(b)", "24(2)(c)"], metadata.ConventionArticles);
        Assert.Equal(
            ["BRS", "CBD", "GFC", "GMP", "IAEA", "ICMGP", "ILO", "IOMC", "ISP-CWP", "UNCCD", "UNEA", "UNEP", "UNFCCC", "UNICEF", "WHO"],
            metadata.Organizations);
    }

    [Fact]
    public async Task Export_artefacts_do_not_reach_the_text_or_the_word_count()
    {
        var metadata = await FixtureExtractionTests.ExtractAsync(File.ReadAllBytes(SeedPath), "seed.txt");
        var stripped = Minamata.Reporting.Documents.ExportArtefacts.Strip(File.ReadAllText(SeedPath));

        Assert.DoesNotContain("[bookmark:", stripped);
        Assert.DoesNotContain("footnoteRef", stripped);
        Assert.Contains("резолюция 6/9 о рациональном регулировании", stripped);
        Assert.Equal(Minamata.Reporting.Metadata.WordCounter.Count(stripped), metadata.WordCount);
        Assert.Equal(JsonValueKind.Object, JsonSerializer.SerializeToElement(metadata, ReportingJson.Options).ValueKind);
    }
}
