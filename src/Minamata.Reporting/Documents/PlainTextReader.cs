using System.Text;

namespace Minamata.Reporting.Documents;

/// <summary>Plain text: UTF-8 (with or without BOM) and UTF-16 with BOM.</summary>
public sealed class PlainTextReader(int maxTextCharacters) : IDocumentReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public bool Recognises(ReadOnlySpan<byte> head) =>
        HasUtf16Bom(head) || !head.Contains((byte)0);

    public DocumentText Read(Stream content, CancellationToken cancellationToken)
    {
        Span<byte> bom = stackalloc byte[3];
        var count = content.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
        content.Position = 0;
        var encoding = HasUtf16Bom(bom[..count])
            ? (bom[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode)
            : StrictUtf8;
        try
        {
            return new DocumentText(DocumentFormat.Txt, ReadBounded(content, encoding, cancellationToken));
        }
        catch (DecoderFallbackException e)
        {
            throw new DocumentReadException(DocumentErrorCodes.UnsupportedFormat, "The text is not UTF-8 or UTF-16.", e);
        }
    }

    private string ReadBounded(Stream content, Encoding encoding, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var text = new StringBuilder();
        var buffer = new char[64 * 1024];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (text.Length + read > maxTextCharacters)
            {
                throw new DocumentReadException(DocumentErrorCodes.LimitsExceeded, $"The text is longer than {maxTextCharacters} characters.");
            }

            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }

    private static bool HasUtf16Bom(ReadOnlySpan<byte> head) =>
        head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF));
}
