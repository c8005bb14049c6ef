using System.ComponentModel.DataAnnotations;

namespace Minamata.Reporting.Documents;

/// <summary>Limits that keep reading any file bounded in time and memory (<c>Minamata:Extraction</c>).</summary>
public sealed class ExtractionOptions
{
    public const string Section = "Minamata:Extraction";

    /// <summary>Files above this size are refused with <c>too-large</c>.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Text beyond this many characters is not read (<c>limits-exceeded</c>).</summary>
    [Range(1, int.MaxValue)]
    public int MaxTextCharacters { get; set; } = 20_000_000;
}
