using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Api;

/// <summary><c>POST /api/uploads</c>: a short-lived URL to PUT a large report straight into Blob Storage.</summary>
public sealed class UploadHandlers(ApiCall call, CycleStore cycles, ReportSubmissions submissions, PartnerUploadLimits partnerLimits)
{
    public Task<Results<Created<UploadUrlView>, ApiProblemResult>> CreateAsync(HttpRequest request) =>
        call.RunAsync(request, Audience.AnyCaller, async (caller, cancellationToken) =>
        {
            if (caller.PartnerId is not { } partner)
            {
                throw new ApiProblem(StatusCodes.Status403Forbidden, ApiProblemCodes.Forbidden, "Upload URLs are issued to partners, for their own reports.");
            }

            await partnerLimits.CheckAsync(partner, cancellationToken);
            var body = await JsonBody.ReadAsync<UploadBody>(request, cancellationToken);
            var fileName = FileNameRules.Normalise(body.FileName, out var problem)
                ?? throw new ApiProblem(StatusCodes.Status400BadRequest, ApiProblemCodes.InvalidFileName, problem);
            var cycle = await MultipartUpload.RequireCycleToReportToAsync(body.Cycle, caller, cycles, cancellationToken);
            var replaces = string.IsNullOrWhiteSpace(body.Replaces) ? null : body.Replaces.Trim();
            if (await submissions.ProblemWithReplacesAsync(replaces, partner, cycle, cancellationToken) is { } replacesProblem)
            {
                throw ApiProblem.Validation(replacesProblem);
            }

            var upload = await submissions.PrepareDirectUploadAsync(new Submission(partner, cycle, fileName, replaces, partner, ReportChannel.Of(request, ReportChannel.UploadUrl)), cancellationToken);
            return TypedResults.Created(ApiRoutes.ReportPath(upload.Report.Id), new UploadUrlView(upload.Report.Id, upload.UploadUrl.ToString(), upload.ExpiresAt));
        });

    /// <summary>The request body, as the OpenAPI document describes it.</summary>
    public sealed record UploadBody(string? FileName, string? Cycle, string? Replaces = null);
}
