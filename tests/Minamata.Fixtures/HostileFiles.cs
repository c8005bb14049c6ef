using System.IO.Compression;
using System.Text;

namespace Minamata.Fixtures;

/// <summary>Files crafted to hurt a reader, each written to disk once for the tests that use it.</summary>
public static class HostileFiles
{
    private static readonly string Folder = Directory.CreateTempSubdirectory("minamata-hostile-").FullName;

    public static string Write(string name)
    {
        var path = Path.Combine(Folder, name);
        if (File.Exists(path))
        {
            return path;
        }

        using (var file = File.Create(path))
        {
            Make(name, file);
        }

        return path;
    }

    private static void Make(string name, FileStream file)
    {
        switch (name)
        {
            case "empty.docx":
                break;
            case "binary-renamed.docx":
                file.Write(Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray());
                break;
            case "truncated.docx":
                var whole = FixtureRenderer.Render(FixtureReport.Load("en-who-health"), "docx");
                file.Write(whole, 0, whole.Length / 2);
                break;
            case "zip-bomb.docx":
                WordPackage(file, zip =>
                {
                    // 600 MB of XML that deflates to under a megabyte.
                    using var part = zip.CreateEntry("word/document.xml", CompressionLevel.Fastest).Open();
                    part.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"u8);
                    var block = Encoding.ASCII.GetBytes(new string('A', 1024 * 1024));
                    for (var i = 0; i < 600; i++)
                    {
                        part.Write(block);
                    }

                    part.Write("</w:t></w:r></w:p></w:body></w:document>"u8);
                });
                break;
            case "entity-expansion.docx":
                WordPackage(file, zip =>
                {
                    using var part = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
                    part.Write("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
                    for (var i = 1; i <= 9; i++)
                    {
                        part.Write($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat(i == 1 ? "&lol;" : $"&lol{i - 1};", 10))}\">");
                    }

                    part.Write("]><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>");
                });
                break;
            case "many-entries.docx":
                WordPackage(file, zip =>
                {
                    using (var part = new StreamWriter(zip.CreateEntry("word/document.xml").Open()))
                    {
                        part.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>");
                    }

                    for (var i = 0; i < 100_000; i++)
                    {
                        zip.CreateEntry($"word/media/e{i}.bin", CompressionLevel.NoCompression);
                    }
                });
                break;
            case "encrypted.docx":
                // A password-protected DOCX is an OLE compound file holding an EncryptedPackage stream.
                file.Write([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
                file.Write(new byte[504]);
                file.Write(Encoding.Unicode.GetBytes("EncryptionInfo\0EncryptedPackage\0"));
                file.Write(new byte[4096]);
                break;
            case "encrypted.pdf":
                file.Write(EncryptedPdf());
                break;
            case "broken.pdf":
                file.Write("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nthis is not a PDF any more\n\u0000\u0001\u0002"u8);
                break;
            case "image-renamed.pdf":
                file.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01]);
                file.Write(new byte[256]);
                break;
            case "deep.html":
                var html = new StringBuilder("<!DOCTYPE html><html><body>");
                html.Insert(html.Length, "<div>", 10_000).Append("deep").Insert(html.Length, "</div>", 10_000).Append("</body></html>");
                file.Write(Encoding.UTF8.GetBytes(html.ToString()));
                break;
            case "over-limit.txt":
                // Sparse: 101 MB on paper, nothing on disk.
                file.SetLength(101L * 1024 * 1024);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name));
        }
    }

    private static void WordPackage(Stream file, Action<ZipArchive> addDocument)
    {
        using var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true);
        using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
        {
            types.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
        }

        using (var rels = new StreamWriter(zip.CreateEntry("_rels/.rels").Open()))
        {
            rels.Write("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
        }

        addDocument(zip);
    }

    /// <summary>A one-page PDF encrypted with the standard handler under a password nobody knows.</summary>
    private static byte[] EncryptedPdf()
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R >>",
            $"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <{new string('7', 64)}> /U <{new string('3', 64)}> >>",
            "<< /Length 8 >>\nstream\n\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\nendstream",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:D10} 00000 n \n");
        }

        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<{new string('a', 32)}> <{new string('a', 32)}>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }
}
