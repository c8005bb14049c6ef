using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Compilation;

/// <summary>How the secretariat's documents name a meeting: "Seventh meeting", "Geneva, 1–5 November 2027".</summary>
public static class MeetingNames
{
    private static readonly string[] Ordinals =
    [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
    ];

    /// <summary>
    /// The meeting as a cover prints it: "Seventh meeting" for <c>COP-7</c>, "Second extraordinary
    /// meeting" for <c>ExCOP-2</c>; the cycle's own title for other bodies and numbers past twenty.
    /// </summary>
    public static string OnCover(ReportingCycle cycle) => InProse(cycle.Id) is { } prose ? char.ToUpperInvariant(prose[4]) + prose[5..] : cycle.Title;

    /// <summary>"the seventh meeting" for <c>COP-7</c>; null when the cycle is not a Conference of the Parties' meeting.</summary>
    public static string? InProse(string cycle)
    {
        var body = cycle[..cycle.LastIndexOf('-')].ToUpperInvariant();
        var number = CycleId.Number(cycle);
        if (number > Ordinals.Length)
        {
            return null;
        }

        return body switch
        {
            "COP" => $"the {Ordinals[number - 1]} meeting",
            "EXCOP" => $"the {Ordinals[number - 1]} extraordinary meeting",
            _ => null,
        };
    }

    /// <summary>"Geneva, 1–5 November 2027" when the cycle has the venue and the last day; else the first day.</summary>
    public static string Dates(ReportingCycle cycle)
    {
        var start = cycle.MeetingStart;
        var dates = cycle.MeetingEnd is not { } end || end == start ? ReportCompiler.Format(start)
            : end.Month == start.Month && end.Year == start.Year ? $"{start.Day}–{ReportCompiler.Format(end)}"
            : $"{ReportCompiler.Format(start)} – {ReportCompiler.Format(end)}";
        return cycle.Venue is { } venue ? $"{venue}, {dates}" : dates;
    }
}
