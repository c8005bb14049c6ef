using System.Text;

namespace Minamata.Fixtures;

/// <summary>
/// Writes a minimal PDF by hand for the hostile files: catalog (object 1), page tree (2), pages that
/// all draw one content stream (4) with one Helvetica font (3), then any further objects from 5.
/// </summary>
internal sealed class PdfWriter
{
    private readonly List<string> extraObjects = [];
    private int pageCount = 1;
    private byte[] contents = [];
    private string? filter = "/FlateDecode";
    private string trailerEntries = "";

    public PdfWriter Pages(int count)
    {
        pageCount = count;
        return this;
    }

    public PdfWriter Contents(byte[] stream, string? filter = "/FlateDecode")
    {
        contents = stream;
        this.filter = filter;
        return this;
    }

    public PdfWriter Trailer(string entries)
    {
        trailerEntries = entries;
        return this;
    }

    public PdfWriter Object(string body)
    {
        extraObjects.Add(body);
        return this;
    }

    public void WriteTo(Stream output)
    {
        var offsets = new List<long>();
        var start = output.Position;
        void Write(string text) => output.Write(Encoding.Latin1.GetBytes(text));
        void Begin(int number)
        {
            offsets.Add(output.Position - start);
            Write($"{number} 0 obj\n");
        }

        Write("%PDF-1.4\n");
        Begin(1);
        Write("<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        var firstPage = 5 + extraObjects.Count;
        Begin(2);
        Write($"<< /Type /Pages /Count {pageCount} /Kids [{string.Join(' ', Enumerable.Range(firstPage, pageCount).Select(n => $"{n} 0 R"))}] >>\nendobj\n");
        Begin(3);
        Write("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n");
        Begin(4);
        Write($"<< /Length {contents.Length}{(filter is null ? "" : " /Filter " + filter)} >>\nstream\n");
        output.Write(contents);
        Write("\nendstream\nendobj\n");
        for (var i = 0; i < extraObjects.Count; i++)
        {
            Begin(5 + i);
            Write($"{extraObjects[i]}\nendobj\n");
        }

        for (var page = 0; page < pageCount; page++)
        {
            Begin(firstPage + page);
            Write("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>\nendobj\n");
        }

        var xref = output.Position - start;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write($"{offset:D10} 00000 n \n");
        }

        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R {trailerEntries} >>\nstartxref\n{xref}\n%%EOF\n");
    }
}
