using Minamata.Reporting;
using Minamata.Reporting.Api;
using Minamata.Reporting.Portal;
using Minamata.Reporting.Storage;
using Minamata.Server.Azurite;

namespace Minamata.Server;

/// <summary>
/// The self-hosted server: the contract's routes mapped onto the core's handlers, and the intake run
/// by a watcher in the process. Tests build it the same way the command line does.
/// </summary>
public static class ServerApp
{
    private const string DefaultUrl = "http://127.0.0.1:7071";

    /// <param name="args">Command-line arguments and settings, as for any ASP.NET Core app.</param>
    /// <param name="overrides">Services to replace after the pipeline's own (tests use it for the clock).</param>
    public static async Task<WebApplication> CreateAsync(string[] args, Action<IServiceCollection>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        await EmbeddedStorage.AddWhenNotConfiguredAsync(builder);
        DevelopmentKey.AddWhenNotConfigured(builder);

        builder.Services.AddMinamataReporting(builder.Configuration).AddInProcessWork();
        overrides?.Invoke(builder.Services);
        builder.AddHttpHardening();

        var app = builder.Build();
        app.UseHttpHardening();
        MapRoutes(app);
        return app;
    }

    private static void MapRoutes(WebApplication app)
    {
        var api = app.MapGroup("/");
        api.MapGet(ApiRoutes.Health, (HttpRequest request, HealthHandler health) => health.CheckAsync(request));
        api.MapGet(ApiRoutes.Me, (HttpRequest request, PartnerHandlers partners) => partners.MeAsync(request));
        api.MapGet(ApiRoutes.Cycles, (HttpRequest request, CycleHandlers cycles) => cycles.ListAsync(request));
        api.MapGet(ApiRoutes.Portal, (HttpRequest request, string? file, PortalHandler portal) => portal.Serve(request, file));
        api.MapGet(ApiRoutes.Root, (HttpRequest request, PortalHandler portal) => portal.ToStart(request));
        api.MapPost(ApiRoutes.Partners, (HttpRequest request, PartnerHandlers partners) => partners.CreateAsync(request));
        api.MapGet(ApiRoutes.Partners, (HttpRequest request, PartnerHandlers partners) => partners.ListAsync(request));
        api.MapPost(ApiRoutes.PartnerKeys, (HttpRequest request, string id, PartnerHandlers partners) => partners.ReissueKeyAsync(request, id));
        api.MapPost(ApiRoutes.Reports, (HttpRequest request, ReportHandlers reports) => reports.UploadAsync(request));
        api.MapGet(ApiRoutes.Reports, (HttpRequest request, ReportHandlers reports) => reports.ListAsync(request));
        api.MapGet(ApiRoutes.Report, (HttpRequest request, string id, ReportHandlers reports) => reports.GetAsync(request, id));
        api.MapGet(ApiRoutes.ReportFile, (HttpRequest request, string id, ReportHandlers reports) => reports.DownloadAsync(request, id));
        api.MapPut(ApiRoutes.Cycle, (HttpRequest request, string cycle, CycleHandlers cycles) => cycles.PutAsync(request, cycle));
        api.MapGet(ApiRoutes.CycleStatus, (HttpRequest request, string cycle, CycleHandlers cycles) => cycles.StatusAsync(request, cycle));
        api.MapPost(ApiRoutes.Uploads, (HttpRequest request, UploadHandlers uploads) => uploads.CreateAsync(request));
        api.MapPost(ApiRoutes.Compilations, (HttpRequest request, CompilationHandlers compilations) => compilations.CreateAsync(request));
        api.MapGet(ApiRoutes.Compilation, (HttpRequest request, string id, CompilationHandlers compilations) => compilations.GetAsync(request, id));
        api.MapGet(ApiRoutes.Notifications, (HttpRequest request, NotificationHandlers notifications) => notifications.ListAsync(request));
        api.MapGet(ApiRoutes.CompiledReport, (HttpRequest request, string id, string format, CompilationHandlers compilations) => compilations.DownloadAsync(request, id, format));
    }
}
