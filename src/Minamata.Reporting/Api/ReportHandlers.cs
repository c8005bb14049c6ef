using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Access;
using Minamata.Reporting.Documents;
using Minamata.Reporting.Index;
using Minamata.Reporting.Intake;
using Minamata.Reporting.Metadata;
using Minamata.Reporting.Storage;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Api;

/// <summary>Partners' reports: upload, look up with history, list and search, download.</summary>
public sealed class ReportHandlers(
    ApiCall call,
    MultipartUpload uploads,
    ReportSubmissions submissions,
    ReportIndex index,
    ReportHistory history,
    ReportStorageClients storage,
    PartnerUploadLimits partnerLimits,
    IUploadNotifier intake,
    Withdrawals withdrawals,
    IOptions<ExtractionOptions> limits)
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;
    private const int MaxQueryCharacters = 200;

    public Task<Results<Results<Accepted<ReportReceipt>, Ok<ReportReceipt>>, ApiProblemResult>> UploadAsync(HttpRequest request) =>
        call.RunAsync<Results<Accepted<ReportReceipt>, Ok<ReportReceipt>>>(request, Audience.AnyCaller, async (caller, cancellationToken) =>
        {
            using var receiving = intake.Receiving();
            if (caller.PartnerId is { } partner)
            {
                // Before the body is read: a partner at its limit should not have to send the file first.
                await partnerLimits.CheckAsync(partner, cancellationToken);
            }

            var form = await uploads.ReceiveAsync(request, caller, limits.Value.MaxFileBytes, cancellationToken);
            var result = await submissions.SubmitAsync(form.File, form.Submission, form.ContentType, cancellationToken);
            var report = result.Report;
            if (!result.Duplicate)
            {
                return TypedResults.Accepted(ApiRoutes.ReportPath(report.Id), new ReportReceipt(report.Id, report.Status));
            }

            // The same file again: the report it duplicates, where it is.
            request.HttpContext.Response.Headers.Location = ApiRoutes.ReportPath(report.Id);
            return TypedResults.Ok(new ReportReceipt(report.Id, report.Status, DuplicateOf: report.Id));
        });

    public Task<Results<Ok<ReportView>, ApiProblemResult>> GetAsync(HttpRequest request, string id) =>
        call.RunAsync(request, Audience.AnyCaller, async (caller, cancellationToken) =>
        {
            var report = await index.FindVisibleAsync(caller, id, cancellationToken);
            // What a correction sends back in If-Match.
            request.HttpContext.Response.Headers.ETag = report.Version;
            return TypedResults.Ok(ReportView.For(caller, report, await history.ListAsync(report.Id, cancellationToken)));
        });

    public Task<Results<Ok<ReportViewPage>, ApiProblemResult>> ListAsync(HttpRequest request) =>
        call.RunAsync(request, Audience.AnyCaller, async (caller, cancellationToken) =>
        {
            var query = request.Query;
            var partner = Optional(query, "partner", PartnerId.IsValid, "'partner' must be a partner id.");
            if (!caller.IsSecretariat)
            {
                // A partner lists its own reports, whatever it asks for.
                partner = caller.PartnerId;
            }

            var filter = new ReportQuery(
                partner,
                Optional(query, "cycle", CycleId.IsValid, "'cycle' must be a cycle id such as COP-7."),
                Optional(query, "language", LanguageCodes.IsIso6391, "'language' must be an ISO 639-1 code such as fr."),
                Optional(query, "status", ReportStatus.All.Contains, $"'status' must be one of {string.Join(", ", ReportStatus.All)}."),
                Optional(query, "q", q => q.Length <= MaxQueryCharacters, $"'q' may be at most {MaxQueryCharacters} characters."),
                // A partner sees everything it sent; the secretariat's lists leave out what was taken back.
                IncludeWithdrawn: !caller.IsSecretariat);
            var pageSize = query["pageSize"].ToString() is { Length: > 0 } size
                ? int.TryParse(size, out var n) && n is > 0 and <= MaxPageSize ? n : throw ApiProblem.Validation($"'pageSize' must be 1 to {MaxPageSize}.")
                : DefaultPageSize;
            var continuation = query["continuationToken"].ToString() is { Length: > 0 } token ? token : null;
            ReportPage page;
            try
            {
                page = await index.ListAsync(filter, continuation, pageSize, cancellationToken);
            }
            catch (RequestFailedException e) when (continuation is not null && e.Status == 400)
            {
                throw ApiProblem.Validation("'continuationToken' is not one this API gave out.");
            }

            return TypedResults.Ok(new ReportViewPage(page.Items.Select(r => ReportView.For(caller, r)), page.ContinuationToken));
        });

    /// <summary><c>POST /api/reports/{id}/withdraw</c>: the owner partner or the secretariat takes a report back, with a reason.</summary>
    public Task<Results<Ok<ReportView>, ApiProblemResult>> WithdrawAsync(HttpRequest request, string id) =>
        call.RunAsync(request, Audience.AnyCaller, async (caller, cancellationToken) =>
        {
            var reason = (await JsonBody.ReadAsync<WithdrawBody>(request, cancellationToken)).Reason?.Trim();
            if (reason is not { Length: > 0 and <= Withdrawals.MaxReasonCharacters })
            {
                throw ApiProblem.Invalid("reason", $"'reason' must say why the report is withdrawn, in 1 to {Withdrawals.MaxReasonCharacters} characters.");
            }

            var report = await index.FindVisibleAsync(caller, id, cancellationToken);
            var stored = await withdrawals.WithdrawAsync(report, reason, caller.Name, cancellationToken);
            if (stored.Status != ReportStatus.Withdrawn)
            {
                throw new ApiProblem(StatusCodes.Status409Conflict, ApiProblemCodes.Conflict, Withdrawals.RefusalFor(stored) == WithdrawalRefusal.Issued
                    ? $"Report '{id}' is issued as {stored.IssuedSymbol}, a document of the meeting: it cannot be withdrawn."
                    : $"Report '{id}' was superseded by '{stored.SupersededBy}': withdraw that one instead.");
            }

            request.HttpContext.Response.Headers.ETag = stored.Version;
            return TypedResults.Ok(ReportView.For(caller, stored, await history.ListAsync(id, cancellationToken)));
        });

    /// <summary>The request body, as the OpenAPI document describes it: why the report is taken back.</summary>
    public sealed record WithdrawBody(string? Reason);

    public Task<Results<FileStreamHttpResult, ApiProblemResult>> DownloadAsync(HttpRequest request, string id) =>
        call.RunAsync(request, Audience.AnyCaller, async (caller, cancellationToken) =>
        {
            var report = await index.FindVisibleAsync(caller, id, cancellationToken);
            Stream content;
            try
            {
                var download = (await storage.Uploads.GetBlobClient(report.BlobName).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
                if (!string.IsNullOrEmpty(download.Details.CopyId))
                {
                    // A blob copied in from elsewhere is not the partner's upload: never hand it out.
                    await download.Content.DisposeAsync();
                    throw ApiProblem.NotFound($"file for report '{id}'");
                }

                content = download.Content;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                throw ApiProblem.NotFound($"file for report '{id}'");
            }

            await history.AppendAsync(report.Id, ReportHistory.Downloaded, caller.Name, null, cancellationToken);
            return TypedResults.Stream(content, Documents.DocumentFormat.MediaType(report.Metadata?.Format), report.FileName);
        });

    private static string? Optional(IQueryCollection query, string name, Func<string, bool> isValid, string problem) =>
        query[name].ToString() is { Length: > 0 } value
            ? isValid(value) ? value : throw ApiProblem.Validation(problem)
            : null;
}
