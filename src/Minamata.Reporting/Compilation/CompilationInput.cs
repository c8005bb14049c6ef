using Minamata.Reporting.Access;
using Minamata.Reporting.Index;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Compilation;

/// <summary>A report with the text the intake read from it.</summary>
public sealed record ReportWithText(ReportRecord Report, string Text);

/// <summary>
/// Everything a compilation is made from: the cycle, who the partners are, the cycle's reports,
/// and the previous meeting's cycle when there is one to compare with.
/// </summary>
public sealed record CompilationInput(ReportingCycle Cycle, IReadOnlyList<Partner> Partners, IReadOnlyList<ReportWithText> Reports, PreviousCycle? Previous = null);

/// <summary>The previous meeting's reports, for what the comparison needs of them: who reported.</summary>
public sealed record PreviousCycle(string Cycle, IReadOnlyList<ReportRecord> Reports);
