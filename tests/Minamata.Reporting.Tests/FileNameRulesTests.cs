using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Tests;

public sealed class FileNameRulesTests
{
    [Theory]
    [InlineData("report.docx")]
    [InlineData("Доклад ВОЗ (2025).pdf")]
    [InlineData("تقرير.txt")]
    [InlineData("..report.txt")]
    [InlineData("CONTRIBUTION.docx")]
    [InlineData("console.txt")]
    public void Ordinary_names_in_any_script_are_kept(string name)
    {
        Assert.Equal(name, FileNameRules.Normalise(name, out _));
    }

    [Fact]
    public void Names_are_kept_in_normal_form_c()
    {
        Assert.Equal("sant\u00e9.txt", FileNameRules.Normalise("sante\u0301.txt", out _));
    }

    [Theory]
    [InlineData(null, "no name")]
    [InlineData("  ", "no name")]
    [InlineData("../etc/passwd", "path")]
    [InlineData("C:\\Users\\focal\\report.docx", "path")]
    [InlineData("..", "only dots")]
    [InlineData("tab\there.txt", "control")]
    [InlineData("nul\0.txt", "control")]
    [InlineData("report\u202Excod.exe", "text-direction")]
    [InlineData("\u2067report.docx", "text-direction")]
    [InlineData("CON", "reserves")]
    [InlineData("con.docx", "reserves")]
    [InlineData("LPT1.report.pdf", "reserves")]
    public void Names_no_honest_client_sends_are_refused_with_the_reason(string? name, string reason)
    {
        Assert.Null(FileNameRules.Normalise(name, out var problem));
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void Names_longer_than_255_characters_are_refused()
    {
        Assert.NotNull(FileNameRules.Normalise(new string('a', 255), out _));
        Assert.Null(FileNameRules.Normalise(new string('a', 256), out var problem));
        Assert.Contains("255", problem);
    }
}
