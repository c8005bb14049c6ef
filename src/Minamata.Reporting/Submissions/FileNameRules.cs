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

        var normalised = fileName.Normalize(NormalizationForm.FormC);
        if (normalised.Length > MaxLength)
        {
            problem = $"The file name is longer than {MaxLength} characters.";
            return null;
        }

        return normalised;
    }
}
