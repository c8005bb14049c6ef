using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace Minamata.Reporting.Api;

/// <summary>
/// <c>/api/docs</c>: an interactive reference of the API (Scalar) over <c>/api/openapi.json</c>,
/// served by both hosts from this library: the page and its start script from <c>Api/Reference</c>,
/// Scalar's browser bundle from the Scalar.AspNetCore package. Its policy lets scripts and
/// connections go to this origin only; Scalar sets its styles inline, so those are allowed.
/// </summary>
public sealed class ApiReferenceHandler
{
    private const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly Lazy<IReadOnlyDictionary<string, (byte[] Content, string MediaType)>> Files = new(Load);

    public IResult Serve(HttpRequest request, string? file)
    {
        var name = string.IsNullOrEmpty(file) ? "index.html" : file;
        if (!Files.Value.TryGetValue(name, out var found))
        {
            return ApiProblem.NotFound($"page '{name}'").ToResult();
        }

        var headers = request.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        return Results.Bytes(found.Content, found.MediaType);
    }

    private static Dictionary<string, (byte[], string)> Load()
    {
        const string Prefix = "Minamata.Reporting.Api.Reference.";
        var own = typeof(ApiReferenceHandler).Assembly;
        var files = own.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(n => n[Prefix.Length..], n => (Read(own.GetManifestResourceStream(n)!), n.EndsWith(".html", StringComparison.Ordinal) ? "text/html; charset=utf-8" : "text/javascript; charset=utf-8"));
        // The package keeps its bundle gzip-compressed; it is unpacked once, so that every browser can read it.
        using var bundle = typeof(Scalar.AspNetCore.ScalarOptions).Assembly.GetManifestResourceStream("ScalarStaticAssets.scalar.js")
            ?? throw new InvalidOperationException("Scalar.AspNetCore no longer carries ScalarStaticAssets.scalar.js.");
        using var unpacked = new GZipStream(bundle, CompressionMode.Decompress);
        files["scalar.js"] = (Read(unpacked), "text/javascript; charset=utf-8");
        return files;
    }

    private static byte[] Read(Stream stream)
    {
        using (stream)
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
