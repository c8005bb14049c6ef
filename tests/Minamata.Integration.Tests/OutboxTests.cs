using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Minamata.Reporting.Deadlines;
using Minamata.Reporting.Storage;

namespace Minamata.Integration.Tests;

/// <summary>Without a mail relay nothing fails: notifications are kept in the outbox as e-mail and listed for the secretariat.</summary>
[Collection(StorageCollection.Name)]
public sealed class OutboxTests(ServerFixture fixture)
{
    [Fact]
    public async Task Without_smtp_notifications_are_recorded_in_the_outbox_and_listed()
    {
        var (partner, _) = await fixture.NewPartnerAsync("WHO");
        var cycle = ServerFixture.NewCycleId();
        await fixture.OpenCycleAsync(cycle, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1), partner);

        var run = await fixture.Server.Services.GetRequiredService<DeadlineNotifier>().RunAsync(default);

        Assert.True(run.Delivered >= 1);
        Assert.Equal(0, run.Failed);
        using var secretariat = fixture.Secretariat();
        var items = (await ReportsApi.JsonAsync(await secretariat.GetAsync($"/api/notifications?cycle={cycle}"))).GetProperty("items").EnumerateArray().ToList();
        var item = Assert.Single(items);
        Assert.Equal(partner, item.GetProperty("partner").GetString());
        Assert.Equal(cycle, item.GetProperty("cycle").GetString());
        Assert.Equal("reminder", item.GetProperty("kind").GetString());
        Assert.Equal(1, item.GetProperty("daysBefore").GetInt32());
        Assert.Equal("outbox", item.GetProperty("channel").GetString());
        Assert.Equal("recorded", item.GetProperty("status").GetString());
        Assert.True(item.GetProperty("sentAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
        var blob = fixture.Server.Services.GetRequiredService<ReportStorageClients>().Outbox.GetBlobClient($"{cycle}/{partner}/reminder-1.eml");
        await using (var content = await blob.OpenReadAsync())
        {
            var kept = await MimeKit.MimeMessage.LoadAsync(content);
            Assert.Equal($"focal@{partner.ToLowerInvariant()}.example", kept.To.Mailboxes.Single().Address);
            Assert.StartsWith($"Reminder: report for {cycle} due on ", kept.Subject);
        }

        // The list links the outbox's copy, which reads as the partner received it.
        Assert.Equal($"/api/outbox/{cycle}/{partner}/reminder-1", item.GetProperty("message").GetString());
        var message = await ReportsApi.JsonAsync(await secretariat.GetAsync(item.GetProperty("message").GetString()));
        Assert.Equal($"focal@{partner.ToLowerInvariant()}.example", message.GetProperty("to").EnumerateArray().Single().GetString());
        Assert.StartsWith($"Reminder: report for {cycle} due on ", message.GetProperty("subject").GetString());
        Assert.Contains(cycle, message.GetProperty("text").GetString());
        Assert.Equal("en", message.GetProperty("language").GetString());
        await ReportsApi.AssertProblemAsync(await secretariat.GetAsync($"/api/outbox/{cycle}/{partner}/reminder-2"), HttpStatusCode.NotFound, "not-found");
        await ReportsApi.AssertProblemAsync(await secretariat.GetAsync($"/api/outbox/{cycle}/..%2F..%2Fsecret/reminder-1"), HttpStatusCode.NotFound, "not-found");

        await ReportsApi.AssertProblemAsync(await secretariat.GetAsync("/api/notifications?cycle=' or 1 eq 1"), HttpStatusCode.BadRequest, "validation");
        var (_, key) = await fixture.NewPartnerAsync();
        await ReportsApi.AssertProblemAsync(await fixture.Client(key).GetAsync("/api/notifications"), HttpStatusCode.Forbidden, "forbidden");
        await ReportsApi.AssertProblemAsync(await fixture.Client(key).GetAsync($"/api/outbox/{cycle}/{partner}/reminder-1"), HttpStatusCode.Forbidden, "forbidden");
    }
}
