using System.Text;

namespace Minamata.Reporting.Submissions;

/// <summary>
/// What a partner's file name may be. The name is only ever kept as data (blob metadata, index
/// column, download header); blob names and keys never contain it. The rules still refuse names no
/// honest client sends, so that whoever downloads the file gets a name that is safe to save.
/// </summary>
public static class FileNameRules
{
    public const int MaxLength = 255;

    /// <summary>Names a Windows user cannot save a download under, whatever the extension.</summary>
    private static readonly HashSet<string> ReservedDeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>The name in Unicode normal form C, or null with <paramref name="problem"/> saying why it is refused.</summary>
    public static string? Normalise(string? fileName, out string problem)
    {
        problem = "";
        if (string.IsNullOrWhiteSpace(fileName))
        {
            problem = "The file has no name.";
            return null;
        }

        if (fileName.Any(char.IsControl))
        {
            problem = "The file name contains control characters.";
            return null;
        }

        if (fileName.Any(IsBidiControl))
        {
            // U+202E turns "report\u202Excod.exe" into "reportexe.docx" on screen.
            problem = "The file name contains text-direction controls.";
            return null;
        }

        if (fileName.IndexOfAny(['/', '\\']) >= 0)
        {
            problem = "The file name contains a path; send the name alone, e.g. report.docx.";
            return null;
        }

        if (fileName.Trim().Trim('.').Length == 0)
        {
            problem = "The file name is only dots.";
            return null;
        }

        if (ReservedDeviceNames.Contains(fileName.Split('.')[0].TrimEnd()))
        {
            problem = "The file name is a name Windows reserves for a device (CON, PRN, AUX, NUL, COM1, LPT1, ...); rename the file.";
            return null;
        }

        var normalised = fileName.Normalize(NormalizationForm.FormC);
        if (normalised.Length > MaxLength)
        {
            problem = $"The file name is longer than {MaxLength} characters.";
            return null;
        }

        return normalised;
    }

    /// <summary>Bidirectional embeddings, overrides, isolates and marks (U+061C, U+200E-F, U+202A-E, U+2066-9).</summary>
    private static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
