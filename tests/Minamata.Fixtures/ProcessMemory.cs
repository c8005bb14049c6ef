namespace Minamata.Fixtures;

/// <summary>What the kernel says of a process's memory (Linux /proc).</summary>
public static class ProcessMemory
{
    /// <summary>The high-water mark of the process's resident memory (VmHWM), or 0 once it is gone.</summary>
    public static long PeakResidentBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
