using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Minamata.Reporting.Compilation;
using Minamata.Reporting.Storage;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Api;

/// <summary>The secretariat's compilations: start one, follow it, download what it produced.</summary>
public sealed class CompilationHandlers(
    ApiCall call, CycleStore cycles, CompilationStore store, CompilationRunner runner, ReportStorageClients storage, IEnumerable<IReportWriter> writers)
{
    public Task<Results<Accepted<CompilationQueued>, ApiProblemResult>> CreateAsync(HttpRequest request) =>
        call.RunAsync(request, Audience.Secretariat, async (_, cancellationToken) =>
        {
            var body = await JsonBody.ReadAsync<CompilationBody>(request, cancellationToken);
            var cycle = await MultipartUpload.RequireCycleAsync(body.Cycle, cycles, cancellationToken);
            var decision = body.Decision ?? DecisionMandate.Default;
            if (!DecisionMandate.Available.Contains(decision))
            {
                throw ApiProblem.Validation($"'decision' must be one of {string.Join(", ", DecisionMandate.Available)}.");
            }

            var record = await runner.QueueAsync(cycle, decision, cancellationToken);
            return TypedResults.Accepted(Location(record.Id), new CompilationQueued(record.Id, record.Status));
        });

    public Task<Results<Ok<CompilationView>, ApiProblemResult>> GetAsync(HttpRequest request, string id) =>
        call.RunAsync(request, Audience.Secretariat, async (_, cancellationToken) =>
        {
            var record = await store.GetAsync(id, cancellationToken) ?? throw ApiProblem.NotFound($"compilation '{id}'");
            var outputs = record.Status == CompilationRecord.Completed
                ? writers.ToDictionary(w => w.Format, w => $"{Location(record.Id)}/report.{w.Format}")
                : null;
            return TypedResults.Ok(
                new CompilationView(record.Id, record.Cycle, record.Decision, record.Status, record.CreatedAt, record.CompletedAt, record.ReportCount, record.Error, outputs));
        });

    public Task<Results<FileStreamHttpResult, ApiProblemResult>> DownloadAsync(HttpRequest request, string id, string format) =>
        call.RunAsync(request, Audience.Secretariat, async (_, cancellationToken) =>
        {
            if (writers.FirstOrDefault(w => w.Format == format) is not { } writer || await store.GetAsync(id, cancellationToken) is not { Status: CompilationRecord.Completed } record)
            {
                throw ApiProblem.NotFound($"compiled report '{id}/report.{format}'");
            }

            try
            {
                // One read of the whole output (a few MB at most): a compilation run again meanwhile
                // overwrites it, and a read in pieces would then fail half-way.
                var content = (await storage.CompiledReports.GetBlobClient(CompilationRecord.OutputBlobName(record.Id, format)).DownloadContentAsync(cancellationToken)).Value.Content;
                return TypedResults.Stream(content.ToStream(), writer.MediaType, $"{record.Cycle}-implementation-report.{format}");
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                throw ApiProblem.NotFound($"compiled report '{id}/report.{format}'");
            }
        });

    private static string Location(string id) => $"/{ApiRoutes.Compilations}/{id}";

    /// <summary>The request body, as the OpenAPI document describes it.</summary>
    public sealed record CompilationBody(string? Cycle, string? Decision = null);
}
