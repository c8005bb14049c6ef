using Microsoft.AspNetCore.Http;

namespace Minamata.Reporting.Api;

/// <summary>
/// Edits of a report that say which version they were made on (<c>If-Match</c> with the report's
/// <c>ETag</c>): two officers' edits never silently overwrite each other; a stale one gets 412.
/// </summary>
public static class IfMatch
{
    /// <summary>The version the request was made on, or null when it does not say.</summary>
    public static string? Of(HttpRequest request) => request.Headers.IfMatch.ToString() is { Length: > 0 } tag ? tag : null;

    /// <summary>Throws the 412 when the request names a version other than <paramref name="current"/>.</summary>
    public static void Check(string? expected, string? current)
    {
        if (expected is not null && expected != current)
        {
            throw new ApiProblem(StatusCodes.Status412PreconditionFailed, ApiProblemCodes.Stale, "The report changed since it was read (its ETag is not the one sent in If-Match); read it again and make the change on that.");
        }
    }
}
