using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Minamata.Reporting.Api;

/// <summary>
/// An error as the API reports it: RFC 9457 problem+json with a stable <c>code</c>. Thrown anywhere
/// below a handler; <see cref="ApiCall"/> turns it into the response.
/// </summary>
public sealed class ApiProblem(int status, string code, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Code { get; } = code;

    /// <summary>What is wrong with each named field of the request, for a 400 about several at once.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>When the client may try again (sent as Retry-After), for answers such as 429 and 503.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static ApiProblem Validation(string detail) => new(StatusCodes.Status400BadRequest, ApiProblemCodes.Validation, detail);

    /// <summary>A 400 about one field of the request body: the detail, and the same under that field's name in <see cref="Errors"/>, so a form can show it beside the field.</summary>
    public static ApiProblem Invalid(string field, string detail) => new(StatusCodes.Status400BadRequest, ApiProblemCodes.Validation, detail) { Errors = new Dictionary<string, string[]> { [field] = [detail] } };

    /// <summary>A failure of the server's own (a bug, not the request): the detail is in the log, never in the answer.</summary>
    public static ApiProblem Internal() => new(StatusCodes.Status500InternalServerError, ApiProblemCodes.InternalError, "The server failed to answer this request; the failure is logged.");

    public static ApiProblem NotFound(string what) => new(StatusCodes.Status404NotFound, ApiProblemCodes.NotFound, $"There is no {what}.");

    public ApiProblemResult ToResult() => new(this);
}

/// <summary>
/// The problem+json body, with Retry-After when the problem says when to come back. As a typed
/// result it tells the OpenAPI document the problems any authenticated call may get; a route
/// adds its own (400, 403, 404, ...) where it is mapped.
/// </summary>
public sealed class ApiProblemResult(ApiProblem problem) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    /// <summary>What a problem+json answer is, in the document.</summary>
    public const string MediaType = "application/problem+json";

    private static readonly int[] AnyCall =
        [StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests, StatusCodes.Status500InternalServerError, StatusCodes.Status503ServiceUnavailable];

    public int? StatusCode => problem.Status;

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        foreach (var answer in Answers(AnyCall))
        {
            builder.Metadata.Add(answer);
        }
    }

    /// <summary>A problem+json answer per status, as endpoint metadata for the OpenAPI document.</summary>
    public static IEnumerable<ProducesResponseTypeMetadata> Answers(IEnumerable<int> statuses) =>
        statuses.Select(status => new ProducesResponseTypeMetadata(status, typeof(ApiProblemBody), [MediaType]));

    public Task ExecuteAsync(HttpContext httpContext)
    {
        if (problem.RetryAfter is { } retryAfter)
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Results.Json(
            new ApiProblemBody("about:blank", Title(problem.Status), problem.Status, problem.Message, problem.Code) { Errors = problem.Errors },
            ReportingJson.TypeInfo<ApiProblemBody>(),
            contentType: MediaType,
            statusCode: problem.Status).ExecuteAsync(httpContext);
    }

    private static string Title(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        409 => "Conflict",
        412 => "Precondition failed",
        413 => "Content too large",
        415 => "Unsupported media type",
        429 => "Too many requests",
        500 => "Internal server error",
        503 => "Service unavailable",
        _ => "Error",
    };
}

/// <summary>
/// The problem+json body of every error: RFC 9457's members and the API's stable <c>code</c>; and,
/// where the request named fields, what is wrong with each (<c>{"symbol":["..."]}</c>).
/// </summary>
public sealed record ApiProblemBody(string Type, string Title, int Status, string Detail, string Code)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}
