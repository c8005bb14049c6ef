using NCrontab;

namespace Minamata.Reporting;

/// <summary>The six-field cron expressions (seconds first) that timer triggers read from settings, as NCrontab parses them.</summary>
public static class CronExpressions
{
    private static readonly CrontabSchedule.ParseOptions WithSeconds = new() { IncludingSeconds = true };

    public static CrontabSchedule Parse(string expression) => CrontabSchedule.Parse(expression, WithSeconds);

    public static bool IsValid(string? expression) => expression is not null && CrontabSchedule.TryParse(expression, WithSeconds) is not null;

    /// <summary>The message for a setting whose value is not one.</summary>
    public static string Invalid(string setting, string? expression) =>
        $"{setting} '{expression}' is not a six-field cron expression (seconds minutes hours day month weekday).";
}
