namespace Minamata.Reporting.Documents;

/// <summary>
/// What a reader gets out of a file: its text in reading order, one paragraph or line per line,
/// and what the file says about itself (document properties), which the fields use only as hints.
/// </summary>
public sealed record DocumentText(string Format, string Text, DocumentHints Hints)
{
    public DocumentText(string format, string text)
        : this(format, text, DocumentHints.None)
    {
    }
}

public sealed record DocumentHints(string? Title)
{
    public static DocumentHints None { get; } = new((string?)null);
}
