using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs.Specialized;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Minamata.Reporting.Access;
using Minamata.Reporting.Api;
using Minamata.Reporting.Documents;
using Minamata.Reporting.Intake;
using Minamata.Reporting.Notifications;
using Minamata.Reporting.Storage;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Mail;

/// <summary>What one run of the mail intake did.</summary>
public sealed record MailIntakeCounts(int Processed, int NeedAttention, int Deferred, int Reports);

/// <summary>
/// Reads the secretariat's mailbox (<see cref="MailIntakeOptions"/>) and takes in the reports that
/// partners attach, as if they had uploaded them: one report per attachment, for the partner whose
/// focal point sent it and the cycle the subject names (else the partner's open one). A message is
/// moved to the processed folder only after every attachment's blob and index row are written; one
/// the intake cannot take is moved to the folder that needs attention, with a reply saying what to
/// do, and never deleted. Reports are named after the message (its Message-ID) and the attachment,
/// so a message read again, after a crash between writing and moving, or moved back by hand, adds
/// nothing. The Functions timer and the server's loop run it.
/// </summary>
public sealed class MailIntake(
    IOptions<MailIntakeOptions> options,
    IOptions<ExtractionOptions> extraction,
    PartnerDirectory partners,
    CycleStore cycles,
    ReportSubmissions submissions,
    PartnerUploadLimits limits,
    ReportStorageClients storage,
    MailReplies replies,
    MailboxLogin login,
    TimeProvider clock,
    ILogger<MailIntake> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public async Task<MailIntakeCounts> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return new MailIntakeCounts(0, 0, 0, 0);
        }

        using var client = new ImapClient { Timeout = (int)Timeout.TotalMilliseconds };
        client.ServerCertificateValidationCallback = PinnedCertificate.Validator(settings.TrustedCertificateSha256);
        var security = !settings.UseTls ? SecureSocketOptions.None : settings.Port == 993 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(settings.Host!, settings.Port, security, cancellationToken);
        await login.SignInAsync(client, cancellationToken);
        var inbox = await client.GetFolderAsync(settings.Folder, cancellationToken);
        await inbox.OpenAsync(FolderAccess.ReadWrite, cancellationToken);

        var directory = await partners.ListAsync(cancellationToken);
        var known = await cycles.ListAsync(cancellationToken);
        var counts = new MailIntakeCounts(0, 0, 0, 0);
        foreach (var uid in (await inbox.SearchAsync(SearchQuery.All, cancellationToken)).Take(settings.MaxMessagesPerRun))
        {
            try
            {
                counts = await TakeAsync(client, inbox, uid, directory, known, counts, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException && client.IsConnected && !StorageFailures.IsOutage(e))
            {
                // One message that fails (a storage refusal, a part MimeKit cannot decode) must not hold up
                // the others behind it, run after run: it stays in the inbox and is tried again next time.
                logger.LogError(e, "Message {Uid} could not be taken in; it stays in {Folder} for the next run.", uid, settings.Folder);
                counts = counts with { Deferred = counts.Deferred + 1 };
            }
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation(
            "Mail intake: {Processed} messages processed ({Reports} reports), {NeedAttention} need attention, {Deferred} left for later.",
            counts.Processed, counts.Reports, counts.NeedAttention, counts.Deferred);
        return counts;
    }

    private async Task<MailIntakeCounts> TakeAsync(
        ImapClient client, IMailFolder inbox, UniqueId uid, IReadOnlyList<Partner> directory, IReadOnlyList<ReportingCycle> known, MailIntakeCounts counts, CancellationToken cancellationToken)
    {
        var maxFileBytes = extraction.Value.MaxFileBytes;
        // Decoded attachments are at most three quarters of the encoded message: the limit holds the largest report allowed, with room for its mail.
        var size = (await inbox.FetchAsync([uid], MessageSummaryItems.Size, cancellationToken)).FirstOrDefault()?.Size ?? 0;
        if (size > (maxFileBytes * 4 / 3) + (1024 * 1024))
        {
            var headers = await inbox.GetHeadersAsync(uid, cancellationToken);
            var tooLarge = new MimeMessage(headers);
            await MoveAsync(client, inbox, uid, options.Value.NeedsAttentionFolder, cancellationToken);
            var found = MailTriage.Decide(tooLarge, directory, known, Today);
            await replies.SendAsync(tooLarge, found.Problem is MailProblem.UnknownSender or MailProblem.UnverifiedSender ? found : found with { Problem = MailProblem.TooLarge }, cancellationToken);
            return counts with { NeedAttention = counts.NeedAttention + 1 };
        }

        var message = await inbox.GetMessageAsync(uid, cancellationToken);
        var triage = MailTriage.Decide(message, directory, known, Today);
        var files = triage.Problem is null ? await DecodeAsync(triage.Reports, maxFileBytes, cancellationToken) : null;
        if (triage.Problem is null && files is null)
        {
            triage = triage with { Problem = MailProblem.TooLarge };
        }

        if (triage.Problem is not null || files is null)
        {
            // Moved before the reply: were the reply to fail, the message is where the secretariat looks, and is never answered twice.
            await MoveAsync(client, inbox, uid, options.Value.NeedsAttentionFolder, cancellationToken);
            logger.LogWarning("A message from {Sender} needs attention: {Problem}.", MailTriage.ReplyAddress(message)?.Address, triage.Problem);
            await replies.SendAsync(message, triage, cancellationToken);
            return counts with { NeedAttention = counts.NeedAttention + 1 };
        }

        try
        {
            await limits.CheckAsync(triage.Partner!.Id, cancellationToken);
        }
        catch (ApiProblem e) when (e.Status == 429)
        {
            // Limited like an upload: the message waits in the inbox for a run when the partner is under its limits.
            logger.LogInformation("A message from {Partner} waits for the next run: {Reason}", triage.Partner!.Id, e.Message);
            return counts with { Deferred = counts.Deferred + 1 };
        }

        var key = MessageKey(message);
        for (var i = 0; i < files.Count; i++)
        {
            await SubmitAsync(triage, key, i + 1, triage.Reports[i], files[i], cancellationToken);
        }

        await MoveAsync(client, inbox, uid, options.Value.ProcessedFolder, cancellationToken);
        return counts with { Processed = counts.Processed + 1, Reports = counts.Reports + files.Count };
    }

    private async Task SubmitAsync(MailTriageResult triage, string messageKey, int number, MimePart part, byte[] content, CancellationToken cancellationToken)
    {
        var partner = triage.Partner!.Id;
        var cycle = triage.Cycle!.Id;
        var file = new StagedUpload(storage.Uploads.GetBlockBlobClient(UploadLocation.ForEmailAttachment(partner, cycle, messageKey, number)));
        using (var stream = new MemoryStream(content, writable: false))
        {
            await file.StageAsync(stream, long.MaxValue, cancellationToken);
        }

        var fileName = FileNameRules.Normalise(part.FileName, out _) ?? $"attachment-{number}{Path.GetExtension(part.FileName)}";
        await submissions.SubmitAsync(file, new Submission(partner, cycle, fileName, null, partner, ReportChannel.Email), part.ContentType.MimeType, cancellationToken);
    }

    /// <summary>The attachments' bytes; null when one is larger than a report may be.</summary>
    private static async Task<List<byte[]>?> DecodeAsync(IReadOnlyList<MimePart> parts, long maxFileBytes, CancellationToken cancellationToken)
    {
        var files = new List<byte[]>();
        foreach (var part in parts)
        {
            using var decoded = new MemoryStream();
            await part.Content!.DecodeToAsync(decoded, cancellationToken);
            if (decoded.Length > maxFileBytes)
            {
                return null;
            }

            files.Add(decoded.ToArray());
        }

        return files;
    }

    /// <summary>What identifies the message: its Message-ID, or, for the rare message without one, its sender, date and subject.</summary>
    private static string MessageKey(MimeMessage message)
    {
        var identity = message.MessageId is { Length: > 0 } id ? id : $"{message.From}|{message.Date:O}|{message.Subject}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
    }

    private static async Task MoveAsync(ImapClient client, IMailFolder inbox, UniqueId uid, string folderName, CancellationToken cancellationToken)
    {
        IMailFolder? folder;
        try
        {
            folder = await client.GetFolderAsync(folderName, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            folder = await client.GetFolder(client.PersonalNamespaces[0]).CreateAsync(folderName, isMessageFolder: true, cancellationToken);
        }

        if (folder is null)
        {
            throw new InvalidOperationException($"The mailbox did not create the folder '{folderName}'.");
        }

        await inbox.MoveToAsync(uid, folder, cancellationToken);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
