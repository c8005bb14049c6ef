using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Minamata.Reporting.Api;

/// <summary>
/// Pages and their files embedded in an assembly, served to browsers the one way both the portal
/// and the API reference need: by name (the folder's index.html for none), with the media type of
/// the extension, a Content-Security-Policy, and neither sniffed nor kept stale.
/// </summary>
public sealed class EmbeddedPages
{
    private static readonly FrozenDictionary<string, string> MediaTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary();

    private readonly FrozenDictionary<string, byte[]> files;

    /// <param name="extra">Files from elsewhere (another package's), by name.</param>
    public EmbeddedPages(Assembly assembly, string resourcePrefix, IReadOnlyDictionary<string, byte[]>? extra = null)
    {
        var own = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(resourcePrefix, StringComparison.Ordinal))
            .Select(n => KeyValuePair.Create(n[resourcePrefix.Length..], Read(assembly.GetManifestResourceStream(n)!)));
        files = own.Concat(extra ?? new Dictionary<string, byte[]>()).ToFrozenDictionary();
    }

    public IResult Serve(HttpRequest request, string? file, string contentSecurityPolicy)
    {
        var name = string.IsNullOrEmpty(file) ? "index.html" : file;
        if (!files.TryGetValue(name, out var content))
        {
            return ApiProblem.NotFound($"page '{name}'").ToResult();
        }

        var headers = request.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        return Results.Bytes(content, MediaTypes[Path.GetExtension(name)]);
    }

    /// <summary>A stream's bytes, the stream closed after.</summary>
    public static byte[] Read(Stream stream)
    {
        using (stream)
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
