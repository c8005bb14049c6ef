using Minamata.Reporting.Access;
using Minamata.Reporting.Index;

namespace Minamata.Reporting.Api;

/// <summary>How a route finds the report it is asked about.</summary>
internal static class ReportLookup
{
    /// <summary>The report if the caller may see it; a partner asking for another's report is told it does not exist.</summary>
    public static async Task<ReportRecord> FindVisibleAsync(this ReportIndex index, Caller caller, string id, CancellationToken cancellationToken)
    {
        var report = ReportId.TryGetPartner(id, out var partner) && caller.MaySee(partner)
            ? await index.GetAsync(id, cancellationToken)
            : null;
        return report ?? throw ApiProblem.NotFound($"report '{id}'");
    }
}
