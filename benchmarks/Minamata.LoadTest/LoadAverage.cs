using System.Globalization;

namespace Minamata.LoadTest;

/// <summary>The machine's load average (Linux), and a warning when it is high enough to spoil a measurement.</summary>
public sealed record LoadAverage(double OneMinute, double FiveMinutes, double FifteenMinutes)
{
    /// <summary>Above this load per core, other work competes with the measurement.</summary>
    private const double BusyPerCore = 0.5;

    public static LoadAverage Read()
    {
        var parts = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ') : ["0", "0", "0"];
        return new LoadAverage(Parse(parts[0]), Parse(parts[1]), Parse(parts[2]));
    }

    public string? Warning => OneMinute / Environment.ProcessorCount > BusyPerCore
        ? string.Create(CultureInfo.InvariantCulture, $"load average {OneMinute:0.00} on {Environment.ProcessorCount} cores is above {BusyPerCore} per core: other work shares the machine, and the figures are slower than the code")
        : null;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"load average {OneMinute:0.00} {FiveMinutes:0.00} {FifteenMinutes:0.00} on {Environment.ProcessorCount} cores");

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
