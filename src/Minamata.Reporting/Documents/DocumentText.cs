namespace Minamata.Reporting.Documents;

/// <summary>
/// What a reader gets out of a file: its text in reading order, one paragraph or line per line,
/// pages separated by form feeds where the format knows its pages (PDF; DOCX as Word last laid it
/// out), and what the file says about itself (document properties), which fields use as hints.
/// </summary>
public sealed record DocumentText(string Format, string Text, DocumentHints Hints)
{
    /// <summary>
    /// The running page headers and footers, each once, one per line: kept out of <see cref="Text"/>
    /// so that they are not read as the body, but still where a document's symbol may be printed.
    /// </summary>
    public string RunningText { get; init; } = "";

    /// <summary>Marks where a new page starts; citations count them to give page numbers.</summary>
    public const char PageMark = '\f';

    /// <summary>A page mark on a line of its own, between pages.</summary>
    public const string PageBreak = "\f\n";

    public DocumentText(string format, string text)
        : this(format, text, DocumentHints.None)
    {
    }
}

public sealed record DocumentHints(string? Title)
{
    public static DocumentHints None { get; } = new((string?)null);
}
