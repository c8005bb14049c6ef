using System.Text;

namespace Minamata.Reporting.Documents;

/// <summary>
/// OLE compound files: a password-protected DOCX is stored as one (with an <c>EncryptedPackage</c>
/// stream), and so is a legacy Word 97-2003 <c>.doc</c>. Neither is read; each is refused with its
/// own reason so the partner knows what to send instead.
/// </summary>
public sealed class CompoundFileReader : IDocumentReader
{
    private static readonly byte[] Signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] EncryptedPackage = Encoding.Unicode.GetBytes("EncryptedPackage");

    public bool Recognises(ReadOnlySpan<byte> head) => head.StartsWith(Signature);

    public DocumentText Read(Stream content, ReadBudget budget)
    {
        // The directory entry names sit in sectors anywhere in the file; scan it in overlapping chunks.
        var buffer = new byte[1024 * 1024];
        var carry = 0;
        int read;
        while ((read = content.Read(buffer, carry, buffer.Length - carry)) > 0)
        {
            budget.Checkpoint();
            var filled = carry + read;
            if (buffer.AsSpan(0, filled).IndexOf(EncryptedPackage) >= 0)
            {
                throw new DocumentReadException(DocumentErrorCodes.Encrypted, "The document is password-protected; send it without a password.");
            }

            carry = Math.Min(EncryptedPackage.Length, filled);
            buffer.AsSpan(filled - carry, carry).CopyTo(buffer);
        }

        throw new DocumentReadException(DocumentErrorCodes.UnsupportedFormat, "Word 97-2003 (.doc) files are not read; save the report as .docx or PDF.");
    }
}
