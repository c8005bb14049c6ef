using System.IO.Compression;
using System.Text;

namespace Minamata.Fixtures;

/// <summary>Files crafted to hurt a reader, each written to disk once for the tests that use it.</summary>
public static class HostileFiles
{
    /// <summary>128 KiB of a PDF content stream that writes one word again and again.</summary>
    private static readonly byte[] TextShowing = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("BT /F1 12 Tf 72 720 Td (Mercury) Tj ET\n", 128 * 1024 / 39)));

    private static readonly string Folder = Directory.CreateTempSubdirectory("minamata-hostile-").FullName;

    private static readonly Lock Writing = new();

    /// <summary>The file's path, written on first use; tests running in parallel never see it half written.</summary>
    public static string Write(string name)
    {
        var path = Path.Combine(Folder, name);
        lock (Writing)
        {
            if (!File.Exists(path))
            {
                var partial = path + ".partial";
                using (var file = File.Create(partial))
                {
                    Make(name, file);
                }

                File.Move(partial, path);
            }
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
            case "text-node-bomb.docx":
                WordPackage(file, zip =>
                {
                    // One w:t of 240 MiB: under the package limit, so only a per-node budget stops it.
                    using var part = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
                    part.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"u8);
                    var block = Encoding.ASCII.GetBytes(new string('m', 1024 * 1024));
                    for (var i = 0; i < 240; i++)
                    {
                        part.Write(block);
                    }

                    part.Write("</w:t></w:r></w:p></w:body></w:document>"u8);
                });
                break;
            case "flate-bomb.pdf":
                // One page whose content stream inflates to 1 GiB.
                new PdfWriter().Pages(1).Contents(Deflate(Encoding.ASCII.GetBytes(new string(' ', 1024 * 1024)), 1024)).WriteTo(file);
                break;
            case "shared-stream.pdf":
                // 2,000 pages that all draw one 5 MiB content stream of text.
                new PdfWriter().Pages(2_000).Contents(Deflate(TextShowing, 40)).WriteTo(file);
                break;
            case "shared-small-stream.pdf":
                // The same with a 1 MiB stream: each page is within the per-stream budget, the document is not.
                new PdfWriter().Pages(2_000).Contents(Deflate(TextShowing, 8)).WriteTo(file);
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
        using var pdf = new MemoryStream();
        new PdfWriter()
            .Pages(1)
            .Contents("\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008"u8.ToArray(), filter: null)
            .Trailer($"/Encrypt 5 0 R /ID [<{new string('a', 32)}> <{new string('a', 32)}>]")
            .Object($"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <{new string('7', 64)}> /U <{new string('3', 64)}> >>")
            .WriteTo(pdf);
        return pdf.ToArray();
    }

    /// <summary><paramref name="block"/> repeated <paramref name="times"/> times, zlib-compressed as a PDF FlateDecode stream is.</summary>
    private static byte[] Deflate(byte[] block, int times)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var i = 0; i < times; i++)
            {
                zlib.Write(block);
            }
        }

        return compressed.ToArray();
    }
}
