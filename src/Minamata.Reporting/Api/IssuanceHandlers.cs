using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Minamata.Reporting.Access;
using Minamata.Reporting.Index;
using Minamata.Reporting.Issuance;
using Minamata.Reporting.Storage;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Api;

/// <summary>
/// <c>POST /api/cycles/{cycle}/issue</c>: the secretariat issues reports as the meeting's INF
/// documents; <c>PUT /api/reports/{id}/issued-symbol</c>: it gives an issued report another number
/// of the series; <c>GET /api/reports/{id}/inf</c>: the issued document in Word, its cover page first.
/// </summary>
public sealed class IssuanceHandlers(ApiCall call, CycleStore cycles, ReportIndex index, InfIssuance issuance, PartnerDirectory partners, ReportStorageClients storage, ReportHistory history)
{
    /// <summary>The highest number a series gives: six digits, as the ledger keeps them.</summary>
    private const int MaxNumber = 999_999;

    public Task<Results<Ok<IssueResult>, ApiProblemResult>> IssueAsync(HttpRequest request, string cycle) =>
        call.RunAsync(request, Audience.Secretariat, async (caller, cancellationToken) =>
        {
            var found = await cycles.GetAsync(cycle, cancellationToken) ?? throw ApiProblem.NotFound($"reporting cycle '{cycle}'");
            var series = found.InfSeries
                ?? throw new ApiProblem(StatusCodes.Status409Conflict, ApiProblemCodes.Conflict, $"Cycle '{found.Id}' has no INF series yet: set 'infSeries' with PUT /api/cycles/{found.Id}.");
            var body = await JsonBody.ReadAsync<IssueBody>(request, cancellationToken);
            var reports = await index.ListCycleAsync(found.Id, null, cancellationToken);
            var chosen = body.Reports is { } ids
                ? Named(ids, reports, found.Id)
                // Everything accepted and not issued yet, numbered in the order it arrived.
                : [.. reports.Where(r => r.Status == ReportStatus.Indexed && r.IssuedSymbol is null).OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id, StringComparer.Ordinal)];
            var issued = await issuance.IssueAsync(series, chosen, caller.Name, cancellationToken);
            return TypedResults.Ok(new IssueResult([.. issued.Select(i => new IssuedView(i.Id, i.IssuedSymbol))]));
        });

    public Task<Results<Ok<ReportView>, ApiProblemResult>> RenumberAsync(HttpRequest request, string id) =>
        call.RunAsync(request, Audience.Secretariat, async (caller, cancellationToken) =>
        {
            var body = await JsonBody.ReadAsync<IssuedSymbolBody>(request, cancellationToken);
            var report = await index.GetAsync(id, cancellationToken) ?? throw ApiProblem.NotFound($"report '{id}'");
            IfMatch.Check(IfMatch.Of(request), report.Version);

            var series = report.IssuedSymbol is not null && report.Cycle is not null && await cycles.GetAsync(report.Cycle, cancellationToken) is { InfSeries: { } inf } ? inf : null;
            if (series is null)
            {
                throw new ApiProblem(StatusCodes.Status409Conflict, ApiProblemCodes.NotIssued, $"Report '{id}' is not issued: issue it with POST /api/cycles/{{cycle}}/issue first.");
            }

            var number = SeriesNumber(series, body.IssuedSymbol)
                ?? throw ApiProblem.Invalid("issuedSymbol", $"'issuedSymbol' must be a document of the cycle's INF series, {series.Prefix} and a number from 1 to {MaxNumber}, e.g. {series.Prefix}{series.First}.");
            try
            {
                _ = await issuance.RenumberAsync(series, report, number, caller.Name, cancellationToken)
                    ?? throw new ApiProblem(StatusCodes.Status409Conflict, ApiProblemCodes.NotIssued, $"Report '{id}' is not issued in {series.Prefix}.");
            }
            catch (InfNumberTakenException e)
            {
                throw new ApiProblem(StatusCodes.Status409Conflict, ApiProblemCodes.Conflict, e.Message) { Errors = new Dictionary<string, string[]> { ["issuedSymbol"] = [e.Message] } };
            }

            var stored = await index.GetAsync(id, cancellationToken) ?? throw ApiProblem.NotFound($"report '{id}'");
            request.HttpContext.Response.Headers.ETag = stored.Version;
            return TypedResults.Ok(ReportView.For(caller, stored, await history.ListAsync(id, cancellationToken)));
        });

    public Task<Results<FileContentHttpResult, ApiProblemResult>> InfAsync(HttpRequest request, string id) =>
        call.RunAsync(request, Audience.AnyCaller, async (caller, cancellationToken) =>
        {
            var report = await index.FindVisibleAsync(caller, id, cancellationToken);
            if (report.IssuedSymbol is not { } symbol || report.Cycle is null || await cycles.GetAsync(report.Cycle, cancellationToken) is not { } cycle)
            {
                throw ApiProblem.NotFound($"INF document of report '{id}' (it is not issued)");
            }

            var partner = await partners.GetAsync(report.Partner, cancellationToken);
            var cover = InfCoverPage.For(report, cycle, partner?.Name ?? report.Partner);
            // A Word original follows its cover in the same file; any other stays beside it, as uploaded.
            await using var original = report.Metadata?.Format == Documents.DocumentFormat.Docx
                ? (await storage.Uploads.GetBlobClient(report.BlobName).DownloadContentAsync(cancellationToken)).Value.Content.ToStream()
                : null;
            return TypedResults.File(InfDocument.Write(cover, original), Documents.DocumentFormat.MediaType(Documents.DocumentFormat.Docx), symbol.Replace('/', '-') + ".docx");
        });

    /// <summary>The reports named, each once; a 400 naming those that are not indexed reports of the cycle.</summary>
    private static List<ReportRecord> Named(IReadOnlyList<string?> ids, IReadOnlyList<ReportRecord> reports, string cycle)
    {
        var indexed = reports.Where(r => r.Status == ReportStatus.Indexed).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var wrong = ids.Where(id => id is null || !indexed.ContainsKey(id)).Distinct().ToList();
        if (wrong.Count > 0)
        {
            throw new ApiProblem(StatusCodes.Status400BadRequest, ApiProblemCodes.Validation, $"'reports' must name indexed reports of {cycle}; these are not: {string.Join(", ", wrong)}.")
            {
                Errors = new Dictionary<string, string[]> { ["reports"] = [.. wrong.Select(id => $"'{id}' is not an indexed report of {cycle}.")] },
            };
        }

        return [.. ids.Distinct().Select(id => indexed[id!])];
    }

    /// <summary>The number of <paramref name="symbol"/> in the series: the prefix, then 1 to <see cref="MaxNumber"/> written plainly.</summary>
    private static int? SeriesNumber(InfSeries series, string? symbol) =>
        symbol?.Trim() is { } text && text.StartsWith(series.Prefix, StringComparison.Ordinal)
            && text[series.Prefix.Length..] is { Length: > 0 and <= 6 } digits && digits[0] != '0' && digits.All(char.IsAsciiDigit)
            ? int.Parse(digits, CultureInfo.InvariantCulture)
            : null;

    /// <summary>The request body, as the OpenAPI document describes it: the symbol the report is to carry.</summary>
    public sealed record IssuedSymbolBody(string? IssuedSymbol);

    /// <summary>The request body, as the OpenAPI document describes it: the reports to issue, or none for every one not issued yet.</summary>
    public sealed record IssueBody(IReadOnlyList<string?>? Reports = null);
}
