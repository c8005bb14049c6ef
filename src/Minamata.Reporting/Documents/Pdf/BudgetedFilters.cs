using System.IO.Compression;
using System.Runtime.InteropServices;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Minamata.Reporting.Documents.Pdf;

/// <summary>
/// PdfPig's own filters, each decode charged to the document's <see cref="ReadBudget"/>. PdfPig
/// inflates a stream whole into memory, so a FlateDecode stream is first inflated into nothing, only
/// counting, and refused before PdfPig would hold a gigabyte of it.
/// </summary>
internal sealed class BudgetedFilters(ReadBudget budget) : IFilterProvider
{
    private readonly IFilterProvider filters = DefaultFilterProvider.Instance;

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(filters.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(filters.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Wrap(filters.GetAllFilters());

    private IReadOnlyList<IFilter> Wrap(IReadOnlyList<IFilter> inner) => inner.Select(f => (IFilter)new BudgetedFilter(f, budget)).ToList();

    private sealed class BudgetedFilter(IFilter inner, ReadBudget budget) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            var drawing = IsDrawing(streamDictionary);
            if (inner is FlateFilter)
            {
                budget.ChargeDecoded(InflatedLength(input, budget.Limits.MaxDecodedStreamBytes), drawing);
                return inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            }

            var decoded = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            budget.ChargeDecoded(decoded.Length, drawing);
            return decoded;
        }

        /// <summary>Whether a stream holds drawing instructions (page content, a form), not a font, image, metadata or the file's own structure.</summary>
        private static bool IsDrawing(DictionaryToken stream)
        {
            // Embedded font programs (FontFile, FontFile2) say how long their parts are.
            if (stream.ContainsKey(NameToken.Length1) || stream.ContainsKey(NameToken.Length2))
            {
                return false;
            }

            var type = stream.TryGet(NameToken.Type, out NameToken t) ? t.Data : null;
            var subtype = stream.TryGet(NameToken.Subtype, out NameToken s) ? s.Data : null;
            return type is not ("XRef" or "ObjStm" or "Metadata" or "EmbeddedFile")
                && subtype is not ("Image" or "XML" or "Type1C" or "CIDFontType0C" or "OpenType");
        }

        /// <summary>What a zlib stream inflates to, counted up to just past <paramref name="cap"/>; damage ends the count, PdfPig judges it.</summary>
        private static long InflatedLength(Memory<byte> input, long cap)
        {
            if (input.Length < 2)
            {
                return 0;
            }

            // Like PdfPig: skip the two-byte zlib header and inflate the raw deflate data.
            var compressed = MemoryMarshal.TryGetArray<byte>(input[2..], out var segment)
                ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(input[2..].ToArray(), writable: false);
            using var deflate = new DeflateStream(compressed, CompressionMode.Decompress);
            var scratch = new byte[81920];
            long total = 0;
            try
            {
                int read;
                while (total <= cap && (read = deflate.Read(scratch)) > 0)
                {
                    total += read;
                }
            }
            catch (InvalidDataException)
            {
            }

            return total;
        }
    }
}
