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
    private static readonly EmbeddedPages Pages = new(typeof(PortalHandler).Assembly, "Minamata.Reporting.Portal.");

    public IResult Serve(HttpRequest request, string? file)
    {
        if (string.IsNullOrEmpty(file) && !request.Path.Value!.EndsWith('/'))
        {
            // "/portal" would load the page but resolve its scripts against "/", where they are not.
            return ToStart(request);
        }

        var blobOrigin = storage.Blobs.Uri.GetLeftPart(UriPartial.Authority);
        return Pages.Serve(
            request,
            file,
            $"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' {blobOrigin}; " +
            "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    }

    /// <summary>The site's root: browsers land on the portal, with the query string kept.</summary>
    public IResult ToStart(HttpRequest request) => Results.Redirect(ApiRoutes.PortalStart + request.QueryString.Value);
}
