using System.ComponentModel.DataAnnotations;

namespace Minamata.Reporting.Access;

/// <summary>Settings under <c>Minamata</c> that decide who may call.</summary>
public sealed class AccessOptions
{
    public const string Section = "Minamata";

    /// <summary>The secretariat's key (<c>Minamata__SecretariatKey</c>); long enough not to be guessed.</summary>
    [Required(ErrorMessage = "Minamata:SecretariatKey (environment variable Minamata__SecretariatKey) is required.")]
    [StringLength(int.MaxValue, MinimumLength = 24, ErrorMessage = "Minamata:SecretariatKey must be at least 24 characters.")]
    [ResolvedSecret("Minamata:SecretariatKey")]
    public string SecretariatKey { get; set; } = "";

    /// <summary>
    /// How long a partner's key, once found in the directory, is trusted without asking storage
    /// again (one request less on every call). A reissued key stops working at once on the
    /// instance that reissued it, and on the Functions app's other instances within this time;
    /// zero asks storage on every call.
    /// </summary>
    [TimeSpanRange("00:00:00", "00:10:00")]
    public TimeSpan KeyCacheLifetime { get; set; } = TimeSpan.FromSeconds(30);
}
