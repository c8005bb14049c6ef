using System.Text;

namespace Minamata.Reporting.Documents;

/// <summary>
/// Turns the bytes of a text file into text: a BOM decides when there is one; otherwise UTF-8 if the
/// bytes are valid UTF-8; otherwise a legacy single-byte code page told apart by the letters it
/// would give (Windows-1251 Cyrillic, Windows-1256 Arabic, else Windows-1252 Latin).
/// </summary>
internal static class TextDecoding
{
    private const int SampleBytes = 64 * 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>HTML's white space rule: any run of spaces, tabs and line breaks is one space.</summary>
    public static string CollapseWhiteSpace(string value)
    {
        var collapsed = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c))
            {
                collapsed.Append(c);
            }
            else if (collapsed.Length == 0 || collapsed[^1] != ' ')
            {
                collapsed.Append(' ');
            }
        }

        return collapsed.ToString();
    }

    public static bool HasUtf16Bom(ReadOnlySpan<byte> head) =>
        head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF));

    public static string Decode(Stream content, int maxCharacters, ReadBudget budget)
    {
        var sample = new byte[(int)Math.Min(SampleBytes, content.Length)];
        content.Position = 0;
        content.ReadExactly(sample);
        content.Position = 0;
        if (HasUtf16Bom(sample))
        {
            return ReadAll(content, sample[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode, maxCharacters, budget);
        }

        try
        {
            return ReadAll(content, StrictUtf8, maxCharacters, budget);
        }
        catch (DecoderFallbackException)
        {
            content.Position = 0;
            return ReadAll(content, LegacyEncoding(sample), maxCharacters, budget);
        }
    }

    /// <summary>Decodes the first bytes leniently, for recognising a format from its text.</summary>
    public static string Peek(ReadOnlySpan<byte> head) =>
        HasUtf16Bom(head) ? (head[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(head[2..]) : Encoding.UTF8.GetString(head);

    /// <summary>
    /// In Russian text nearly every letter is a byte above 0xBF and most are lower case (0xE0-0xFF in
    /// Windows-1251); Arabic in Windows-1256 is full of alef-lam (0xC7 0xE1); Western European text
    /// has only a few accented letters among ASCII ones.
    /// </summary>
    internal static Encoding LegacyEncoding(ReadOnlySpan<byte> sample)
    {
        int ascii = 0, high = 0, alefLam = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            var b = sample[i];
            if (b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z')
            {
                ascii++;
            }
            else if (b >= 0xC0)
            {
                high++;
                if (b == 0xC7 && i + 1 < sample.Length && sample[i + 1] == 0xE1)
                {
                    alefLam++;
                }
            }
        }

        var provider = CodePagesEncodingProvider.Instance;
        if (high > ascii)
        {
            return provider.GetEncoding(alefLam * 50 > high ? 1256 : 1251)!;
        }

        return provider.GetEncoding(1252)!;
    }

    private static string ReadAll(Stream content, Encoding encoding, int maxCharacters, ReadBudget budget)
    {
        using var reader = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var text = new BoundedText(maxCharacters);
        var buffer = new char[64 * 1024];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            budget.Checkpoint();
            text.Append(buffer.AsSpan(0, read));
        }

        return text.ToString();
    }
}
