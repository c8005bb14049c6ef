using System.Net.Security;
using System.Security.Cryptography;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Minamata.Reporting.Notifications;

/// <summary>E-mail through the SMTP relay of <c>Minamata:Smtp</c>; active only when a relay is configured.</summary>
public sealed class EmailChannel(IOptions<SmtpOptions> options) : INotificationChannel
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>"smtp", the name earlier ledger rows carry, so that what they record stays delivered.</summary>
    public string Name => "smtp";

    public bool IsActive => options.Value.IsConfigured;

    public string DeliveredStatus => NotificationStatus.Sent;

    /// <exception cref="Exception">The relay could not be reached or refused the message.</exception>
    public async Task DeliverAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        if (smtp.TrustedCertificateSha256 is { Length: > 0 } pinned)
        {
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None
                || certificate is not null && Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)).Equals(pinned, StringComparison.OrdinalIgnoreCase);
        }

        var security = !smtp.UseTls ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(notification.ToMime(smtp.From), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
