using System.Globalization;
using System.Text.RegularExpressions;

namespace Minamata.Reporting.Metadata.Fields;

/// <summary>A UN document symbol found in the text: normalised, and where it was written.</summary>
internal sealed record SymbolMention(string Symbol, int Index, int Length);

/// <summary>
/// UN document symbols (<c>UNEP/MC/COP.6/INF/30</c>, <c>UNEP/MC/COP.6/22/Add.1</c>,
/// <c>A/RES/78/1</c>, <c>FCCC/CP/2023/L.17</c>), normalised: no spaces, body and series upper case,
/// suffixes as the UN writes them (<c>Add.1</c>, <c>Rev.1</c>, <c>Corr.1</c>). A range such as
/// <c>UNEP/MC/COP.6/INF/30–35</c> stands for each document in it, and so do the lists that UN
/// documents write after a symbol: "UNEP/MC/COP.6/INF/30, 31 and 35", "INF/30 and INF/31",
/// "INF/33 to 35", "INF/9 و10 و12".
/// </summary>
internal static partial class SymbolFinder
{
    private const int MaxRange = 50;

    /// <summary>How far after a symbol its list may go on ("INF/30, 31 and 35", "INF/26 to UNEP/MC/COP.7/INF/28").</summary>
    private const int ContinuationWindow = 64;

    public static List<SymbolMention> Find(string text)
    {
        var found = new List<SymbolMention>();
        foreach (Match match in Symbol().Matches(text))
        {
            var raw = match.Groups["symbol"].Value;
            var segments = raw.Split('/').Select(s => Normalise(s.Trim())).ToList();
            var body = segments[0];
            if (!raw.Any(char.IsAsciiDigit) || (body.Length == 1 && segments.Count < 3))
            {
                continue;
            }

            var symbol = string.Join('/', segments);
            found.Add(new SymbolMention(symbol, match.Index, match.Length));
            if (match.Groups["to"].Success)
            {
                AddRange(found, segments, match.Groups["to"].Value, match.Index, match.Length);
            }

            AddContinuations(text, match.Index + match.Length, segments, found);
        }

        return found;
    }

    /// <summary>The numbers and partial symbols listed after a symbol, each standing for a document.</summary>
    private static void AddContinuations(string text, int at, List<string> segments, List<SymbolMention> found)
    {
        // Matched within a short window: with \G the engine would otherwise try every later position.
        Match Next(int from) => Continuation().Match(text, from, Math.Min(ContinuationWindow, text.Length - from));
        for (var next = Next(at); next.Success && next.Index == at; next = Next(at))
        {
            if (next.Groups["to"].Success)
            {
                AddRange(found, segments, next.Groups["to"].Value, next.Index, next.Length);
            }
            else if (next.Groups["toSymbol"].Success)
            {
                // "from UNEP/MC/COP.7/INF/26 to UNEP/MC/COP.7/INF/28": a range when both share all but the number.
                var last = next.Groups["toSymbol"].Value.Split('/').Select(s => Normalise(s.Trim())).ToList();
                if (last.Count == segments.Count && last.Take(last.Count - 1).SequenceEqual(segments.Take(segments.Count - 1)))
                {
                    AddRange(found, segments, last[^1], next.Index, next.Length);
                }

                return;
            }
            else
            {
                if (next.Groups["suffix"].Success)
                {
                    // "UNEP/MC/COP.5/INF/12 and Corr.1": the document and its corrigendum.
                    found.Add(new SymbolMention($"{string.Join('/', segments)}/{Normalise(next.Groups["suffix"].Value)}", next.Index, next.Length));
                    at = next.Index + next.Length;
                    continue;
                }

                var partial = (next.Groups["number"].Success ? next.Groups["number"].Value : next.Groups["partial"].Value).Split('/').Select(Normalise).ToList();
                if (partial.Count >= segments.Count || (partial.Count > 1 && partial[0] != segments[^partial.Count]))
                {
                    return;
                }

                segments = [.. segments.Take(segments.Count - partial.Count), .. partial];
                found.Add(new SymbolMention(string.Join('/', segments), next.Index, next.Length));
            }

            at = next.Index + next.Length;
        }
    }

    /// <summary>The documents from the last segment's number + 1 to <paramref name="last"/>.</summary>
    private static void AddRange(List<SymbolMention> found, List<string> segments, string last, int index, int length)
    {
        if (int.TryParse(segments[^1], out var from) && int.Parse(last, CultureInfo.InvariantCulture) is var to && to > from && to - from <= MaxRange)
        {
            var stem = string.Join('/', segments.Take(segments.Count - 1));
            for (var n = from + 1; n <= to; n++)
            {
                found.Add(new SymbolMention($"{stem}/{n}", index, length));
            }
        }
    }

    // After a symbol: ", 31", " and 35", " et INF/8", " и 35", " و10", "、31", or a range " to 35", " a 20",
    // " по 18", "至35"; a bare number only where the list goes on or ends, never one that a word
    // follows ("INF/30, 2 July 2025", "INF/30 and 45 countries").
    [GeneratedRegex(@"\G(?:\s*(?:,|and|et|y|и|или|or|ou|o|و|、|及|和)\s*(?:(?<number>[0-9]{1,4})(?=\s*(?:$|[.,;:)\]»”""'’。，；、）号]|(?:and|et|y|и|или|or|ou|o|و|及|和|to|à|a|al|hasta|по|до|respectively|respectivement|respectivamente|соответственно)(?!\p{L})))|(?<partial>(?:[A-Za-z]{1,12}(?:\.[0-9]{1,4})?/)+[0-9]{1,4})(?![0-9/])|(?<suffix>(?:Add|Rev|Corr)\.\s?[0-9]{1,2})(?![0-9/]))|\s*(?:to|à|a|al|hasta|по|до|至|到|إلى|الى)\s*(?:(?<to>[0-9]{1,4})(?![0-9/]|\.[0-9])|(?<toSymbol>(?:UNEP|UNEA|FCCC|CBD|SAICM|A|E|S)(?:/[A-Za-z0-9.]+)+)))", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex Continuation();

    private static string Normalise(string segment)
    {
        segment = segment.Replace(" ", "");
        var suffix = Suffix().Match(segment);
        return suffix.Success
            ? char.ToUpperInvariant(suffix.Groups["word"].Value[0]) + suffix.Groups["word"].Value[1..].ToLowerInvariant() + "." + suffix.Groups["n"].Value
            : segment.ToUpperInvariant();
    }

    [GeneratedRegex(@"^(?<word>add|rev|corr|amend|res)\.(?<n>[0-9]+)$", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex Suffix();

    // A body the UN uses for documents of the Minamata Convention and its partners, then slash-separated
    // segments: words (INF, MC), words with a number (COP.6, Add.1, L.5, CRP.3) or numbers (30, 2023).
    [GeneratedRegex(@"(?<![A-Za-z0-9/])(?<symbol>(?:UNEP|UNEA|FCCC|CBD|ICCD|SAICM|A|E|S)(?:\s?/\s?(?:[A-Za-z]{1,12}\.\s?[0-9]{1,4}|[A-Za-z]{1,12}|[0-9]{1,4}))+)(?:\s?[–—-]\s?(?<to>[0-9]{1,4})(?![0-9]))?(?![A-Za-z0-9/])", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex Symbol();
}
