using System.Text.RegularExpressions;

namespace Minamata.Reporting.Metadata;

/// <summary>Languages are ISO 639-1 codes, lower case: <c>en</c>, <c>fr</c>, <c>ar</c>.</summary>
public static partial class LanguageCodes
{
    public static bool IsIso6391(string? value) => value is not null && Pattern().IsMatch(value);

    [GeneratedRegex(@"^[a-z]{2}\z", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Pattern();
}
