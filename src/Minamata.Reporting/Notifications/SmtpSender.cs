using System.Net.Security;
using System.Security.Cryptography;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Minamata.Reporting.Notifications;

/// <summary>Sends one message through the relay of <c>Minamata:Smtp</c>: notifications, and the mail intake's replies.</summary>
public sealed class SmtpSender(IOptions<SmtpOptions> options)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public bool IsConfigured => options.Value.IsConfigured;

    /// <summary>The address messages are sent from.</summary>
    public string? From => options.Value.From;

    /// <exception cref="Exception">The relay could not be reached or refused the message.</exception>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        client.ServerCertificateValidationCallback = PinnedCertificate.Validator(smtp.TrustedCertificateSha256);
        var security = !smtp.UseTls ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>
/// A mail server's certificate that no public authority signed (an organisation's own relay or
/// mailbox server), accepted by its SHA-256 thumbprint; without one the system's trust decides.
/// </summary>
public static class PinnedCertificate
{
    public static RemoteCertificateValidationCallback? Validator(string? sha256Hex) =>
        sha256Hex is { Length: > 0 } pinned
            ? (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None
                || certificate is not null && Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)).Equals(pinned, StringComparison.OrdinalIgnoreCase)
            : null;
}
