using System.ComponentModel.DataAnnotations;
using NCrontab;

namespace Minamata.Reporting.Mail;

/// <summary>
/// The secretariat's mailbox that partners send reports to (<c>Minamata:MailIntake</c>), read over
/// IMAP: Exchange Online (outlook.office365.com, 993) with an app registration's credentials
/// (OAuth), or any IMAP server with a password. Off without a host.
/// </summary>
public sealed class MailIntakeOptions : IValidatableObject
{
    public const string Section = "Minamata:MailIntake";

    public string? Host { get; set; }

    /// <summary>993: IMAP over TLS; any other port starts in plain text and upgrades with STARTTLS when <see cref="UseTls"/>.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 993;

    /// <summary>False only for a local test server.</summary>
    public bool UseTls { get; set; } = true;

    public string? UserName { get; set; }

    [Access.ResolvedSecret("Minamata:MailIntake:Password")]
    public string? Password { get; set; }

    /// <summary>
    /// Exchange Online: the Entra tenant of the app registration that may read the mailbox
    /// (application permission IMAP.AccessAsApp, and the mailbox granted to its service principal).
    /// With it the intake signs in with a token (XOAUTH2) for <see cref="UserName"/>, not a password.
    /// </summary>
    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    [Access.ResolvedSecret("Minamata:MailIntake:ClientSecret")]
    public string? ClientSecret { get; set; }

    /// <summary>What the token is for; Exchange Online's unless another server takes OAuth.</summary>
    [Required]
    public string OAuthScope { get; set; } = "https://outlook.office365.com/.default";

    /// <summary>The folder partners' messages arrive in.</summary>
    [Required]
    [StringLength(200, MinimumLength = 1)]
    public string Folder { get; set; } = "INBOX";

    /// <summary>Where a message goes once every report attached to it is written; created if missing.</summary>
    [Required]
    [StringLength(200, MinimumLength = 1)]
    public string ProcessedFolder { get; set; } = "Processed";

    /// <summary>Where a message goes that the intake cannot take (unknown sender, no report attached, no cycle); never deleted.</summary>
    [Required]
    [StringLength(200, MinimumLength = 1)]
    public string NeedsAttentionFolder { get; set; } = "Needs attention";

    /// <summary>When the mailbox is read: six-field NCrontab, seconds first; every five minutes unless set.</summary>
    [Required]
    public string Schedule { get; set; } = "0 */5 * * * *";

    /// <summary>Messages taken in one run at most; the rest wait for the next.</summary>
    [Range(1, 10_000)]
    public int MaxMessagesPerRun { get; set; } = 100;

    /// <summary>The SHA-256 thumbprint (hex) of a mailbox server's certificate no public authority signed.</summary>
    [RegularExpression("^[0-9A-Fa-f]{64}$", ErrorMessage = "Minamata:MailIntake:TrustedCertificateSha256 must be 64 hexadecimal digits.")]
    public string? TrustedCertificateSha256 { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public bool UsesOAuth => !string.IsNullOrWhiteSpace(TenantId);

    public CrontabSchedule ParsedSchedule() => CronExpressions.Parse(Schedule);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!CronExpressions.IsValid(Schedule))
        {
            yield return new ValidationResult(CronExpressions.Invalid($"{Section}:{nameof(Schedule)}", Schedule), [nameof(Schedule)]);
        }

        if (IsConfigured && string.IsNullOrWhiteSpace(UserName))
        {
            yield return new ValidationResult($"{Section}:UserName (the mailbox) is required when {Section}:Host is set.", [nameof(UserName)]);
        }

        if (IsConfigured && UsesOAuth && (string.IsNullOrWhiteSpace(ClientId) || string.IsNullOrEmpty(ClientSecret)))
        {
            yield return new ValidationResult($"{Section}:ClientId and {Section}:ClientSecret are required with {Section}:TenantId.", [nameof(ClientId)]);
        }

        if (IsConfigured && !UsesOAuth && string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult($"{Section}:Password is required when {Section}:Host is set, unless the intake signs in with {Section}:TenantId, ClientId and ClientSecret.", [nameof(Password)]);
        }

        if (new[] { Folder, ProcessedFolder, NeedsAttentionFolder }.Distinct(StringComparer.OrdinalIgnoreCase).Count() < 3)
        {
            yield return new ValidationResult($"{Section}:Folder, ProcessedFolder and NeedsAttentionFolder must be three different folders.", [nameof(Folder)]);
        }
    }
}
