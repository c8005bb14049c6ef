namespace Minamata.Reporting.Index;

/// <summary>Filters of <c>GET /api/reports</c>; null means "any". <see cref="Words"/> are searched in title and text.</summary>
public sealed record ReportQuery(string? Partner, string? Cycle, string? Language, string? Status, string? Words = null);

/// <summary>One page of a listing and the token for the next.</summary>
public sealed record ReportPage(IReadOnlyList<ReportRecord> Items, string? ContinuationToken);
