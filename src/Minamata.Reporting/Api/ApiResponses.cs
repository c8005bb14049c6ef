using System.Text.Json.Serialization;

namespace Minamata.Reporting.Api;

// The bodies the API answers with, as records rather than anonymous objects, so that the OpenAPI
// document describes exactly what is sent: the document's schemas are made from these types.

/// <summary>A list: <c>{"items":[...]}</c>.</summary>
public sealed record ItemList<T>(IEnumerable<T> Items);

/// <summary>A page of reports; <c>continuationToken</c> asks for the next, null on the last page.</summary>
public sealed record ReportViewPage(IEnumerable<ReportView> Items, string? ContinuationToken);

/// <summary><c>GET /api/me</c>: the secretariat, or which partner the key belongs to.</summary>
public sealed record CallerView(
    string Role,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Language = null);

/// <summary>An upload taken: the report's id and state; <c>duplicateOf</c> when the same file was sent before.</summary>
public sealed record ReportReceipt(
    string Id,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DuplicateOf = null);

/// <summary><c>POST /api/uploads</c>: where to PUT the file, until when.</summary>
public sealed record UploadUrlView(string Id, string UploadUrl, DateTimeOffset ExpiresAt);

/// <summary>A compilation queued: <c>{"id","status":"queued"}</c>.</summary>
public sealed record CompilationQueued(string Id, string Status);

/// <summary>A compilation and, once completed, one link per output format.</summary>
public sealed record CompilationView(
    string Id,
    string Cycle,
    string Decision,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    int? ReportCount,
    string? Error,
    IReadOnlyDictionary<string, string>? Outputs);

/// <summary><c>GET /api/health</c>; the secretariat's <c>?details=true</c> adds when storage was probed and how long it took.</summary>
public sealed record HealthView(
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? CheckedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? BlobMilliseconds = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? TableMilliseconds = null);

/// <summary>A report of the review queue: which, whose, and why the secretariat should look at it (<c>missing:title</c>, <c>source:symbol=body</c>, ...).</summary>
public sealed record ReviewItem(string Id, string Partner, string FileName, IReadOnlyList<string> Reasons);

/// <summary>What an issuance gave: every report asked for, with the INF symbol it is issued under.</summary>
public sealed record IssueResult(IReadOnlyList<IssuedView> Issued);

public sealed record IssuedView(string Id, string IssuedSymbol);
