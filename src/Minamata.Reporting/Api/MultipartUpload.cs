using Azure.Storage.Blobs.Specialized;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Minamata.Reporting.Access;
using Minamata.Reporting.Index;
using Minamata.Reporting.Intake;
using Minamata.Reporting.Storage;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Api;

/// <summary>
/// Reads <c>POST /api/reports</c>'s multipart body as a stream: small fields into strings, the file
/// part straight into a staged block blob. The file is never whole in memory, and a refused upload
/// never becomes a visible blob.
/// </summary>
/// <summary>
/// The upload form as the OpenAPI document describes it; the form itself is read as a stream by
/// <see cref="MultipartUpload"/>, never bound to this type.
/// </summary>
public sealed record UploadForm(IFormFile File, string Cycle, string? Replaces = null, string? Partner = null);

public sealed class MultipartUpload(ReportStorageClients storage, PartnerDirectory partners, CycleStore cycles, ReportSubmissions submissions)
{
    /// <summary>Room for the multipart boundaries and fields around the file itself.</summary>
    public const long EnvelopeBytes = 1024 * 1024;
    private const int MaxFieldCharacters = 200;

    /// <summary>The form has four parts at most (file, cycle, replaces, partner); a body of a million tiny parts is refused at the seventeenth.</summary>
    private const int MaxParts = 16;

    /// <summary>A form whose file is staged but not yet committed, and whose fields passed every check.</summary>
    public sealed record Form(StagedUpload File, Submission Submission, string ContentType);

    public async Task<Form> ReceiveAsync(HttpRequest request, Caller caller, long maxFileBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) ||
            !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) ||
            HeaderUtilities.RemoveQuotes(mediaType.Boundary) is not { Length: > 0 and <= 200 } boundary)
        {
            throw new ApiProblem(StatusCodes.Status415UnsupportedMediaType, ApiProblemCodes.UnsupportedMediaType, "Send the report as multipart/form-data with a 'file' part and a 'cycle' field.");
        }

        // Refuse an announced oversize body before reading a byte of it.
        if (request.ContentLength > maxFileBytes + EnvelopeBytes)
        {
            throw TooLarge(maxFileBytes);
        }

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        StagedUpload? file = null;
        string? fileName = null;
        string? contentType = null;
        var partner = caller.PartnerId;
        var reader = new MultipartReader(boundary.ToString(), request.Body) { HeadersLengthLimit = 16 * 1024 };
        try
        {
            var parts = 0;
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (++parts > MaxParts)
                {
                    throw new ApiProblem(StatusCodes.Status400BadRequest, ApiProblemCodes.TooManyParts, $"The form has more than {MaxParts} parts; send 'file', 'cycle' and, if needed, 'replaces'.");
                }

                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFormDisposition() && !disposition.IsFileDisposition())
                {
                    throw ApiProblem.Validation("Every part needs a 'Content-Disposition: form-data' header.");
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
                if (disposition.IsFileDisposition())
                {
                    if (!name.Equals("file", StringComparison.OrdinalIgnoreCase) || file is not null)
                    {
                        throw ApiProblem.Validation("Send exactly one file, in the part named 'file'.");
                    }

                    partner = ResolvePartner(caller, fields);
                    fileName = FileNameRules.Normalise(FileNameOf(disposition), out var problem)
                        ?? throw new ApiProblem(StatusCodes.Status400BadRequest, ApiProblemCodes.InvalidFileName, problem);
                    contentType = MediaTypeHeaderValue.TryParse(section.ContentType, out var partType) ? partType.MediaType.ToString() : "application/octet-stream";
                    file = new StagedUpload(storage.Uploads.GetBlockBlobClient(UploadLocation.ForApiUpload(partner)));
                    if (!await file.StageAsync(section.Body, maxFileBytes, cancellationToken))
                    {
                        throw TooLarge(maxFileBytes);
                    }
                }
                else
                {
                    fields[name] = await ReadFieldAsync(section, cancellationToken);
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException && e is not BadHttpRequestException)
        {
            throw ApiProblem.Validation($"The multipart body is malformed: {e.Message}");
        }

        if (file is null || fileName is null || contentType is null || partner is null)
        {
            throw new ApiProblem(StatusCodes.Status400BadRequest, ApiProblemCodes.MissingFile, "The request has no part named 'file'.");
        }

        if (file.Length == 0)
        {
            throw new ApiProblem(StatusCodes.Status400BadRequest, ApiProblemCodes.Empty, "The file is empty.");
        }

        var cycle = await RequireCycleToReportToAsync(fields.GetValueOrDefault("cycle")?.Trim(), caller, cycles, cancellationToken);
        var replaces = fields.GetValueOrDefault("replaces")?.Trim() is { Length: > 0 } r ? r : null;
        if (await submissions.ProblemWithReplacesAsync(replaces, partner, cycle, cancellationToken) is { } replacesProblem)
        {
            throw ApiProblem.Validation(replacesProblem);
        }

        if (caller.IsSecretariat && !await partners.ExistsAsync(partner, cancellationToken))
        {
            throw new ApiProblem(StatusCodes.Status400BadRequest, ApiProblemCodes.UnknownPartner, $"There is no partner '{partner}'.");
        }

        return new Form(file, new Submission(partner, cycle, fileName, replaces, caller.Name, ReportChannel.Of(request, ReportChannel.Api)), contentType);
    }

    /// <summary>The cycle id if it is well formed and the secretariat opened that cycle.</summary>
    public static async Task<string> RequireCycleAsync(string? cycle, CycleStore cycles, CancellationToken cancellationToken)
    {
        if (!CycleId.IsValid(cycle))
        {
            throw ApiProblem.Validation("'cycle' must name a reporting cycle such as COP-7.");
        }

        return await cycles.GetAsync(cycle!, cancellationToken) is null
            ? throw new ApiProblem(StatusCodes.Status400BadRequest, ApiProblemCodes.UnknownCycle, $"There is no reporting cycle '{cycle}'.")
            : cycle!;
    }

    /// <summary>
    /// The cycle id, when the caller may upload to it: a partner only to a cycle that expects it (a
    /// report sent to the wrong meeting would count nowhere); the secretariat to any, on a partner's behalf.
    /// </summary>
    public static async Task<string> RequireCycleToReportToAsync(string? cycle, Caller caller, CycleStore cycles, CancellationToken cancellationToken)
    {
        var id = await RequireCycleAsync(cycle, cycles, cancellationToken);
        if (caller.PartnerId is { } partner && await cycles.GetAsync(id, cancellationToken) is { } found && !found.ExpectedPartners.Contains(partner))
        {
            throw new ApiProblem(StatusCodes.Status400BadRequest, ApiProblemCodes.NotExpected, $"{partner} is not expected to report for {id}: choose a cycle your organization reports to, or ask the secretariat to add it to {id}.")
            {
                Errors = new Dictionary<string, string[]> { ["cycle"] = [$"{partner} is not expected to report for {id}."] },
            };
        }

        return id;
    }

    /// <summary>A partner uploads for itself; the secretariat names the partner in a field before the file.</summary>
    private static string ResolvePartner(Caller caller, Dictionary<string, string> fields)
    {
        var named = fields.GetValueOrDefault("partner")?.Trim();
        if (!caller.IsSecretariat)
        {
            return named is null || named == caller.PartnerId
                ? caller.PartnerId!
                : throw new ApiProblem(StatusCodes.Status403Forbidden, ApiProblemCodes.Forbidden, "A partner may upload only its own reports.");
        }

        return PartnerId.IsValid(named)
            ? named!
            : throw ApiProblem.Validation("The secretariat must name the partner in a 'partner' field sent before the 'file' part.");
    }

    private static string? FileNameOf(ContentDispositionHeaderValue disposition)
    {
        // filename* (RFC 5987) carries non-ASCII names exactly; plain filename is what browsers send.
        var name = disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName;
        return HeaderUtilities.RemoveQuotes(name).ToString();
    }

    private static async Task<string> ReadFieldAsync(MultipartSection section, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(section.Body);
        var buffer = new char[MaxFieldCharacters + 1];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        if (read > MaxFieldCharacters)
        {
            throw ApiProblem.Validation($"A form field may be at most {MaxFieldCharacters} characters.");
        }

        return new string(buffer, 0, read);
    }

    private static ApiProblem TooLarge(long maxFileBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, ApiProblemCodes.TooLarge, $"A report may be at most {maxFileBytes} bytes.");
}
