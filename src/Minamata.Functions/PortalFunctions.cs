using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Minamata.Reporting.Api;
using Minamata.Reporting.Portal;

namespace Minamata.Functions;

/// <summary>The web portal's static files, from the same handler the server uses.</summary>
public sealed class PortalFunctions(PortalHandler portal)
{
    [Function("Portal")]
    public IResult Portal([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Portal)] HttpRequest request, string? file) =>
        portal.Serve(request, file);

    [Function("Root")]
    public IResult Root([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Root)] HttpRequest request) =>
        portal.ToStart(request);
}
