using System.Text.RegularExpressions;

namespace Minamata.Reporting.Metadata.Fields;

/// <summary>
/// The meeting a document is for (<c>COP-6</c>, <c>OEWG-1</c>, <c>ExCOP-1</c>): from its own symbol, or
/// else the meeting most of its cited Minamata documents (<c>UNEP/MC/...</c>) belong to, the later
/// meeting winning a tie.
/// </summary>
internal static partial class MeetingResolver
{
    public static string? Resolve(string? ownSymbol, IEnumerable<string> referencedDocuments)
    {
        if (ownSymbol is not null)
        {
            return MeetingOf(ownSymbol)?.Id;
        }

        return referencedDocuments
            .Select(MeetingOf)
            .OfType<(string Id, string Kind, int Number)>()
            .GroupBy(m => m)
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => g.Key.Number)
            .Select(g => g.Key.Id)
            .FirstOrDefault();
    }

    private static (string Id, string Kind, int Number)? MeetingOf(string symbol)
    {
        var match = MinamataMeeting().Match(symbol);
        if (!match.Success)
        {
            return null;
        }

        var kind = match.Groups["kind"].Value == "EXCOP" ? "ExCOP" : match.Groups["kind"].Value;
        var number = int.Parse(match.Groups["n"].Value);
        return ($"{kind}-{number}", kind, number);
    }

    [GeneratedRegex(@"^UNEP/MC/(?<kind>COP|OEWG|EXCOP)\.(?<n>[0-9]+)(?:/|$)", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex MinamataMeeting();
}
