using System.ComponentModel.DataAnnotations;

namespace Minamata.Reporting.Deadlines;

/// <summary>Where partners reach the pipeline (<c>Minamata:PublicUrl</c>), for the links in messages.</summary>
public sealed class PublicOptions
{
    public const string Section = "Minamata";

    [Required]
    [Url]
    public string PublicUrl { get; set; } = "http://127.0.0.1:7071";
}
