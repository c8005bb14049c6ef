namespace Minamata.Reporting.Index;

/// <summary>
/// Filters of <c>GET /api/reports</c>; null means "any". <see cref="Words"/> are searched in title
/// and text. Withdrawn reports are left out unless asked for by status or with <see cref="IncludeWithdrawn"/>.
/// </summary>
public sealed record ReportQuery(string? Partner, string? Cycle, string? Language, string? Status, string? Words = null, bool IncludeWithdrawn = false);

/// <summary>One page of a listing and the token for the next.</summary>
public sealed record ReportPage(IReadOnlyList<ReportRecord> Items, string? ContinuationToken);
