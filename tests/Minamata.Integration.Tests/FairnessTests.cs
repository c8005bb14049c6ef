using System.Net;
using System.Text;
using Minamata.Fixtures;

namespace Minamata.Integration.Tests;

/// <summary>One partner cannot take the server for itself: its slow files leave workers for others, and its uploads are limited.</summary>
public sealed class FairnessTests : OwnStorageTests
{
    [Fact]
    public async Task Another_partners_report_is_indexed_within_5_s_while_one_partners_four_slow_files_are_read()
    {
        await using var started = await StartWithPartnerAsync("UNITAR");
        var (server, secretariat, slow) = started;
        using var quick = Client(server, await ReportsApi.CreatePartnerAsync(secretariat, "WHO"));
        var slowFile = await File.ReadAllBytesAsync(HostileFiles.Write("shared-small-stream.pdf"));
        var slowIds = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            // Four different files (a comment after the end), each taking many seconds to read.
            slowIds.Add(await ReportsApi.UploadAsync(slow, [.. slowFile, .. Encoding.ASCII.GetBytes($"% copy {i}\n")], $"slow-{i}.pdf"));
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        var id = await ReportsApi.UploadAsync(quick, Encoding.UTF8.GetBytes("The World Health Organization reports on mercury in 2025."), "who.txt");

        var (report, elapsed) = await ReportsApi.WaitUntilProcessedAsync(quick, id, TimeSpan.FromSeconds(30));
        Assert.Equal("indexed", report.GetProperty("status").GetString());
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"indexed after {elapsed}");
        using var stillReading = await slow.GetAsync($"/api/reports?status=received");
        Assert.NotEmpty((await ReportsApi.JsonAsync(stillReading)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_partner_past_its_hourly_uploads_is_told_when_to_come_back()
    {
        await using var started = await StartWithPartnerAsync("ILO", "--Minamata:Submissions:MaxUploadsPerPartnerPerHour=3");
        var (_, secretariat, partner) = started;
        for (var i = 0; i < 3; i++)
        {
            await ReportsApi.UploadAsync(partner, Encoding.UTF8.GetBytes($"Report {i} of the International Labour Organization."), $"r{i}.txt");
        }

        using var fourth = await partner.PostAsync("/api/reports", ReportsApi.Form(Encoding.UTF8.GetBytes("One more."), "r3.txt"));
        await ReportsApi.AssertProblemAsync(fourth, HttpStatusCode.TooManyRequests, "too-many-reports");
        var retryAfter = fourth.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter, TimeSpan.FromMinutes(55), TimeSpan.FromHours(1));
        using var url = await partner.PostAsync("/api/uploads", JsonContent("{\"fileName\":\"big.pdf\",\"cycle\":\"COP-7\"}"));
        await ReportsApi.AssertProblemAsync(url, HttpStatusCode.TooManyRequests, "too-many-reports");
        // The secretariat, filing on a partner's behalf, is not limited.
        using var onBehalf = await secretariat.PostAsync("/api/reports", ReportsApi.Form(Encoding.UTF8.GetBytes("Filed by the secretariat."), "s.txt", partner: "ILO"));
        Assert.Equal(HttpStatusCode.Accepted, onBehalf.StatusCode);
    }

    [Fact]
    public async Task A_partner_with_too_many_reports_waiting_is_answered_429_until_they_are_read()
    {
        await using var started = await StartWithPartnerAsync("IAEA", "--Minamata:Submissions:MaxReportsInFlightPerPartner=2");
        var (_, secretariat, partner) = started;
        // Upload URLs never used: two reports received and waiting for their files.
        for (var i = 0; i < 2; i++)
        {
            using var issued = await partner.PostAsync("/api/uploads", JsonContent($"{{\"fileName\":\"big{i}.pdf\",\"cycle\":\"COP-7\"}}"));
            Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        }

        using var third = await partner.PostAsync("/api/reports", ReportsApi.Form(Encoding.UTF8.GetBytes("A third report."), "third.txt"));
        await ReportsApi.AssertProblemAsync(third, HttpStatusCode.TooManyRequests, "too-many-reports");
        Assert.Equal(TimeSpan.FromSeconds(30), third.Headers.RetryAfter!.Delta);
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");
}
