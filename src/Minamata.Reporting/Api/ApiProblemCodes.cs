namespace Minamata.Reporting.Api;

/// <summary>
/// Every <c>code</c> a problem+json answer can carry, by the status it comes with: the code is the
/// API's promise to clients (docs/http-api.md), so it is written here once, used where the problem is
/// raised and listed in the OpenAPI document from <see cref="ByStatus"/>.
/// </summary>
public static class ApiProblemCodes
{
    public const string Validation = "validation";
    public const string MissingFile = "missing-file";
    public const string Empty = "empty";
    public const string InvalidFileName = "invalid-file-name";
    public const string TooManyParts = "too-many-parts";
    public const string UnknownCycle = "unknown-cycle";
    public const string NotExpected = "not-expected";
    public const string UnknownPartner = "unknown-partner";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not-found";
    public const string Conflict = "conflict";
    public const string NotIndexed = "not-indexed";
    public const string NotIssued = "not-issued";
    public const string Stale = "stale";
    public const string TooLarge = "too-large";
    public const string UriTooLong = "uri-too-long";
    public const string HeadersTooLarge = "headers-too-large";
    public const string UnsupportedMediaType = "unsupported-media-type";
    public const string TooManyReports = "too-many-reports";
    public const string TooManyFailedKeys = "too-many-failed-keys";
    public const string TooManyRequests = "too-many-requests";
    public const string InternalError = "internal-error";
    public const string StorageUnavailable = "storage-unavailable";

    /// <summary>The prefix of a status the web server answers before the API sees the request, e.g. <c>http-408</c>.</summary>
    public const string HttpStatusPrefix = "http-";

    public static IReadOnlyDictionary<int, string[]> ByStatus { get; } = new Dictionary<int, string[]>
    {
        [400] = [Validation, MissingFile, Empty, InvalidFileName, TooManyParts, UnknownCycle, NotExpected, UnknownPartner],
        [401] = [Unauthorized],
        [403] = [Forbidden],
        [404] = [NotFound],
        [409] = [Conflict, NotIndexed, NotIssued],
        [412] = [Stale],
        [413] = [TooLarge],
        [414] = [UriTooLong],
        [415] = [UnsupportedMediaType],
        [429] = [TooManyReports, TooManyFailedKeys, TooManyRequests],
        [431] = [HeadersTooLarge],
        [500] = [InternalError],
        [503] = [StorageUnavailable],
    };
}
