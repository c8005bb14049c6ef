using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Minamata.Reporting.Api;
using Minamata.Reporting.Storage;

namespace Minamata.Reporting.Portal;

/// <summary>
/// Serves the web portal (<c>/portal/</c>): a few static files embedded in this library, the same
/// bytes from both hosts. Pages only call the HTTP API. The Content-Security-Policy allows scripts
/// and styles from this origin only (no inline script), and connections to this origin and to the
/// blob endpoint that upload URLs point to.
/// </summary>
public sealed class PortalHandler(ReportStorageClients storage)
{
    private const string ResourcePrefix = "Minamata.Reporting.Portal.";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, byte[]> Files = Load();

    public IResult Serve(HttpRequest request, string? file)
    {
        if (string.IsNullOrEmpty(file) && !request.Path.Value!.EndsWith('/'))
        {
            // "/portal" would load the page but resolve its scripts against "/", where they are not.
            return ToStart(request);
        }

        var name = string.IsNullOrEmpty(file) ? "index.html" : file;
        if (!Files.TryGetValue(name, out var content))
        {
            return ApiProblem.NotFound($"page '{name}'").ToResult();
        }

        var headers = request.HttpContext.Response.Headers;
        var blobOrigin = storage.Blobs.Uri.GetLeftPart(UriPartial.Authority);
        headers.ContentSecurityPolicy =
            $"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' {blobOrigin}; " +
            "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        return Results.Bytes(content, ContentTypes[Path.GetExtension(name)]);
    }

    /// <summary>The site's root: browsers land on the portal, with the query string kept.</summary>
    public IResult ToStart(HttpRequest request) => Results.Redirect(ApiRoutes.PortalStart + request.QueryString.Value);

    private static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = typeof(PortalHandler).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToFrozenDictionary(
                n => n[ResourcePrefix.Length..],
                n =>
                {
                    using var stream = assembly.GetManifestResourceStream(n)!;
                    using var copy = new MemoryStream();
                    stream.CopyTo(copy);
                    return copy.ToArray();
                });
    }
}
