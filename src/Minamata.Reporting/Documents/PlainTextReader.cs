using Microsoft.Extensions.Options;

namespace Minamata.Reporting.Documents;

/// <summary>Plain text in UTF-8, UTF-16 with BOM, or a legacy single-byte code page.</summary>
public sealed class PlainTextReader(IOptions<ExtractionOptions> options) : IDocumentReader
{
    /// <summary>Text has no NUL bytes, unless it is UTF-16 (which announces itself with a BOM).</summary>
    public bool Recognises(ReadOnlySpan<byte> head) => TextDecoding.HasUtf16Bom(head) || !head.Contains((byte)0);

    public DocumentText Read(Stream content, ReadBudget budget) =>
        new(DocumentFormat.Txt, ExportArtefacts.Strip(TextDecoding.Decode(content, options.Value.MaxTextCharacters, budget)));
}
