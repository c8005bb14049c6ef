using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Minamata.Reporting.Api;

namespace Minamata.Functions;

/// <summary>
/// <c>/api/openapi.json</c>: the server makes the document from its routes at run time
/// (Microsoft.AspNetCore.OpenApi); the Functions host cannot, having no ASP.NET Core endpoints of its
/// own, so it serves the copy kept beside this class, which a test holds equal to the server's.
/// </summary>
public sealed class OpenApiFunctions(ApiReferenceHandler reference)
{
    private static readonly Lazy<byte[]> Document = new(() => EmbeddedPages.Read(typeof(OpenApiFunctions).Assembly.GetManifestResourceStream("openapi.json")!));

    [Function("OpenApi")]
    public IResult OpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.OpenApi)] HttpRequest request) =>
        Results.Bytes(Document.Value, "application/json;charset=utf-8");

    [Function("ApiReference")]
    public IResult ApiReference([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ApiReference)] HttpRequest request, string? file) =>
        reference.Serve(request, file);
}
