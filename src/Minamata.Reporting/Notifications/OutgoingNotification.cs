using MimeKit;

namespace Minamata.Reporting.Notifications;

/// <summary>Who a notification goes to: the addresses it is written to, and those copied.</summary>
public sealed record Recipients(IReadOnlyList<string> To, IReadOnlyList<string> Cc)
{
    public static Recipients Only(string address) => new([address], []);

    /// <summary>As the ledger and <c>GET /api/notifications</c> show it.</summary>
    public override string ToString() => Cc.Count == 0 ? string.Join(", ", To) : $"{string.Join(", ", To)}; cc {string.Join(", ", Cc)}";
}

/// <summary>A planned notification with its recipients and message, as the channels receive it.</summary>
public sealed record OutgoingNotification(PlannedNotification Notification, Recipients Recipients, RenderedMessage Message)
{
    /// <summary>The message as e-mail (MIME): what the relay sends and what the outbox keeps.</summary>
    public MimeMessage ToMime(string? from) => Compose(from, Recipients, Message);

    /// <summary>A rendered message as e-mail from <paramref name="from"/> to <paramref name="recipients"/>.</summary>
    public static MimeMessage Compose(string? from, Recipients recipients, RenderedMessage message)
    {
        var mail = new MimeMessage();
        if (from is not null)
        {
            mail.From.Add(MailboxAddress.Parse(from));
        }

        mail.To.AddRange(recipients.To.Select(MailboxAddress.Parse));
        mail.Cc.AddRange(recipients.Cc.Select(MailboxAddress.Parse));
        mail.Subject = message.Subject;
        mail.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
        // Content-* headers belong to the body entity in MIME; mail clients read the language there.
        mail.Body.Headers.Add(HeaderId.ContentLanguage, message.Language);
        return mail;
    }
}
