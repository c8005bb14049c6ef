using System.Text.RegularExpressions;
using Azure;
using MimeKit;
using Minamata.Reporting.Access;
using Minamata.Reporting.Index;
using Minamata.Reporting.Storage;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Notifications;

/// <summary>A message the outbox keeps, as the secretariat reads it: who it went to, its subject and its text.</summary>
public sealed record OutboxMessage(string? From, IReadOnlyList<string> To, IReadOnlyList<string> Cc, string Subject, string? Language, string Text);

/// <summary>Reads a message back from the <c>outbox</c> container that <see cref="OutboxChannel"/> writes.</summary>
public sealed partial class OutboxReader(ReportStorageClients storage)
{
    /// <summary>The message, or null when the outbox has none by that name (or the name is not one a message can have).</summary>
    public async Task<OutboxMessage?> ReadAsync(string cycle, string partner, string message, CancellationToken cancellationToken)
    {
        // Only names the channel writes: the parts become a blob path, so nothing else may pass.
        if (!CycleId.IsValid(cycle) || !(PartnerId.IsValid(partner) || partner == Caller.SecretariatName) || !IsMessageName(message))
        {
            return null;
        }

        try
        {
            var content = (await storage.Outbox.GetBlobClient(OutboxChannel.BlobName(cycle, partner, message)).DownloadContentAsync(cancellationToken)).Value.Content;
            using var stream = content.ToStream();
            var mail = await MimeMessage.LoadAsync(stream, cancellationToken);
            return new OutboxMessage(
                mail.From.Mailboxes.FirstOrDefault()?.Address,
                [.. mail.To.Mailboxes.Select(m => m.Address)],
                [.. mail.Cc.Mailboxes.Select(m => m.Address)],
                mail.Subject ?? "",
                mail.Body?.Headers[HeaderId.ContentLanguage],
                mail.TextBody ?? "");
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>A kind, alone or with the days before the deadline, a date, or a report's id: what <see cref="OutboxChannel.MessageName"/> makes.</summary>
    private static bool IsMessageName(string message) =>
        KindAndDays().IsMatch(message)
        || (Kind().Match(message) is { Success: true } kind && ReportId.TryGetPartner(message[(kind.Length + 1)..], out _));

    [GeneratedRegex(@"^[a-z]{1,20}(-[0-9]{1,4}|-[0-9]{4}-[0-9]{2}-[0-9]{2})?\z", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex KindAndDays();

    [GeneratedRegex(@"^[a-z]{1,20}(?=-)", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Kind();
}
