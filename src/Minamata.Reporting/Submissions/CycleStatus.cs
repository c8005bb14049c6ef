using Minamata.Reporting.Index;

namespace Minamata.Reporting.Submissions;

/// <summary>Where each partner stands in a cycle, as <c>GET /api/cycles/{cycle}/status</c> shows it.</summary>
public sealed record CycleStatus(string Cycle, DateOnly SubmissionDeadline, IReadOnlyList<PartnerStanding> Partners)
{
    public const string Submitted = "submitted";
    public const string Late = "late";
    public const string Missing = "missing";

    /// <summary>
    /// A partner has submitted when one of its reports is indexed and not superseded; it is late
    /// when the first report it ever got indexed arrived after the deadline day; missing when none.
    /// Expected partners are listed even with no report, others once they have sent one.
    /// </summary>
    public static CycleStatus Compute(ReportingCycle cycle, IEnumerable<ReportRecord> reports, string? onlyPartner)
    {
        var byPartner = reports.Where(r => r.Cycle == cycle.Id && r.Status != ReportStatus.Withdrawn).GroupBy(r => r.Partner).ToDictionary(g => g.Key, g => g.ToList());
        var partners = cycle.ExpectedPartners.Concat(byPartner.Keys).Distinct()
            .Where(p => onlyPartner is null || p == onlyPartner)
            .Order(StringComparer.Ordinal);
        var standings = new List<PartnerStanding>();
        foreach (var partner in partners)
        {
            var own = byPartner.GetValueOrDefault(partner) ?? [];
            var current = own.Where(r => r.Status == ReportStatus.Indexed).OrderBy(r => r.ReceivedAt).ToList();
            var everAccepted = own.Where(r => r.Status is ReportStatus.Indexed or ReportStatus.Superseded).ToList();
            var state = current.Count == 0 ? Missing
                : cycle.IsLate(everAccepted.Min(r => r.ReceivedAt)) ? Late
                : Submitted;
            standings.Add(new PartnerStanding(partner, state, [.. current.Select(r => r.Id)], [.. current.Select(r => r.IssuedSymbol).OfType<string>()]));
        }

        return new CycleStatus(cycle.Id, cycle.SubmissionDeadline, standings);
    }
}

/// <summary>A partner's standing: its state, its current reports, and the INF symbols those of them that are issued carry.</summary>
public sealed record PartnerStanding(string Id, string State, IReadOnlyList<string> Reports, IReadOnlyList<string> IssuedSymbols);
