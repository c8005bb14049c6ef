namespace Minamata.Reporting.Metadata.Fields;

/// <summary>A date written in the text, to the month or to the day, and where it stands.</summary>
internal sealed record DateMention(int Year, int Month, int? Day, int Index, int Length)
{
    public int End => Index + Length;

    public string ToMonth() => $"{Year:D4}-{Month:D2}";

    public string? ToDate() => Day is { } day ? $"{Year:D4}-{Month:D2}-{day:D2}" : null;
}
