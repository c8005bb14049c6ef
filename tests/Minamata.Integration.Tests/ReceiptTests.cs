using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Minamata.Cli;
using Minamata.Fixtures;
using Minamata.Reporting.Access;
using Minamata.Reporting.Deadlines;
using Minamata.Reporting.Index;
using Minamata.Reporting.Intake;
using Minamata.Reporting.Notifications;
using Minamata.Reporting.Storage;
using Minamata.Reporting.Submissions;
using Minamata.Server.Azurite;

namespace Minamata.Integration.Tests;

/// <summary>
/// Receipts to focal points through a real SMTP server on a loopback port, on an Azurite of their
/// own: the intake taking in uploaded blobs as both hosts do, and the daily run.
/// </summary>
public sealed class ReceiptTests : IAsyncLifetime
{
    private const string DigestTo = "secretariat@minamata.example";
    private const string PortalReports = "https://reports.minamata.example/portal/#/reports/";
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
            ["Minamata:Smtp:From"] = "reports@minamata.example",
            ["Minamata:Deadlines:DigestTo"] = DigestTo,
            ["Minamata:PublicUrl"] = "https://reports.minamata.example",
        });
    }

    [Fact]
    public async Task A_focal_point_gets_one_receipt_in_its_language_with_what_was_read_however_often_and_concurrently_the_intake_runs()
    {
        await OpenCycleAsync("COP-7", receipts: true, ("WB", "ru"));
        var blob = await UploadAsync("WB/COP-7/finance.txt", FixtureRenderer.Render(FixtureReport.Load("ru-worldbank-finance"), "txt"));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Intake.ProcessAsync(blob, default)));
        await Intake.ProcessAsync(blob, default);

        var receipt = Assert.Single(mail.Received);
        var id = results.First(r => r is not null)!.Id;
        Assert.Equal(["focal@wb.example"], receipt.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(["deputy@wb.example"], receipt.Cc.Mailboxes.Select(m => m.Address));
        Assert.Equal("ru", receipt.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.Equal("Получено: finance.txt для COP-7 внесён в указатель", receipt.Subject);
        // What the report's cover says, as the focal point would check it.
        Assert.Contains("Название: Доклад Всемирного банка о финансировании мер по сокращению использования ртути", receipt.TextBody);
        Assert.Contains("Условное обозначение: UNEP/MC/COP.7/INF/18", receipt.TextBody);
        Assert.Contains("Дата: 2027-07-15", receipt.TextBody);
        Assert.Contains("Отчётный период: 2025-01 – 2027-06", receipt.TextBody);
        Assert.Contains(PortalReports + id, receipt.TextBody);
        Assert.Contains($"href=\"{PortalReports}{id}\"", receipt.HtmlBody);

        // The report's page says so, once.
        var history = await services.GetRequiredService<ReportHistory>().ListAsync(id, default);
        var sent = Assert.Single(history, h => h.Event == ReportHistory.ReceiptSent);
        Assert.Equal("focal@wb.example; cc deputy@wb.example", sent.Detail);

        // The daily run finds nothing missing.
        await services.GetRequiredService<DeadlineNotifier>().RunAsync(default);
        Assert.DoesNotContain(mail.Received, m => m.To.Mailboxes.Any(a => a.Address == "focal@wb.example") && m != receipt && m.Subject!.StartsWith("Получено", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rejected_report_gets_a_message_with_the_reason_and_what_to_do_and_a_corrected_one_its_own_receipt()
    {
        await OpenCycleAsync("COP-7", receipts: true, ("ILO", "en"), ("WHO", "fr"));
        var broken = await UploadAsync("ILO/COP-7/report.docx", BrokenWordFile);
        var fine = await UploadAsync("WHO/COP-7/rapport.txt", FixtureRenderer.Render(FixtureReport.Load("en-who-health"), "txt"));

        var rejected = await Intake.ProcessAsync(broken, default);
        await Task.WhenAll(Intake.ProcessAsync(broken, default), Intake.ProcessAsync(fine, default), Intake.ProcessAsync(fine, default));

        Assert.Equal(ReportStatus.Rejected, rejected!.Status);
        var message = Assert.Single(mail.Received, m => m.To.Mailboxes.Single().Address == "focal@ilo.example");
        Assert.Equal("Not accepted: report.docx for COP-7", message.Subject);
        Assert.Equal("en", message.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.Contains(rejected.Error!.Message, message.TextBody);
        Assert.Contains("Please correct the file and upload it again in the reporting portal: https://reports.minamata.example/portal/#/cycles/COP-7", message.TextBody);
        Assert.Contains(PortalReports + rejected.Id, message.TextBody);
        var french = Assert.Single(mail.Received, m => m.To.Mailboxes.Single().Address == "focal@who.example");
        Assert.Equal("Reçu : rapport.txt pour COP-7 est indexé", french.Subject);
        Assert.Contains("Cote : UNEP/MC/COP.7/INF/12", french.TextBody);
        Assert.Equal(2, mail.Received.Count);

        var ledger = await services.GetRequiredService<NotificationLedger>().ListAsync("COP-7", default);
        Assert.Equal(
            [("ILO", NotificationKind.Rejection, "outbox"), ("ILO", NotificationKind.Rejection, "smtp"), ("WHO", NotificationKind.Receipt, "outbox"), ("WHO", NotificationKind.Receipt, "smtp")],
            ledger.Select(n => (n.Partner, n.Kind, n.Channel)).Order());
        Assert.All(ledger.Where(n => n.Partner == "ILO"), n => Assert.Equal(rejected.Id, n.About));
        // The secretariat reads the copy the outbox keeps, by the name the notification list links to.
        var kept = await services.GetRequiredService<OutboxReader>().ReadAsync("COP-7", "ILO", $"rejection-{rejected.Id}", default);
        Assert.Equal(message.Subject, kept!.Subject);
    }

    [Fact]
    public async Task A_cycle_with_receipts_turned_off_sends_none()
    {
        await OpenCycleAsync("OEWG-2", receipts: false, ("UNICEF", "es"));
        var blob = await UploadAsync("UNICEF/OEWG-2/informe.txt", FixtureRenderer.Render(FixtureReport.Load("es-brs-chemicals"), "txt"));

        var report = await Intake.ProcessAsync(blob, default);
        await services.GetRequiredService<DeadlineNotifier>().RunAsync(default);

        Assert.Equal(ReportStatus.Indexed, report!.Status);
        Assert.DoesNotContain(mail.Received, m => m.To.Mailboxes.Any(a => a.Address == "focal@unicef.example"));
        Assert.DoesNotContain(await services.GetRequiredService<NotificationLedger>().ListAsync("OEWG-2", default), n => n.Kind is NotificationKind.Receipt or NotificationKind.Rejection);
    }

    [Fact]
    public async Task A_receipt_the_relay_refused_goes_with_the_daily_run_and_the_next_day_the_secretariat_gets_the_list_of_what_arrived()
    {
        await OpenCycleAsync("COP-8", receipts: true, ("IAEA", "zh"), ("GMP", "en"));
        mail.Refusing = true;
        var iaea = await Intake.ProcessAsync(await UploadAsync("IAEA/COP-8/report.txt", FixtureRenderer.Render(FixtureReport.Load("en-gef-projects"), "txt")), default);
        var gmp = await Intake.ProcessAsync(await UploadAsync("GMP/COP-8/empty.docx", BrokenWordFile), default);
        Assert.Empty(mail.Received);
        Assert.DoesNotContain(await services.GetRequiredService<ReportHistory>().ListAsync(iaea!.Id, default), h => h.Event == ReportHistory.ReceiptSent);

        mail.Refusing = false;
        var today = await services.GetRequiredService<DeadlineNotifier>().RunAsync(default);

        Assert.Equal(["focal@gmp.example", "focal@iaea.example"], mail.Received.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.StartsWith("已收到", mail.Received.Single(m => m.To.Mailboxes.Single().Address == "focal@iaea.example").Subject);
        Assert.Single(await services.GetRequiredService<ReportHistory>().ListAsync(iaea.Id, default), h => h.Event == ReportHistory.ReceiptSent);
        // Nothing arrived before today: no list for the secretariat yet.
        Assert.DoesNotContain(mail.Received, m => m.To.Mailboxes.Single().Address == DigestTo);

        clock.Set(clock.GetUtcNow().AddDays(1));
        await services.GetRequiredService<DeadlineNotifier>().RunAsync(default);
        await services.GetRequiredService<DeadlineNotifier>().RunAsync(default);

        var digest = Assert.Single(mail.Received, m => m.To.Mailboxes.Single().Address == DigestTo);
        Assert.StartsWith("Reports received for COP-8: 2 from ", digest.Subject);
        Assert.Contains($"IAEA organization (IAEA): report.txt, indexed, \"Report of the Global Environment Facility on mercury-related projects\"", digest.TextBody);
        Assert.Contains($"GMP organization (GMP): empty.docx, rejected ({gmp!.Error!.Code})", digest.TextBody);
        Assert.Contains(PortalReports + gmp.Id, digest.TextBody);
        Assert.Equal(3, mail.Received.Count);
    }

    /// <summary>A Word file cut off after its first bytes, as a failed transfer leaves one.</summary>
    private static byte[] BrokenWordFile => [.. "PK\u0003\u0004"u8, .. Encoding.ASCII.GetBytes(new string('x', 200))];

    private ReportIntake Intake => services.GetRequiredService<ReportIntake>();

    private async Task<string> UploadAsync(string blobName, byte[] content)
    {
        await services.GetRequiredService<ReportStorageClients>().Uploads.GetBlobClient(blobName).UploadAsync(new BinaryData(content));
        return blobName;
    }

    private async Task OpenCycleAsync(string cycle, bool receipts, params (string Id, string Language)[] partners)
    {
        await FunctionsServices.RegisterPartnersAsync(services, partners, withDeputy: "WB");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // Reminders far off, so that the daily run in these tests sends only receipts and lists.
        await services.GetRequiredService<CycleStore>().PutAsync(
            new ReportingCycle(cycle, $"Meeting {cycle}", today.AddDays(200), today.AddDays(100), partners.Select(p => p.Id).ToList(), [30]) { Receipts = receipts },
            default);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await mail.DisposeAsync();
        await azurite.DisposeAsync();
    }
}
