namespace Minamata.Reporting;

/// <summary>
/// How long any regular expression may spend on one match in a partner's text. Every pattern has
/// it, so a pathological text (catastrophic backtracking) fails as limits-exceeded instead of
/// holding a worker. One match may legitimately scan the whole text: the heaviest pattern
/// (SubmitterFinder's) took over 1 s to scan 5 MB of text without finding a match, so the limit
/// leaves room for the 8 M characters a text may have.
/// </summary>
internal static class RegexTimeouts
{
    public const int Milliseconds = 10_000;
}
