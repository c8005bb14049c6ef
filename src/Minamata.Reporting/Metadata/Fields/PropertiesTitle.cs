using System.Text.RegularExpressions;

namespace Minamata.Reporting.Metadata.Fields;

/// <summary>
/// The title in a file's document properties, when it is one: word processors leave their
/// template's or a default name there ("Document1", "Microsoft Word - report.docx", "Template").
/// </summary>
internal static partial class PropertiesTitle
{
    public static string? Plausible(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        title = WhiteSpace().Replace(title, " ").Trim().TrimEnd('.');
        return title.Length >= 8 && title.Contains(' ') && !Placeholder().IsMatch(title) ? title : null;
    }

    [GeneratedRegex(@"^(?:microsoft word\s*-|document\s*[0-9]*$|untitled|sans titre|sin t[ií]tulo|без названия|template|mod[eè]le|plantilla|шаблон|draft$)|\.(?:docx?|pdf|odt|rtf|txt)$", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\s+", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex WhiteSpace();
}
