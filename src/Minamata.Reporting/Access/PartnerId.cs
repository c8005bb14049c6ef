using System.Text.RegularExpressions;

namespace Minamata.Reporting.Access;

/// <summary>
/// Partner ids are short upper-case codes such as <c>WHO</c> or <c>ISP-CWP</c>. The pattern keeps
/// them safe as a path segment, a table key and part of a report id.
/// </summary>
public static partial class PartnerId
{
    public const int MaxLength = 20;

    public static bool IsValid(string? value) => value is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(value);

    /// <summary>Whether a partner id is the organisation's: "WHO", or one of its offices such as "WHO-EURO".</summary>
    public static bool BelongsTo(string partner, string organization) =>
        partner.Equals(organization, StringComparison.OrdinalIgnoreCase) || partner.StartsWith(organization + "-", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*\z", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Pattern();
}
