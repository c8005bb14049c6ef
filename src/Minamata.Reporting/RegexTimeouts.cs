namespace Minamata.Reporting;

/// <summary>
/// How long any regular expression may spend on one match in a partner's text. Every pattern has
/// it, so a pathological text costs at most this per match and fails as limits-exceeded instead of
/// holding a worker.
/// </summary>
internal static class RegexTimeouts
{
    public const int Milliseconds = 1000;
}
