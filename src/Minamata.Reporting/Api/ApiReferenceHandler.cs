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

    private static readonly Lazy<EmbeddedPages> Pages = new(() =>
    {
        // The package keeps its bundle gzip-compressed; it is unpacked once, so that every browser can read it.
        var bundle = typeof(Scalar.AspNetCore.ScalarOptions).Assembly.GetManifestResourceStream("ScalarStaticAssets.scalar.js")
            ?? throw new InvalidOperationException("Scalar.AspNetCore no longer carries ScalarStaticAssets.scalar.js.");
        var scalar = EmbeddedPages.Read(new GZipStream(bundle, CompressionMode.Decompress));
        return new EmbeddedPages(typeof(ApiReferenceHandler).Assembly, "Minamata.Reporting.Api.Reference.", new Dictionary<string, byte[]> { ["scalar.js"] = scalar });
    });

    public IResult Serve(HttpRequest request, string? file) => Pages.Value.Serve(request, file, Policy);
}
