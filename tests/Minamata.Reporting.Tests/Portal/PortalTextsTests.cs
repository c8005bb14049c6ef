using System.Text.Json;
using System.Text.RegularExpressions;
using Minamata.Reporting.Portal;

namespace Minamata.Reporting.Tests.Portal;

/// <summary>
/// The portal's texts in the six languages, as the library embeds them: every language says every
/// text English has, with the same placeholders, and every text the pages name exists.
/// </summary>
public sealed partial class PortalTextsTests
{
    private static readonly string[] Languages = ["ar", "en", "es", "fr", "ru", "zh"];

    public static TheoryData<string> OtherLanguages => [.. Languages.Where(l => l != "en")];

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Each_language_has_every_text_with_its_placeholders(string language)
    {
        var english = Texts("en");
        var texts = Texts(language);

        Assert.Equal(english.Keys.Order(), texts.Keys.Order());
        foreach (var (name, text) in english)
        {
            Assert.True(Placeholders(text).SetEquals(Placeholders(texts[name])), $"{language}: '{name}' has placeholders {string.Join(", ", Placeholders(texts[name]))}, English {string.Join(", ", Placeholders(text))}.");
        }
    }

    [Fact]
    public void Every_text_the_pages_name_is_in_english()
    {
        var english = Texts("en");
        var pages = PortalFiles().Where(f => f.Name.EndsWith(".html", StringComparison.Ordinal) || f.Name.EndsWith(".js", StringComparison.Ordinal)).ToList();
        var named = pages.SelectMany(p => NamedText().Matches(p.Content).Select(m => m.Groups["name"].Value)).Distinct().ToList();

        // The check can fail: the pages name dozens of texts, among them ones only scripts set.
        Assert.Contains("issueOneQuestion", named);
        Assert.Contains("viewReview", named);
        Assert.DoesNotContain(named, n => !english.ContainsKey(n));
    }

    private static Dictionary<string, string> Texts(string language) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(PortalFiles().Single(f => f.Name == $"texts-{language}.json").Content)!;

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    private static IEnumerable<(string Name, string Content)> PortalFiles()
    {
        var assembly = typeof(PortalHandler).Assembly;
        const string prefix = "Minamata.Reporting.Portal.";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            yield return (name[prefix.Length..], reader.ReadToEnd());
        }
    }

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex Placeholder();

    // data-text="name" in the page, t("name") and t("name", ...) in the scripts; not the start of a name built from a value ("state" + ...).
    [GeneratedRegex(@"(?:data-text=""|\bt\(""|dataset\.text = "")(?<name>\w+)""(?!\s*\+)")]
    private static partial Regex NamedText();
}
