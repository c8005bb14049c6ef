using System.Net.Http.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Minamata.Cli;
using Minamata.Functions;
using Minamata.Reporting.Access;
using Minamata.Reporting.Deadlines;
using Minamata.Reporting.Index;
using Minamata.Reporting.Notifications;
using Minamata.Reporting.Storage;
using Minamata.Reporting.Submissions;
using Minamata.Server.Azurite;

namespace Minamata.Integration.Tests;

/// <summary>
/// Reminders through a real SMTP server on a loopback port, on an Azurite of their own, with the
/// deadline seven days away on the test clock.
/// </summary>
public sealed class DeadlineTests : IAsyncLifetime
{
    private const string DigestTo = "secretariat@minamata.example";
    private readonly TestClock clock = new();
    private AzuriteInstance azurite = null!;
    private MailSink mail = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteLauncher.StartAsync(ServerFixture.RepositoryRoot, dataDirectory: null);
        mail = MailSink.Start();
        services = await FunctionsServices.StartAsync(azurite.ConnectionString, clock, Settings);
    }

    [Fact]
    public async Task Partners_that_have_not_submitted_get_a_reminder_in_their_language_once_and_the_secretariat_a_digest()
    {
        await OpenCycleAsync("COP-7", ("WHO", "en"), ("ILO", "fr"), ("IAEA", "ru"), ("UNEP", "zh"), ("GMP", "en"));
        await SubmittedAsync("GMP", "COP-7");

        var run = await Notifier.RunAsync(default);

        // Four reminders and the digest, each mailed and kept in the outbox.
        Assert.Equal(10, run.Delivered);
        var received = mail.Received.ToList();
        Assert.Equal(5, received.Count);
        Assert.Equal("reminders@minamata.example", received[0].From.Mailboxes.Single().Address);
        AssertMail(received, "focal@who.example", "en", "Reminder: report for COP-7 due on ");
        AssertMail(received, "focal@ilo.example", "fr", "Rappel : rapport pour COP-7");
        AssertMail(received, "focal@iaea.example", "ru", "Напоминание: доклад для COP-7");
        AssertMail(received, "focal@unep.example", "zh", "提醒：COP-7 报告");
        Assert.DoesNotContain(received, m => m.To.Mailboxes.Single().Address == "focal@gmp.example");
        var who = received.Single(m => m.To.Mailboxes.Single().Address == "focal@who.example");
        Assert.Contains("7 days", who.TextBody);
        Assert.Contains("https://reports.minamata.example/portal/#/cycles/COP-7", who.TextBody);
        Assert.Contains("href=\"https://reports.minamata.example/api/uploads\"", who.HtmlBody);
        Assert.DoesNotContain(ServerFixture.SecretariatKey, who.TextBody + who.HtmlBody);
        Assert.Equal(["deputy@who.example"], who.Cc.Mailboxes.Select(m => m.Address));
        var digest = received.Single(m => m.To.Mailboxes.Single().Address == DigestTo);
        Assert.Contains("4 missing", digest.Subject);
        Assert.Contains("(GMP): submitted", digest.TextBody);

        var kept = await OutboxMessageAsync("COP-7/WHO/reminder-7.eml");
        Assert.Equal(who.Subject, kept.Subject);
        Assert.Equal(["focal@who.example"], kept.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(["deputy@who.example"], kept.Cc.Mailboxes.Select(m => m.Address));
        Assert.Equal(who.TextBody, kept.TextBody);
        var whoRows = (await Ledger.ListAsync("COP-7", default)).Where(n => n.Partner == "WHO").ToList();
        Assert.Equal([("outbox", NotificationStatus.Recorded), ("smtp", NotificationStatus.Sent)], whoRows.Select(n => (n.Channel, n.Status)).Order());
        Assert.All(whoRows, n => Assert.Equal("focal@who.example; cc deputy@who.example", n.Recipient));

        var again = await Notifier.RunAsync(default);
        Assert.Equal(0, again.Delivered);
        Assert.Equal(5, mail.Received.Count);
    }

    [Fact]
    public async Task Eight_runs_at_once_send_one_message_each()
    {
        await OpenCycleAsync("OEWG-2", ("WHO", "en"), ("ILO", "fr"), ("UNICEF", "es"));

        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Notifier.RunAsync(default))));

        // Three reminders and the digest, on two channels each.
        Assert.Equal(8, runs.Sum(r => r.Delivered));
        Assert.Equal(4, mail.Received.Count);
        Assert.Equal(mail.Received.Count, mail.Received.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
    }

    [Fact]
    public async Task A_message_the_relay_refuses_is_recorded_as_failed_and_mailed_on_the_next_run_without_repeating_the_outbox()
    {
        await OpenCycleAsync("COP-8", ("WHO", "ar"));
        mail.Refusing = true;

        var refused = await Notifier.RunAsync(default);
        var ledger = (await Ledger.ListAsync("COP-8", default)).Where(n => n.Partner == "WHO").ToList();

        // The reminder and the digest each failed by mail; both were kept in the outbox all the same.
        Assert.Equal(2, refused.Failed);
        Assert.Empty(mail.Received);
        var failed = ledger.Single(n => n.Channel == "smtp");
        Assert.Equal(NotificationStatus.Failed, failed.Status);
        Assert.NotNull(failed.Error);
        Assert.Equal(NotificationStatus.Recorded, ledger.Single(n => n.Channel == "outbox").Status);

        mail.Refusing = false;
        var retried = await Notifier.RunAsync(default);

        Assert.Equal(2, retried.Delivered);
        var message = mail.Received.First(m => m.To.Mailboxes.Single().Address == "focal@who.example");
        Assert.StartsWith("تذكير", message.Subject);
        var rows = (await Ledger.ListAsync("COP-8", default)).Where(n => n.Partner == "WHO").ToDictionary(n => n.Channel);
        Assert.Equal((NotificationStatus.Sent, 2), (rows["smtp"].Status, rows["smtp"].Attempts));
        Assert.Equal((NotificationStatus.Recorded, 1), (rows["outbox"].Status, rows["outbox"].Attempts));
    }

    [Fact]
    public async Task The_functions_timer_function_called_directly_runs_the_same_path()
    {
        await OpenCycleAsync("COP-9", ("WHO", "en"));

        await ActivatorUtilities.CreateInstance<DeadlineFunctions>(services).SendDeadlineReminders(new TimerInfo(), default);

        Assert.Contains(mail.Received, m => m.To.Mailboxes.Single().Address == "focal@who.example" && m.Subject!.Contains("COP-9"));
        Assert.Contains(await Ledger.ListAsync("COP-9", default), n => n.Partner == "WHO" && n.Kind == NotificationKind.Reminder && n.DaysBefore == 7 && n.Channel == "smtp");
    }

    [Fact]
    public async Task A_channel_added_with_one_registration_delivers_beside_mail_and_is_recorded_in_the_ledger()
    {
        var extra = new RecordingChannel();
        await using var extended = await FunctionsServices.StartAsync(azurite.ConnectionString, clock, Settings, s => s.AddSingleton<INotificationChannel>(extra));
        await OpenCycleAsync(extended, "COP-10", ("WHO", "es"));

        var run = await extended.GetRequiredService<DeadlineNotifier>().RunAsync(default);

        Assert.Equal(6, run.Delivered);
        Assert.Equal(["focal@who.example"], extra.Delivered.Where(n => n.Notification.Partner == "WHO").Single().Recipients.To);
        Assert.Contains(mail.Received, m => m.To.Mailboxes.Single().Address == "focal@who.example" && m.Subject!.Contains("COP-10"));
        Assert.Contains(await extended.GetRequiredService<NotificationLedger>().ListAsync("COP-10", default), n => n.Partner == "WHO" && n.Channel == "recording" && n.Status == NotificationStatus.Sent);
    }

    private Dictionary<string, string?> Settings => new()
    {
        ["Minamata:Smtp:Host"] = "127.0.0.1",
        ["Minamata:Smtp:Port"] = $"{mail.Port}",
        ["Minamata:Smtp:UseTls"] = "false",
        ["Minamata:Smtp:From"] = "reminders@minamata.example",
        ["Minamata:Deadlines:DigestTo"] = DigestTo,
        ["Minamata:PublicUrl"] = "https://reports.minamata.example",
    };

    private DeadlineNotifier Notifier => services.GetRequiredService<DeadlineNotifier>();

    private NotificationLedger Ledger => services.GetRequiredService<NotificationLedger>();

    private async Task<MimeKit.MimeMessage> OutboxMessageAsync(string name)
    {
        var blob = services.GetRequiredService<ReportStorageClients>().Outbox.GetBlobClient(name);
        await using var content = await blob.OpenReadAsync();
        return await MimeKit.MimeMessage.LoadAsync(content);
    }

    private static void AssertMail(List<MimeKit.MimeMessage> received, string to, string language, string subjectStart)
    {
        var message = received.Single(m => m.To.Mailboxes.Single().Address == to);
        Assert.StartsWith(subjectStart, message.Subject);
        Assert.Equal(language, message.Body!.Headers[MimeKit.HeaderId.ContentLanguage]);
        Assert.False(string.IsNullOrWhiteSpace(message.TextBody));
        Assert.False(string.IsNullOrWhiteSpace(message.HtmlBody));
    }

    private Task OpenCycleAsync(string cycle, params (string Id, string Language)[] partners) => OpenCycleAsync(services, cycle, partners);

    private async Task OpenCycleAsync(IServiceProvider provider, string cycle, params (string Id, string Language)[] partners)
    {
        // WHO's deputy is copied, as partners with more than one focal point ask.
        await FunctionsServices.RegisterPartnersAsync(provider, partners, withDeputy: "WHO");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await provider.GetRequiredService<CycleStore>().PutAsync(
            new ReportingCycle(cycle, $"Meeting {cycle}", today.AddDays(60), today.AddDays(7), partners.Select(p => p.Id).ToList(), [30, 14, 7, 1]),
            default);
    }

    /// <summary>A report indexed ten days ago: its receipt went out then, beyond what the daily run catches up on.</summary>
    private async Task SubmittedAsync(string partner, string cycle) =>
        await services.GetRequiredService<ReportIndex>().TryAddAsync(
            new ReportRecord { Id = ReportId.ForBlob(partner, $"{partner}/{cycle}/x"), Partner = partner, Cycle = cycle, Status = ReportStatus.Indexed, FileName = "x.txt", BlobName = $"{partner}/{cycle}/x", ReceivedAt = clock.GetUtcNow().AddDays(-10) },
            default);

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await mail.DisposeAsync();
        await azurite.DisposeAsync();
    }

    /// <summary>A channel as a team would add one (say, a chat message), keeping what it was given.</summary>
    private sealed class RecordingChannel : INotificationChannel
    {
        public System.Collections.Concurrent.ConcurrentQueue<OutgoingNotification> Delivered { get; } = new();

        public string Name => "recording";

        public bool IsActive => true;

        public string DeliveredStatus => NotificationStatus.Sent;

        public Task DeliverAsync(OutgoingNotification notification, CancellationToken cancellationToken)
        {
            Delivered.Enqueue(notification);
            return Task.CompletedTask;
        }
    }
}
