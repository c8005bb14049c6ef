using System.Net.Http.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Minamata.Cli;
using Minamata.Functions;
using Minamata.Reporting.Access;
using Minamata.Reporting.Deadlines;
using Minamata.Reporting.Index;
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
        services = await FunctionsServices.StartAsync(azurite.ConnectionString, clock, new Dictionary<string, string?>
        {
            ["Minamata:Smtp:Host"] = "127.0.0.1",
            ["Minamata:Smtp:Port"] = $"{mail.Port}",
            ["Minamata:Smtp:UseTls"] = "false",
            ["Minamata:Smtp:From"] = "reminders@minamata.example",
            ["Minamata:Deadlines:DigestTo"] = DigestTo,
            ["Minamata:PublicUrl"] = "https://reports.minamata.example",
        });
    }

    [Fact]
    public async Task Partners_that_have_not_submitted_get_a_reminder_in_their_language_once_and_the_secretariat_a_digest()
    {
        await OpenCycleAsync("COP-7", ("WHO", "en"), ("ILO", "fr"), ("IAEA", "ru"), ("UNEP", "zh"), ("GMP", "en"));
        await SubmittedAsync("GMP", "COP-7");

        var run = await Notifier.RunAsync(default);

        Assert.Equal(4, run.Sent);
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
        Assert.Contains("https://reports.minamata.example/", who.TextBody);
        Assert.Contains("href=\"https://reports.minamata.example/api/uploads\"", who.HtmlBody);
        Assert.DoesNotContain(ServerFixture.SecretariatKey, who.TextBody + who.HtmlBody);
        var digest = received.Single(m => m.To.Mailboxes.Single().Address == DigestTo);
        Assert.Contains("4 missing", digest.Subject);
        Assert.Contains("(GMP): submitted", digest.TextBody);

        var again = await Notifier.RunAsync(default);
        Assert.Equal(0, again.Sent);
        Assert.Equal(5, mail.Received.Count);
    }

    [Fact]
    public async Task Eight_runs_at_once_send_one_message_each()
    {
        await OpenCycleAsync("OEWG-2", ("WHO", "en"), ("ILO", "fr"), ("UNICEF", "es"));

        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Notifier.RunAsync(default))));

        Assert.Equal(3, runs.Sum(r => r.Sent));
        Assert.Equal(4, mail.Received.Count);
        Assert.Equal(mail.Received.Count, mail.Received.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
    }

    [Fact]
    public async Task A_message_the_relay_refuses_is_recorded_as_failed_and_sent_on_the_next_run()
    {
        await OpenCycleAsync("COP-8", ("WHO", "ar"));
        mail.Refusing = true;

        var refused = await Notifier.RunAsync(default);
        var ledger = await services.GetRequiredService<NotificationLedger>().ListAsync("COP-8", default);

        Assert.Equal(1, refused.Failed);
        Assert.Empty(mail.Received);
        Assert.Equal(NotificationStatus.Failed, Assert.Single(ledger).Status);
        Assert.NotNull(ledger[0].Error);

        mail.Refusing = false;
        var retried = await Notifier.RunAsync(default);

        Assert.Equal(1, retried.Sent);
        var message = mail.Received.First(m => m.To.Mailboxes.Single().Address == "focal@who.example");
        Assert.StartsWith("تذكير", message.Subject);
        var record = (await services.GetRequiredService<NotificationLedger>().ListAsync("COP-8", default)).Single(n => n.Partner == "WHO");
        Assert.Equal(NotificationStatus.Sent, record.Status);
        Assert.Equal(2, record.Attempts);
    }

    [Fact]
    public async Task The_functions_timer_function_called_directly_runs_the_same_path()
    {
        await OpenCycleAsync("COP-9", ("WHO", "en"));

        await ActivatorUtilities.CreateInstance<DeadlineFunctions>(services).SendDeadlineReminders(new TimerInfo(), default);

        Assert.Contains(mail.Received, m => m.To.Mailboxes.Single().Address == "focal@who.example" && m.Subject!.Contains("COP-9"));
        Assert.Contains(await services.GetRequiredService<NotificationLedger>().ListAsync("COP-9", default), n => n.Partner == "WHO" && n.Kind == NotificationKind.Reminder && n.DaysBefore == 7 && n.Channel == MailChannel.Smtp);
    }

    private DeadlineNotifier Notifier => services.GetRequiredService<DeadlineNotifier>();

    private static void AssertMail(List<MimeKit.MimeMessage> received, string to, string language, string subjectStart)
    {
        var message = received.Single(m => m.To.Mailboxes.Single().Address == to);
        Assert.StartsWith(subjectStart, message.Subject);
        Assert.Equal(language, message.Body!.Headers[MimeKit.HeaderId.ContentLanguage]);
        Assert.False(string.IsNullOrWhiteSpace(message.TextBody));
        Assert.False(string.IsNullOrWhiteSpace(message.HtmlBody));
    }

    private async Task OpenCycleAsync(string cycle, params (string Id, string Language)[] partners)
    {
        var directory = services.GetRequiredService<PartnerDirectory>();
        foreach (var (id, language) in partners)
        {
            await directory.CreateAsync(new Partner(id, $"{id} organization", $"focal@{id.ToLowerInvariant()}.example", language), default);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await services.GetRequiredService<CycleStore>().PutAsync(
            new ReportingCycle(cycle, $"Meeting {cycle}", today.AddDays(60), today.AddDays(7), partners.Select(p => p.Id).ToList(), [30, 14, 7, 1]),
            default);
    }

    private async Task SubmittedAsync(string partner, string cycle) =>
        await services.GetRequiredService<ReportIndex>().TryAddAsync(
            new ReportRecord { Id = ReportId.ForBlob(partner, $"{partner}/{cycle}/x"), Partner = partner, Cycle = cycle, Status = ReportStatus.Indexed, FileName = "x.txt", BlobName = $"{partner}/{cycle}/x", ReceivedAt = clock.GetUtcNow() },
            default);

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await mail.DisposeAsync();
        await azurite.DisposeAsync();
    }
}
