using System.Text;

namespace Minamata.Reporting.Documents;

/// <summary>Collects extracted text and refuses to grow past the configured number of characters.</summary>
internal sealed class BoundedText(int maxCharacters)
{
    private readonly StringBuilder text = new();

    public int Length => text.Length;

    /// <summary>Whether the text is empty or ends with white space (a space or a line end).</summary>
    public bool EndsWithWhiteSpace => text.Length == 0 || char.IsWhiteSpace(text[^1]);

    public BoundedText Append(ReadOnlySpan<char> value)
    {
        EnsureWithin(text.Length + value.Length, maxCharacters);
        text.Append(value);
        return this;
    }

    /// <summary>Refuses text of <paramref name="length"/> characters when it is over the limit, for text made all at once.</summary>
    public static void EnsureWithin(int length, int maxCharacters)
    {
        if (length > maxCharacters)
        {
            throw new DocumentReadException(DocumentErrorCodes.LimitsExceeded, $"The text is longer than {maxCharacters} characters.");
        }
    }

    public BoundedText Append(char value) => Append([value]);

    /// <summary>Ends the current line unless the text already ends one.</summary>
    public BoundedText EndLine()
    {
        if (text.Length > 0 && text[^1] != '\n')
        {
            text.Append('\n');
        }

        return this;
    }

    public override string ToString() => text.ToString();
}
