using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Minamata.Reporting.Index;
using Minamata.Reporting.Intake;

namespace Minamata.Integration.Tests;

/// <summary>The intake itself, on real storage: whatever delivers a blob, and however often, one report comes of it.</summary>
[Collection(StorageCollection.Name)]
public sealed class IntakeTests(ServerFixture fixture)
{
    private ReportIntake Intake => fixture.Server.Services.GetRequiredService<ReportIntake>();

    [Fact]
    public async Task The_same_blob_taken_in_on_eight_tasks_at_once_and_again_later_gives_one_report_and_one_indexed_line()
    {
        var (partnerId, _) = await fixture.NewPartnerAsync("WB");
        var blobName = $"{partnerId}/COP-7/twice.txt";
        await fixture.Storage.Uploads.GetBlobClient(blobName).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes("delivered more than once")));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Intake.ProcessAsync(blobName, CancellationToken.None)));
        var again = await Intake.ProcessAsync(blobName, CancellationToken.None);

        var rows = await RowsOfAsync(partnerId);
        var row = Assert.Single(rows);
        Assert.Equal(ReportStatus.Indexed, row.GetString("Status"));
        Assert.All(results, r => Assert.Equal(row.RowKey, r!.Id));
        Assert.Equal(row.RowKey, again!.Id);
        // Taken in again later, it is not read again: the record is the one a concurrent run wrote.
        Assert.Contains(results, r => r!.IndexedAt == again.IndexedAt);
        Assert.Equal(row.GetDateTimeOffset("IndexedAt"), again.IndexedAt);
        var history = await fixture.Server.Services.GetRequiredService<ReportHistory>().ListAsync(row.RowKey, CancellationToken.None);
        Assert.Single(history, h => h.Event == ReportHistory.Indexed);
        Assert.Single(history, h => h.Event == ReportHistory.Received);
    }

    [Fact]
    public async Task A_blob_overwritten_with_a_new_version_is_read_again()
    {
        var (partnerId, _) = await fixture.NewPartnerAsync("FAO");
        var blob = fixture.Storage.Uploads.GetBlobClient($"{partnerId}/COP-7/versioned.txt");
        await blob.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes("one two")));
        var first = await Intake.ProcessAsync(blob.Name, CancellationToken.None);

        await blob.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes("one two three four")), overwrite: true);
        var second = await Intake.ProcessAsync(blob.Name, CancellationToken.None);

        Assert.Equal(first!.Id, second!.Id);
        Assert.Equal(2, first.Metadata!.WordCount);
        Assert.Equal(4, second.Metadata!.WordCount);
        Assert.Single(await RowsOfAsync(partnerId));
    }

    [Theory]
    [InlineData("NOT-REGISTERED/COP-7/r.txt", "unknown-partner")]
    [InlineData("loose-file.txt", "unknown-partner")]
    [InlineData("{partner}/no-cycle.txt", "unknown-cycle")]
    public async Task A_blob_in_the_wrong_place_becomes_a_rejected_report_the_secretariat_can_see(string name, string code)
    {
        var (partnerId, _) = await fixture.NewPartnerAsync("UNDP");
        var blobName = name.Replace("{partner}", partnerId);
        await fixture.Storage.Uploads.GetBlobClient(blobName).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes("misplaced")), overwrite: true);

        var report = await Intake.ProcessAsync(blobName, CancellationToken.None);

        Assert.Equal(ReportStatus.Rejected, report!.Status);
        Assert.Equal(code, report.Error!.Code);
        using var secretariat = fixture.Secretariat();
        using var response = await secretariat.GetAsync($"/api/reports/{report.Id}");
        var shown = await ReportsApi.JsonAsync(response);
        Assert.Equal("rejected", shown.GetProperty("status").GetString());
        Assert.Equal(code, shown.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Each_intake_is_a_span_with_the_report_and_partner_and_nothing_of_the_file()
    {
        var spans = new System.Collections.Concurrent.ConcurrentBag<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == Minamata.Reporting.ReportingTelemetry.SourceName,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        var (partnerId, _) = await fixture.NewPartnerAsync("ILO");
        var blobName = $"{partnerId}/COP-7/traced.txt";
        await fixture.Storage.Uploads.GetBlobClient(blobName).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes("confidential words of the report")));

        var report = await Intake.ProcessAsync(blobName, CancellationToken.None);

        // The server's own watcher may take the same blob in at the same time: each intake is a span.
        var intakes = spans.Where(s => s.OperationName == "intake" && (string?)s.GetTagItem("minamata.report.id") == report!.Id).ToList();
        Assert.NotEmpty(intakes);
        Assert.Contains(intakes, s => (string?)s.GetTagItem("minamata.report.status") == "indexed");
        Assert.All(intakes, s => Assert.Equal(partnerId, s.GetTagItem("minamata.partner")));
        Assert.All(intakes, s => Assert.DoesNotContain(s.Tags, t => t.Value?.Contains("confidential", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task A_blob_deleted_before_the_intake_gets_to_it_is_skipped_quietly()
    {
        Assert.Null(await Intake.ProcessAsync("NOBODY/COP-7/never-there.txt", CancellationToken.None));
    }

    private async Task<List<TableEntity>> RowsOfAsync(string partnerId)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in fixture.Storage.Reports.QueryAsync<TableEntity>(e => e.PartitionKey == partnerId))
        {
            rows.Add(row);
        }

        return rows;
    }
}
