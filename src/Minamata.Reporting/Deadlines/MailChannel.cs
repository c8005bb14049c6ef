using System.Net.Security;
using System.Security.Cryptography;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Minamata.Reporting.Deadlines;

/// <summary>Where notifications go: the SMTP relay when one is configured, else the outbox (recorded only).</summary>
public sealed class MailChannel(IOptions<SmtpOptions> options)
{
    public const string Smtp = "smtp";
    public const string Outbox = "outbox";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public string Name => options.Value.IsConfigured ? Smtp : Outbox;

    /// <summary>Sends the message; with no relay configured does nothing (the ledger records it in the outbox).</summary>
    /// <exception cref="Exception">The relay could not be reached or refused the message; the caller records the failure.</exception>
    public async Task SendAsync(string recipient, RenderedMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        if (!smtp.IsConfigured)
        {
            return;
        }

        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(smtp.From!));
        mail.To.Add(MailboxAddress.Parse(recipient));
        mail.Subject = message.Subject;
        mail.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
        // Content-* headers belong to the body entity in MIME; mail clients read the language there.
        mail.Body.Headers.Add(HeaderId.ContentLanguage, message.Language);

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

        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
