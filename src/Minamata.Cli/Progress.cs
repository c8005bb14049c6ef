namespace Minamata.Cli;

/// <summary>
/// "reading 3/120: file.pdf" on one terminal line of standard error, rewritten in place and cleared
/// at the end, so that a long run shows it is moving without mixing into the output.
/// </summary>
public sealed class Progress(TextWriter error)
{
    private int width;

    public void Report(string verb, int done, int total, string file)
    {
        var line = $"{verb} {done}/{total}: {Path.GetFileName(file)}";
        error.Write($"\r{line.PadRight(width)}");
        width = line.Length;
    }

    public void Clear()
    {
        if (width > 0)
        {
            error.Write($"\r{new string(' ', width)}\r");
            width = 0;
        }
    }
}
