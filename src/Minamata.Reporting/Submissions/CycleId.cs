using System.Text.RegularExpressions;

namespace Minamata.Reporting.Submissions;

/// <summary>Reporting cycles are named after their meeting: <c>COP-7</c>, <c>OEWG-1</c>, <c>ExCOP-2</c>.</summary>
public static partial class CycleId
{
    public static bool IsValid(string? value) => value is { Length: <= 20 } && Pattern().IsMatch(value);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]{1,11}-[1-9][0-9]{0,2}\z", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Pattern();
}
