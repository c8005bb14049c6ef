using Minamata.Reporting;
using Minamata.Reporting.Access;
using Minamata.Reporting.Api;
using Minamata.Reporting.Notifications;
using Minamata.Reporting.Portal;
using Minamata.Reporting.Storage;
using Minamata.Reporting.Submissions;
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
        builder.Services.AddApiDescription();

        var app = builder.Build();
        app.UseHttpHardening();
        MapRoutes(app);
        return app;
    }

    private static void MapRoutes(WebApplication app)
    {
        const int BadRequest = StatusCodes.Status400BadRequest, Forbidden = StatusCodes.Status403Forbidden, NotFound = StatusCodes.Status404NotFound;
        const int Conflict = StatusCodes.Status409Conflict, PreconditionFailed = StatusCodes.Status412PreconditionFailed, TooLarge = StatusCodes.Status413PayloadTooLarge, Unsupported = StatusCodes.Status415UnsupportedMediaType;
        app.MapOpenApi("/" + ApiRoutes.OpenApi);
        var api = app.MapGroup("/");
        api.MapGet(ApiRoutes.Health, (HttpRequest request, HealthHandler health) => health.CheckAsync(request))
            .Fails(Forbidden).WithTags("Service").WithSummary("Whether the service and its storage answer.").Query("details", "\"true\" (secretariat): probe storage now and say how long it took.");
        api.MapGet(ApiRoutes.Me, (HttpRequest request, PartnerHandlers partners) => partners.MeAsync(request)).WithTags("Partners").WithSummary("Who the key belongs to: the secretariat, or which partner.");
        api.MapGet(ApiRoutes.Cycles, (HttpRequest request, CycleHandlers cycles) => cycles.ListAsync(request)).WithTags("Cycles").WithSummary("The reporting cycles; a partner sees whether it is expected in each.");
        api.MapGet(ApiRoutes.Portal, (HttpRequest request, string? file, PortalHandler portal) => portal.Serve(request, file)).ExcludeFromDescription();
        api.MapGet(ApiRoutes.Root, (HttpRequest request, PortalHandler portal) => portal.ToStart(request)).ExcludeFromDescription();
        api.MapGet(ApiRoutes.ApiReference, (HttpRequest request, string? file, ApiReferenceHandler reference) => reference.Serve(request, file)).ExcludeFromDescription();
        api.MapPost(ApiRoutes.Partners, (HttpRequest request, PartnerHandlers partners) => partners.CreateAsync(request))
            .Takes<PartnerHandlers.PartnerBody>().Fails(BadRequest, Forbidden, Conflict).WithTags("Partners").WithSummary("Register a partner organisation and issue its first key (shown only here).");
        api.MapGet(ApiRoutes.Partners, (HttpRequest request, PartnerHandlers partners) => partners.ListAsync(request)).Fails(Forbidden).WithTags("Partners").WithSummary("Every partner organisation, without keys.");
        api.MapPost(ApiRoutes.PartnerKeys, (HttpRequest request, string id, PartnerHandlers partners) => partners.ReissueKeyAsync(request, id))
            .Fails(Forbidden, NotFound, Conflict).WithTags("Partners").WithSummary("Issue a partner a new key; the old one stops working.");
        api.MapPost(ApiRoutes.Reports, (HttpRequest request, ReportHandlers reports) => reports.UploadAsync(request))
            .Takes<UploadForm>("multipart/form-data").Fails(BadRequest, TooLarge, Unsupported).WithTags("Reports").WithSummary("Upload a report (multipart form); the same file again gives 200 with the report it duplicates.");
        api.MapGet(ApiRoutes.Reports, (HttpRequest request, ReportHandlers reports) => reports.ListAsync(request)).Fails(BadRequest).WithTags("Reports").WithSummary("Reports, newest first, a page at a time; a partner sees its own.").Query("partner", "A partner id (secretariat only).").Query("cycle", "A cycle id, e.g. COP-7.").Query("language", "An ISO 639-1 code, e.g. fr.").Query("status", "received, indexed, rejected, superseded or intake-failed.").Query("q", "Words in the title and text.").Query("pageSize", "1 to 1000; 100 if not given.", isInteger: true).Query("continuationToken", "From the previous page, for the next.");
        api.MapGet(ApiRoutes.Report, (HttpRequest request, string id, ReportHandlers reports) => reports.GetAsync(request, id)).Fails(NotFound).WithTags("Reports").WithSummary("One report with its metadata and history.");
        api.MapMethods(ApiRoutes.ReportMetadata, [HttpMethods.Patch], (HttpRequest request, string id, ReviewHandlers review) => review.PatchMetadataAsync(request, id))
            .Takes<ReviewHandlers.MetadataPatch>("application/merge-patch+json").Fails(BadRequest, Forbidden, NotFound, Conflict, PreconditionFailed).WithTags("Reports")
            .WithSummary("Correct fields of a report's metadata (a merge patch: a value sets a correction, null clears it); If-Match with the report's ETag.");
        api.MapPost(ApiRoutes.ReportReextract, (HttpRequest request, string id, ReviewHandlers review) => review.ReextractAsync(request, id)).Fails(Forbidden, NotFound, Conflict).WithTags("Reports")
            .WithSummary("Read the report's file again with the current extraction (after an upgrade); corrections are kept.");
        api.MapGet(ApiRoutes.ReportFile, (HttpRequest request, string id, ReportHandlers reports) => reports.DownloadAsync(request, id))
            .AnswersFile("application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/html", "text/markdown", "text/plain").WithTags("Reports").WithSummary("The file as it was uploaded, with the media type its bytes showed.");
        api.MapPut(ApiRoutes.Cycle, (HttpRequest request, string cycle, CycleHandlers cycles) => cycles.PutAsync(request, cycle))
            .Takes<CycleHandlers.CycleBody>().Fails(BadRequest, Forbidden).WithTags("Cycles").WithSummary("Open or change a reporting cycle.");
        api.MapGet(ApiRoutes.CycleStatus, (HttpRequest request, string cycle, CycleHandlers cycles) => cycles.StatusAsync(request, cycle)).Fails(NotFound).WithTags("Cycles").WithSummary("Each expected partner's standing in the cycle: submitted, late or missing.");
        api.MapGet(ApiRoutes.CycleReview, (HttpRequest request, string cycle, CycleHandlers cycles) => cycles.ReviewAsync(request, cycle)).Fails(Forbidden, NotFound).WithTags("Cycles")
            .WithSummary("The cycle's reports to look at first, most reasons first: fields missing or read only from the text, another submitter, a copy, a rejection.");
        api.MapPost(ApiRoutes.CycleIssue, (HttpRequest request, string cycle, IssuanceHandlers issuance) => issuance.IssueAsync(request, cycle))
            .Takes<IssuanceHandlers.IssueBody>().Fails(BadRequest, Forbidden, NotFound, Conflict).WithTags("Cycles")
            .WithSummary("Issue reports as the meeting's INF documents: the next numbers of the cycle's series, never reused; a report issued before keeps its number.");
        api.MapPut(ApiRoutes.ReportIssuedSymbol, (HttpRequest request, string id, IssuanceHandlers issuance) => issuance.RenumberAsync(request, id))
            .Takes<IssuanceHandlers.IssuedSymbolBody>().Fails(BadRequest, Forbidden, NotFound, Conflict, PreconditionFailed).WithTags("Reports")
            .WithSummary("Give an issued report another number of its INF series; the old number is never given again.");
        api.MapPost(ApiRoutes.ReportWithdraw, (HttpRequest request, string id, ReportHandlers reports) => reports.WithdrawAsync(request, id))
            .Takes<ReportHandlers.WithdrawBody>().Fails(BadRequest, NotFound, Conflict).WithTags("Reports")
            .WithSummary("Take a report back, with a reason: kept with its file and history, out of the cycle's count, searches and the compilation.");
        api.MapGet(ApiRoutes.ReportInf, (HttpRequest request, string id, IssuanceHandlers issuance) => issuance.InfAsync(request, id))
            .AnswersFile("application/vnd.openxmlformats-officedocument.wordprocessingml.document").WithTags("Reports")
            .WithSummary("An issued report as an INF document, in Word: the UN cover page, then a Word original as the partner wrote it.");
        api.MapPost(ApiRoutes.Uploads, (HttpRequest request, UploadHandlers uploads) => uploads.CreateAsync(request))
            .Takes<UploadHandlers.UploadBody>().Fails(BadRequest, Forbidden).WithTags("Reports").WithSummary("A short-lived URL to PUT a large report straight into storage.");
        api.MapPost(ApiRoutes.Compilations, (HttpRequest request, CompilationHandlers compilations) => compilations.CreateAsync(request))
            .Takes<CompilationHandlers.CompilationBody>().Fails(BadRequest, Forbidden).WithTags("Compilations").WithSummary("Compile the report to the meeting from the cycle's indexed reports, in the background.");
        api.MapGet(ApiRoutes.Compilation, (HttpRequest request, string id, CompilationHandlers compilations) => compilations.GetAsync(request, id))
            .Fails(Forbidden, NotFound).WithTags("Compilations").WithSummary("A compilation and, once completed, a link per output format.");
        api.MapGet(ApiRoutes.Notifications, (HttpRequest request, NotificationHandlers notifications) => notifications.ListAsync(request))
            .Fails(BadRequest, Forbidden).WithTags("Notifications").WithSummary("Every reminder and digest on every channel, with how it ended.").Query("cycle", "A cycle id, e.g. COP-7.");
        api.MapGet(ApiRoutes.OutboxMessage, (HttpRequest request, string cycle, string partner, string message, NotificationHandlers notifications) => notifications.MessageAsync(request, cycle, partner, message))
            .Fails(Forbidden, NotFound).WithTags("Notifications").WithSummary("A message the outbox keeps: who it went to, its subject and its text.");
        api.MapGet(ApiRoutes.CompiledReport, (HttpRequest request, string id, string format, CompilationHandlers compilations) => compilations.DownloadAsync(request, id, format))
            .AnswersFile("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/html", "application/json", "text/markdown").WithTags("Compilations").WithSummary("A compiled report in one of its formats.");
    }
}
