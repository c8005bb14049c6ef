using System.ComponentModel.DataAnnotations;

namespace Minamata.Reporting.Notifications;

/// <summary>
/// The mail relay (<c>Minamata:Smtp</c>): any SMTP server, including Azure Communication Services'
/// SMTP endpoint. Without a host nothing is mailed: notifications go to the outbox, which
/// <c>GET /api/notifications</c> shows.
/// </summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string Section = "Minamata:Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>STARTTLS on the submission port (587), or TLS from the start on 465; false only for a local test relay.</summary>
    public bool UseTls { get; set; } = true;

    public string? UserName { get; set; }

    [Access.ResolvedSecret("Minamata:Smtp:Password")]
    public string? Password { get; set; }

    [EmailAddress]
    public string? From { get; set; }

    /// <summary>
    /// The SHA-256 thumbprint (hex) of a relay certificate to accept although no trusted authority
    /// signed it (an organisation's own relay); without it the system's trust decides.
    /// </summary>
    [RegularExpression("^[0-9A-Fa-f]{64}$", ErrorMessage = "Minamata:Smtp:TrustedCertificateSha256 must be 64 hexadecimal digits.")]
    public string? TrustedCertificateSha256 { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsConfigured && string.IsNullOrWhiteSpace(From))
        {
            yield return new ValidationResult("Minamata:Smtp:From is required when Minamata:Smtp:Host is set.", [nameof(From)]);
        }
    }
}
