using Minamata.Reporting.Access;
using Minamata.Reporting.Index;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Compilation;

/// <summary>A report with the text the intake read from it.</summary>
public sealed record ReportWithText(ReportRecord Report, string Text);

/// <summary>Everything a compilation is made from: the cycle, who the partners are, and the cycle's reports.</summary>
public sealed record CompilationInput(ReportingCycle Cycle, IReadOnlyList<Partner> Partners, IReadOnlyList<ReportWithText> Reports);
