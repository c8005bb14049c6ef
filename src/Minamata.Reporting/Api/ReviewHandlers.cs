using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Minamata.Reporting.Index;
using Minamata.Reporting.Intake;
using Minamata.Reporting.Metadata;
using Minamata.Reporting.Storage;

namespace Minamata.Reporting.Api;

/// <summary>
/// The secretariat's review of a report. <c>PATCH /api/reports/{id}/metadata</c> corrects what the
/// extractor got wrong: a JSON merge patch, where a field with a value sets its correction and a
/// field with null clears it (the extracted value is back); what was extracted is kept as it was and
/// every change is a history line. <c>POST /api/reports/{id}/reextract</c> has the file read again
/// with the current extraction, corrections kept.
/// </summary>
public sealed class ReviewHandlers(ApiCall call, ReportIndex index, ReportHistory history, Reextraction reextraction, TimeProvider clock)
{
    public Task<Results<Accepted<ReportReceipt>, ApiProblemResult>> ReextractAsync(HttpRequest request, string id) =>
        call.RunAsync(request, Audience.Secretariat, async (caller, cancellationToken) =>
        {
            var report = await reextraction.RequestAsync(id, caller.Name, cancellationToken) ?? throw ApiProblem.NotFound($"report '{id}'");
            return report.Status switch
            {
                ReportStatus.Superseded => throw new ApiProblem(StatusCodes.Status409Conflict, ApiProblemCodes.Conflict, $"Report '{id}' was superseded by '{report.SupersededBy}'; read that one again instead."),
                ReportStatus.Withdrawn => throw new ApiProblem(StatusCodes.Status409Conflict, ApiProblemCodes.Conflict, $"Report '{id}' was withdrawn; it is not read again."),
                _ => TypedResults.Accepted(ApiRoutes.ReportPath(report.Id), new ReportReceipt(report.Id, report.Status)),
            };
        });

    public Task<Results<Ok<ReportView>, ApiProblemResult>> PatchMetadataAsync(HttpRequest request, string id) =>
        call.RunAsync(request, Audience.Secretariat, async (caller, cancellationToken) =>
        {
            var by = caller.Name;
            var changes = Validate(await JsonBody.ReadAsync<JsonObject>(request, cancellationToken), by, clock.GetUtcNow());
            var expected = IfMatch.Of(request);
            var report = await index.GetAsync(id, cancellationToken) ?? throw ApiProblem.NotFound($"report '{id}'");
            var changed = new List<(string Field, bool Cleared)>();
            var outcome = await OptimisticUpdate.ApplyAsync(
                report,
                current =>
                {
                    IfMatch.Check(expected, current.Version);

                    if (current.Extracted is null)
                    {
                        throw new ApiProblem(StatusCodes.Status409Conflict, ApiProblemCodes.NotIndexed, $"Report '{id}' is {current.Status}: only an indexed report's metadata can be corrected.");
                    }

                    var corrections = new Dictionary<string, Correction>(current.Corrections);
                    changed.Clear();
                    foreach (var (field, correction) in changes)
                    {
                        if (correction is null ? corrections.Remove(field) : !Same(corrections.GetValueOrDefault(field), correction))
                        {
                            changed.Add((field, correction is null));
                        }

                        if (correction is not null)
                        {
                            corrections[field] = correction;
                        }
                    }

                    return changed.Count == 0 ? null : current with { Corrections = corrections };
                },
                corrected => index.TryUpdateAsync(corrected, cancellationToken),
                () => index.GetAsync(id, cancellationToken),
                $"Report {id}");
            var stored = outcome.Row ?? throw ApiProblem.NotFound($"report '{id}'");
            foreach (var (field, cleared) in outcome.Written ? changed : [])
            {
                await history.AppendAsync(id, cleared ? ReportHistory.CorrectionCleared : ReportHistory.Corrected, by, field, cancellationToken);
            }

            request.HttpContext.Response.Headers.ETag = stored.Version;
            return TypedResults.Ok(ReportView.For(caller, stored, await history.ListAsync(id, cancellationToken)));
        });

    /// <summary>Each field of the patch as its new correction (null: cleared); a 400 naming every wrong field.</summary>
    private static Dictionary<string, Correction?> Validate(JsonObject patch, string by, DateTimeOffset at)
    {
        var changes = new Dictionary<string, Correction?>(StringComparer.Ordinal);
        var errors = new SortedDictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, value) in patch)
        {
            if (value is null && MetadataCorrections.Fields.Contains(field))
            {
                changes[field] = null;
            }
            else if (MetadataCorrections.Check(field, JsonSerializer.SerializeToElement(value, ReportingJson.TypeInfo<JsonNode?>()), out var problem) is { } normal)
            {
                changes[field] = new Correction(normal, by, at);
            }
            else
            {
                errors[field] = [$"'{field}' {problem}"];
            }
        }

        return errors.Count == 0
            ? changes
            : throw new ApiProblem(StatusCodes.Status400BadRequest, ApiProblemCodes.Validation, string.Join(" ", errors.Values.SelectMany(e => e))) { Errors = errors };
    }

    /// <summary>Whether a correction sets what is there already (then there is nothing to record).</summary>
    private static bool Same(Correction? before, Correction after) =>
        before is not null && JsonElement.DeepEquals(before.Value, after.Value);

    /// <summary>The request body, as the OpenAPI document describes it: any of the fields, null to clear one.</summary>
    public sealed record MetadataPatch(
        string? Title = null,
        string? Symbol = null,
        string? DocumentDate = null,
        ReportingPeriod? ReportingPeriod = null,
        string? Language = null,
        string? SubmittedBy = null,
        string[]? ConventionArticles = null,
        string[]? Organizations = null,
        string[]? ReferencedDocuments = null);
}
