using System.Globalization;
using System.Text.RegularExpressions;

namespace Minamata.Reporting.Submissions;

/// <summary>Reporting cycles are named after their meeting: <c>COP-7</c>, <c>OEWG-1</c>, <c>ExCOP-2</c>.</summary>
public static partial class CycleId
{
    public static bool IsValid(string? value) => value is { Length: <= 20 } && Pattern().IsMatch(value);

    /// <summary>The meeting's number: 7 for <c>COP-7</c>.</summary>
    public static int Number(string cycle) => int.Parse(cycle[(cycle.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);

    /// <summary>The same body's meeting before: <c>COP-6</c> for <c>COP-7</c>; null for a first meeting.</summary>
    public static string? Previous(string cycle) => Number(cycle) is var number and > 1 ? $"{cycle[..cycle.LastIndexOf('-')]}-{number - 1}" : null;

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]{1,11}-[1-9][0-9]{0,2}\z", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Pattern();
}
