using Minamata.Reporting.Metadata;

namespace Minamata.Reporting.Tests;

public sealed class WordCounterTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("  \n\t ", 0)]
    [InlineData("Mercury and health", 3)]
    [InlineData("science-policy panel, 2024–2025: done.", 5)]
    [InlineData("l'Organisation mondiale de la santé", 5)]
    [InlineData("Международное сотрудничество и координация", 4)]
    [InlineData("التعاون الدولي والتنسيق", 3)]
    [InlineData("国际合作与协调", 7)]
    [InlineData("UNEP/MC/COP.6/INF/30", 6)]
    public void Words_are_runs_of_letters_and_each_han_character(string text, int words)
    {
        Assert.Equal(words, WordCounter.Count(text));
    }
}
