using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Minamata.Fixtures;
using Minamata.Reporting.Index;
using Minamata.Reporting.Intake;
using Minamata.Reporting.Storage;
using Minamata.Server;
using Minamata.Server.Azurite;

namespace Minamata.Integration.Tests;

/// <summary>
/// What goes wrong between upload and index, each on an Azurite of its own that the test may stop:
/// no accepted report is lost and none is indexed twice.
/// </summary>
public sealed class FaultTests : IAsyncLifetime
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("minamata-fault-").FullName;
    private AzuriteInstance azurite = null!;

    public async Task InitializeAsync() => azurite = await AzuriteLauncher.StartAsync(ServerFixture.RepositoryRoot, dataFolder);

    [Fact]
    public async Task Storage_stopped_in_the_middle_of_an_intake_and_started_again_leaves_the_report_indexed()
    {
        await using var server = await StartServerAsync();
        var key = await PrepareAsync(server, "WHO");
        using var partner = Client(server, key);
        // Large enough that its intake is still running when storage goes away.
        var report = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("The World Health Organization reports on mercury exposure in 2025. ", 80_000)));

        var id = await ReportsApi.UploadAsync(partner, report, "large.txt");
        // Stop storage once the intake has counted its attempt and before it has a verdict: mid-intake.
        var index = server.Services.GetRequiredService<ReportIndex>();
        ReportRecord? started;
        while ((started = await index.GetAsync(id, default)) is { Attempts: 0 })
        {
            await Task.Delay(5);
        }

        await azurite.StopAsync();
        Assert.Equal((ReportStatus.Received, 1), (started!.Status, started.Attempts));
        await Task.Delay(TimeSpan.FromSeconds(1));
        azurite = await AzuriteLauncher.StartAsync(ServerFixture.RepositoryRoot, dataFolder, azurite.Ports);

        var (indexed, _) = await ReportsApi.WaitUntilProcessedAsync(partner, id, TimeSpan.FromSeconds(45));
        Assert.True(indexed.GetProperty("status").GetString() == "indexed", indexed.ToString());
        // The first attempt really was cut short: the one that indexed it is a later one.
        Assert.True((await index.GetAsync(id, default))!.Attempts >= 2);
        Assert.Single(indexed.GetProperty("history").EnumerateArray(), h => h.GetProperty("event").GetString() == "indexed");
        Assert.Equal(report.Length, indexed.GetProperty("sizeBytes").GetInt64());
        await server.StopAsync();
    }

    [Fact]
    public async Task A_blob_stored_by_a_server_that_died_before_writing_the_index_is_indexed_after_the_restart()
    {
        string key;
        string partnerId;
        await using (var first = await StartServerAsync())
        {
            (partnerId, key) = await CreatePartnerAsync(first, "ILO");
            await OpenCycleAsync(first);
            await first.StopAsync();
        }

        // What the upload route leaves when the process dies between committing the blob and writing the row.
        var storage = ReportStorageClients.FromConnectionString(azurite.ConnectionString);
        var blobName = UploadLocation.ForApiUpload(partnerId);
        await storage.Uploads.GetBlobClient(blobName).UploadAsync(
            new BinaryData("The report the crash nearly lost."),
            new BlobUploadOptions { Metadata = new UploadBlobMetadata("nearly lost.txt", "COP-7", null, partnerId, Minamata.Reporting.Submissions.ReportChannel.Api).ToDictionary() });

        await using var restarted = await StartServerAsync();
        using var partner = Client(restarted, key);
        var id = UploadLocation.Parse(blobName).ReportId;
        var (report, _) = await ReportsApi.WaitUntilProcessedAsync(partner, id, TimeSpan.FromSeconds(5));

        Assert.Equal("indexed", report.GetProperty("status").GetString());
        Assert.Equal("nearly lost.txt", report.GetProperty("fileName").GetString());
        Assert.Equal("api", report.GetProperty("channel").GetString());
        await restarted.StopAsync();
    }

    [Fact]
    public async Task In_azure_the_reconcile_sweep_takes_in_a_report_stuck_in_received_for_over_five_minutes()
    {
        var clock = new TestClock();
        await using var services = await FunctionsServices.StartAsync(azurite.ConnectionString, clock);
        await FunctionsServices.PrepareAsync(services, "UNICEF");
        var storage = services.GetRequiredService<ReportStorageClients>();
        var blobName = $"UNICEF/COP-7/{Guid.NewGuid():n}.txt";
        await storage.Uploads.GetBlobClient(blobName).UploadAsync(new BinaryData("Its blob event never arrived."));
        var index = services.GetRequiredService<ReportIndex>();
        var id = UploadLocation.Parse(blobName).ReportId;
        await index.TryAddAsync(new ReportRecord { Id = id, Partner = "UNICEF", Cycle = "COP-7", Status = ReportStatus.Received, FileName = "x.txt", BlobName = blobName, ReceivedAt = clock.GetUtcNow() }, default);
        var sweep = services.GetRequiredService<ReconcileSweep>();

        Assert.DoesNotContain(blobName, await sweep.FindPendingAsync(TimeSpan.FromMinutes(5), default));
        clock.Set(DateTimeOffset.UtcNow.AddMinutes(6));
        Assert.Contains(blobName, await sweep.FindPendingAsync(TimeSpan.FromMinutes(5), default));
        await sweep.RunAsync(default);

        Assert.Equal(ReportStatus.Indexed, (await index.GetAsync(id, default))!.Status);
    }

    [Fact]
    public async Task A_report_whose_upload_url_expired_unused_is_rejected_by_the_sweep()
    {
        var clock = new TestClock();
        await using var services = await FunctionsServices.StartAsync(azurite.ConnectionString, clock);
        await FunctionsServices.PrepareAsync(services, "WB");
        var upload = await services.GetRequiredService<Minamata.Reporting.Submissions.ReportSubmissions>()
            .PrepareDirectUploadAsync(new Minamata.Reporting.Submissions.Submission("WB", "COP-7", "never sent.pdf", null, "WB", Minamata.Reporting.Submissions.ReportChannel.UploadUrl), default);
        var sweep = services.GetRequiredService<ReconcileSweep>();
        var index = services.GetRequiredService<ReportIndex>();

        await sweep.RunAsync(default);
        Assert.Equal(ReportStatus.Received, (await index.GetAsync(upload.Report.Id, default))!.Status);

        // 15 minutes of URL and 5 of grace later, the partner clearly is not sending it.
        clock.Set(DateTimeOffset.UtcNow.AddMinutes(21));
        await sweep.RunAsync(default);

        var report = (await index.GetAsync(upload.Report.Id, default))!;
        Assert.Equal(ReportStatus.Rejected, report.Status);
        Assert.Equal("upload-expired", report.Error!.Code);
    }

    [Fact]
    public async Task A_blob_that_keeps_failing_is_rejected_with_its_last_error_after_five_attempts_and_then_left_alone()
    {
        await using var services = await FunctionsServices.StartAsync(azurite.ConnectionString);
        await FunctionsServices.PrepareAsync(services, "FAO");
        var storage = services.GetRequiredService<ReportStorageClients>();
        var blobName = $"FAO/COP-7/{Guid.NewGuid():n}.txt";
        await storage.Uploads.GetBlobClient(blobName).UploadAsync(new BinaryData("A report whose intake cannot finish."));
        // Without this table the intake cannot check for duplicates: every attempt fails the same way.
        await storage.ContentHashes.DeleteAsync();
        var intake = services.GetRequiredService<ReportIntake>();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => intake.ProcessAsync(blobName, default));
        }

        var report = await intake.ProcessAsync(blobName, default);
        Assert.Equal(ReportStatus.Rejected, report!.Status);
        Assert.Equal("intake-failed", report.Error!.Code);
        Assert.Contains("5 attempts", report.Error.Message);
        Assert.Equal(5, report.Attempts);
        Assert.DoesNotContain(blobName, await services.GetRequiredService<ReconcileSweep>().FindPendingAsync(TimeSpan.Zero, default));
    }

    [Fact]
    public async Task A_file_whose_every_reading_is_cut_short_is_rejected_after_its_attempts()
    {
        // An attempt older than StuckAfter without a verdict is over; seconds here, minutes in production.
        await using var services = await FunctionsServices.StartAsync(azurite.ConnectionString, settings: new Dictionary<string, string?> { ["Minamata:Intake:StuckAfter"] = "00:00:04" });
        await FunctionsServices.PrepareAsync(services, "UNDP");
        var storage = services.GetRequiredService<ReportStorageClients>();
        var blobName = $"UNDP/COP-7/{Guid.NewGuid():n}.pdf";
        // Slow to read: 2,000 pages of 1 MiB of drawing each, within every budget for several seconds.
        await storage.Uploads.GetBlobClient(blobName).UploadAsync(HostileFiles.Write("shared-small-stream.pdf"));
        var intake = services.GetRequiredService<ReportIntake>();

        // What a worker killed (out of memory, a host timeout) mid-read leaves: an attempt without a verdict.
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var killed = new CancellationTokenSource(TimeSpan.FromMilliseconds(800));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => intake.ProcessAsync(blobName, killed.Token));
        }

        // While the fifth may still be running, nobody reads the file a sixth time.
        Assert.Equal(ReportStatus.Received, (await intake.ProcessAsync(blobName, default))!.Status);
        await Task.Delay(TimeSpan.FromSeconds(4));
        var report = await intake.ProcessAsync(blobName, default);
        Assert.Equal(ReportStatus.Rejected, report!.Status);
        Assert.Equal("intake-failed", report.Error!.Code);
        Assert.Equal("The report could not be taken in after 5 attempts; none of them finished reading it.", report.Error.Message);
        Assert.DoesNotContain(blobName, await services.GetRequiredService<ReconcileSweep>().FindPendingAsync(TimeSpan.Zero, default));
    }

    private async Task<WebApplication> StartServerAsync()
    {
        var server = await ServerApp.CreateAsync(ServerFixture.ServerArguments(azurite.ConnectionString));
        await server.StartAsync();
        return server;
    }

    private static async Task<string> PrepareAsync(WebApplication server, string partnerPrefix)
    {
        var (_, key) = await CreatePartnerAsync(server, partnerPrefix);
        await OpenCycleAsync(server);
        return key;
    }

    private static async Task<(string Id, string Key)> CreatePartnerAsync(WebApplication server, string id)
    {
        using var secretariat = Client(server, ServerFixture.SecretariatKey);
        return (id, await ReportsApi.CreatePartnerAsync(secretariat, id));
    }

    private static async Task OpenCycleAsync(WebApplication server)
    {
        using var secretariat = Client(server, ServerFixture.SecretariatKey);
        await ReportsApi.OpenCycleAsync(secretariat);
    }

    private static HttpClient Client(WebApplication server, string key) => ReportsApi.Client(new Uri(server.Urls.Single()), key);

    public async Task DisposeAsync()
    {
        await azurite.DisposeAsync();
        Directory.Delete(dataFolder, recursive: true);
    }
}
