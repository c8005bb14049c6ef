using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Minamata.Reporting.Access;
using Minamata.Reporting.Storage;

namespace Minamata.Reporting.Api;

/// <summary>Who may call a route.</summary>
public enum Audience
{
    /// <summary>The secretariat or any partner.</summary>
    AnyCaller,

    /// <summary>The secretariat only.</summary>
    Secretariat,
}

/// <summary>
/// The frame every authenticated handler runs in: finds the caller (401, with the scheme it wants;
/// 429 for an address that sent too many wrong keys),
/// checks the audience (403), turns thrown problems and storage outages into problem+json, and
/// marks every answer as not to be sniffed nor cached (they carry partners' data and new keys).
/// </summary>
public sealed class ApiCall(CallerAuthenticator authenticator, ILogger<ApiCall> logger)
{
    private static readonly TimeSpan StorageRetryAfter = TimeSpan.FromSeconds(5);


    /// <summary>
    /// Runs <paramref name="handle"/> for an allowed caller. The answer's type says what the route
    /// answers, which is what the OpenAPI document describes.
    /// </summary>
    public async Task<Results<TAnswer, ApiProblemResult>> RunAsync<TAnswer>(HttpRequest request, Audience audience, Func<Caller, CancellationToken, Task<TAnswer>> handle)
        where TAnswer : IResult
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var headers = request.HttpContext.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        try
        {
            var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
            if (caller is null)
            {
                headers.WWWAuthenticate = "Bearer";
                throw new ApiProblem(StatusCodes.Status401Unauthorized, ApiProblemCodes.Unauthorized, "Send a valid key as 'Authorization: Bearer <key>'.");
            }

            if (audience == Audience.Secretariat && !caller.IsSecretariat)
            {
                throw new ApiProblem(StatusCodes.Status403Forbidden, ApiProblemCodes.Forbidden, "Only the secretariat may do this.");
            }

            return await handle(caller, cancellationToken);
        }
        catch (ApiProblem problem)
        {
            return problem.ToResult();
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own limits (body too large, body cut off) surface here while a handler reads.
            return new ApiProblem(e.StatusCode, e.StatusCode == 413 ? ApiProblemCodes.TooLarge : ApiProblemCodes.Validation, e.Message).ToResult();
        }
        catch (Exception e) when (StorageFailures.IsOutage(e))
        {
            logger.LogError(e, "Storage failed while serving {Path}.", request.Path);
            return StorageUnavailable().ToResult();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Both hosts answer a bug the same way: logged here, problem+json without a stack trace there.
            logger.LogError(e, "Serving {Method} {Path} failed.", request.Method, request.Path);
            return ApiProblem.Internal().ToResult();
        }
    }

    /// <summary>503 with Retry-After: storage outages are the client's cue to try again, not a server fault.</summary>
    public static ApiProblem StorageUnavailable() =>
        new ApiProblem(StatusCodes.Status503ServiceUnavailable, ApiProblemCodes.StorageUnavailable, "Storage is not answering; try again shortly.") { RetryAfter = StorageRetryAfter };
}
