using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Minamata.Cli;
using Minamata.Fixtures;
using Minamata.Reporting.Access;
using Minamata.Reporting.Index;
using Minamata.Reporting.Intake;
using Minamata.Reporting.Mail;
using Minamata.Reporting.Submissions;
using Minamata.Server.Azurite;

namespace Minamata.Integration.Tests;

/// <summary>
/// Reports e-mailed to the secretariat's mailbox, read from a real IMAP server (Dovecot) into a
/// real Azurite, with replies and receipts through a real SMTP server; all on loopback ports.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class MailIntakeTests : IAsyncLifetime
{
    private const string Processed = "Processed";
    private const string NeedsAttention = "Needs attention";
    private readonly CancellingNotifier notifier = new();
    private AzuriteInstance azurite = null!;
    private ImapServer imap = null!;
    private MailSink smtp = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteLauncher.StartAsync(ServerFixture.RepositoryRoot, dataDirectory: null);
        imap = await ImapServer.StartAsync();
        smtp = MailSink.Start();
        services = await FunctionsServices.StartAsync(
            azurite.ConnectionString,
            settings: new Dictionary<string, string?>
            {
                ["Minamata:MailIntake:Host"] = "127.0.0.1",
                ["Minamata:MailIntake:Port"] = $"{imap.Port}",
                ["Minamata:MailIntake:UseTls"] = "false",
                ["Minamata:MailIntake:UserName"] = ImapServer.UserName,
                ["Minamata:MailIntake:Password"] = ImapServer.Password,
                ["Minamata:Smtp:Host"] = "127.0.0.1",
                ["Minamata:Smtp:Port"] = $"{smtp.Port}",
                ["Minamata:Smtp:UseTls"] = "false",
                ["Minamata:Smtp:From"] = "reports@minamata.example",
                ["Minamata:PublicUrl"] = "https://reports.minamata.example",
            },
            extend: s => s.AddSingleton<IUploadNotifier>(notifier));
        var directory = services.GetRequiredService<PartnerDirectory>();
        await directory.CreateAsync(new Partner("WHO", "World Health Organization", "focal@who.example", "en", ["deputy@who.example"]), default);
        await directory.CreateAsync(new Partner("ILO", "Organisation internationale du Travail", "focal@ilo.example", "fr"), default);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var store = services.GetRequiredService<CycleStore>();
        await store.PutAsync(new ReportingCycle("COP-7", "Seventh meeting of the Conference of the Parties", today.AddDays(90), today.AddDays(30), ["WHO", "ILO"], [30]), default);
        await store.PutAsync(new ReportingCycle("COP-8", "Eighth meeting of the Conference of the Parties", today.AddDays(800), today.AddDays(700), ["WHO"], [30]), default);
    }

    [Fact]
    public async Task A_message_with_two_attachments_becomes_two_reports_for_its_partner_and_the_cycle_its_subject_names()
    {
        var message = Message("focal@who.example", "WHO reports for COP-8", ("who-health.txt", Fixture("en-who-health", "txt")), ("gef-projects.docx", Fixture("en-gef-projects", "docx")));
        // The signature's logo is an attachment too, and no report.
        message = WithLogo(message);
        await imap.DeliverAsync(message);

        var run = await Intake.RunAsync(default);

        Assert.Equal(new MailIntakeCounts(Processed: 1, NeedAttention: 0, Deferred: 0, Reports: 2), run);
        Assert.Empty(await imap.MessageIdsAsync("INBOX"));
        Assert.Equal([message.MessageId!], await imap.MessageIdsAsync(Processed));
        var reports = await services.GetRequiredService<ReportIndex>().ListCycleAsync("COP-8", "WHO", default);
        Assert.Equal(["gef-projects.docx", "who-health.txt"], reports.Select(r => r.FileName).Order());
        Assert.All(reports, r => Assert.Equal((ReportChannel.Email, "WHO", ReportStatus.Received), (r.Channel, r.UploadedBy, r.Status)));

        // Taken in like any upload: read, indexed, and a receipt to the focal point for each.
        foreach (var report in reports)
        {
            await services.GetRequiredService<ReportIntake>().ProcessAsync(report.BlobName, default);
        }

        var indexed = await services.GetRequiredService<ReportIndex>().ListCycleAsync("COP-8", "WHO", default);
        Assert.Equal(
            ["Report of the Global Environment Facility on mercury-related projects", "Report of the World Health Organization on the health aspects of mercury exposure"],
            indexed.Select(r => r.Metadata!.Title).Order());
        Assert.Equal(2, smtp.Received.Count(m => m.Subject!.StartsWith("Received: ", StringComparison.Ordinal) && m.To.Mailboxes.Single().Address == "focal@who.example"));
    }

    [Fact]
    public async Task Without_a_cycle_in_the_subject_a_copied_address_reports_to_the_partners_open_cycle()
    {
        // WHO is expected in COP-7 (deadline in 30 days) and COP-8 (in 700): the nearer deadline is the one meant.
        await imap.DeliverAsync(Message("Deputy@WHO.example", "Our report", ("report.txt", Fixture("en-who-health", "txt"))));

        await Intake.RunAsync(default);

        var report = Assert.Single(await services.GetRequiredService<ReportIndex>().ListCycleAsync("COP-7", "WHO", default));
        Assert.Equal("report.txt", report.FileName);
    }

    [Fact]
    public async Task The_same_message_read_twice_gives_nothing_new()
    {
        // The second attachment cannot be read: its report is rejected, and a rejected report's
        // bytes do not make a later copy a duplicate. Only the message itself says it was seen.
        var message = Message("focal@ilo.example", "Rapport COP-7", ("rapport.txt", Fixture("fr-ilo-gold", "txt")), ("annexe.docx", [.. "PK\u0003\u0004"u8, .. new byte[300]]));
        await imap.DeliverAsync(message);
        await Intake.RunAsync(default);
        var first = await services.GetRequiredService<ReportIndex>().ListCycleAsync("COP-7", "ILO", default);
        foreach (var report in first)
        {
            await services.GetRequiredService<ReportIntake>().ProcessAsync(report.BlobName, default);
        }

        // Someone drags it back into the inbox; the next run reads it again.
        await imap.MoveAllAsync(Processed, "INBOX");
        var again = await Intake.RunAsync(default);

        var reports = await services.GetRequiredService<ReportIndex>().ListCycleAsync("COP-7", "ILO", default);
        Assert.Equal([ReportStatus.Indexed, ReportStatus.Rejected], reports.Select(r => r.Status).Order());
        Assert.Equal(first.Select(r => r.Id).Order(), reports.Select(r => r.Id).Order());
        Assert.Equal(1, again.Processed);
        Assert.Equal([message.MessageId!], await imap.MessageIdsAsync(Processed));
        Assert.Empty(await imap.MessageIdsAsync("INBOX"));
    }

    [Fact]
    public async Task A_crash_between_writing_the_reports_and_moving_the_message_loses_nothing_and_duplicates_nothing()
    {
        var message = Message("focal@who.example", "COP-7", ("one.txt", Fixture("en-who-health", "txt")), ("two.txt", Fixture("en-gef-projects", "txt")));
        await imap.DeliverAsync(message);

        // The run dies as the second report is written: before the message is moved.
        using (var dying = new CancellationTokenSource())
        {
            notifier.CancelAfter(2, dying);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Intake.RunAsync(dying.Token));
        }

        Assert.Equal(2, (await ReportIdsAsync("WHO")).Count);
        Assert.Equal([message.MessageId!], await imap.MessageIdsAsync("INBOX"));
        Assert.Empty(await imap.MessageIdsAsync(Processed));

        var next = await Intake.RunAsync(default);

        Assert.Equal(new MailIntakeCounts(Processed: 1, NeedAttention: 0, Deferred: 0, Reports: 2), next);
        Assert.Equal(2, (await ReportIdsAsync("WHO")).Count);
        Assert.Equal([message.MessageId!], await imap.MessageIdsAsync(Processed));
        Assert.Empty(await imap.MessageIdsAsync("INBOX"));
    }

    [Fact]
    public async Task Messages_the_intake_cannot_take_land_in_needs_attention_with_a_reply_saying_what_to_do()
    {
        var stranger = Message("someone@example.org", "Report for COP-7", ("report.txt", Fixture("en-who-health", "txt")));
        var noReport = Message("focal@ilo.example", "Rapport COP-7", ("photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0]));
        var unknownCycle = Message("focal@who.example", "Report for COP-9", ("report.txt", Fixture("en-who-health", "txt")));
        foreach (var message in new[] { stranger, noReport, unknownCycle })
        {
            await imap.DeliverAsync(message);
        }

        var run = await Intake.RunAsync(default);

        Assert.Equal(new MailIntakeCounts(Processed: 0, NeedAttention: 3, Deferred: 0, Reports: 0), run);
        Assert.Equal(
            new[] { stranger.MessageId!, noReport.MessageId!, unknownCycle.MessageId! }.Order(StringComparer.Ordinal),
            (await imap.MessageIdsAsync(NeedsAttention)).Order(StringComparer.Ordinal));
        Assert.Empty(await imap.MessageIdsAsync("INBOX"));
        Assert.Empty(await services.GetRequiredService<ReportIndex>().ListCycleAsync("COP-7", null, default));

        var toStranger = Reply("someone@example.org");
        Assert.Equal(stranger.MessageId, toStranger.InReplyTo);
        Assert.Contains("someone@example.org is not the address of a registered focal point", toStranger.TextBody);
        var toIlo = Reply("focal@ilo.example");
        Assert.Equal("fr", toIlo.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.StartsWith("Aucun rapport trouvé dans votre message", toIlo.Subject);
        var toWho = Reply("focal@who.example");
        Assert.StartsWith("Which meeting is your report for?", toWho.Subject);
        Assert.Contains("COP-7: Seventh meeting of the Conference of the Parties", toWho.TextBody);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await smtp.DisposeAsync();
        await imap.DisposeAsync();
        await azurite.DisposeAsync();
    }

    private MailIntake Intake => services.GetRequiredService<MailIntake>();

    private MimeMessage Reply(string to) => Assert.Single(smtp.Received, m => m.To.Mailboxes.Single().Address == to);

    private async Task<List<string>> ReportIdsAsync(string partner) =>
        [.. (await services.GetRequiredService<ReportIndex>().ListCycleAsync("COP-7", partner, default)).Select(r => r.Id).Order(StringComparer.Ordinal)];

    private static byte[] Fixture(string name, string format) => FixtureRenderer.Render(FixtureReport.Load(name), format);

    private static MimeMessage Message(string from, string subject, params (string Name, byte[] Content)[] attachments)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("reports@minamata.example"));
        message.Subject = subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("partner.example");
        var body = new BodyBuilder { TextBody = "Please find our report attached.\n\nBest regards" };
        foreach (var (name, content) in attachments)
        {
            body.Attachments.Add(name, content);
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    private static MimeMessage WithLogo(MimeMessage message)
    {
        var body = new BodyBuilder { TextBody = "Please find our reports attached." };
        body.LinkedResources.Add("logo.png", [0x89, 0x50, 0x4E, 0x47]);
        foreach (var attachment in message.Attachments)
        {
            body.Attachments.Add(attachment);
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>Stands in for the host's upload notice, and ends the run (as a crash would) after the given number of reports are written.</summary>
    private sealed class CancellingNotifier : IUploadNotifier
    {
        private int remaining = int.MaxValue;
        private CancellationTokenSource? run;

        public void CancelAfter(int reports, CancellationTokenSource source)
        {
            remaining = reports;
            run = source;
        }

        public void Uploaded(string blobName)
        {
            if (Interlocked.Decrement(ref remaining) == 0)
            {
                run?.Cancel();
            }
        }
    }
}
