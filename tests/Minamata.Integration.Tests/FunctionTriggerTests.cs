using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Minamata.Fixtures;
using Minamata.Functions;
using Minamata.Reporting.Access;
using Minamata.Reporting.Compilation;
using Minamata.Reporting.Index;
using Minamata.Reporting.Storage;
using Minamata.Reporting.Submissions;

namespace Minamata.Integration.Tests;

/// <summary>
/// The Functions app's non-HTTP triggers, called as the host calls them (the host itself cannot run
/// here), on a storage no server watches: what they do is theirs alone.
/// </summary>
public sealed class FunctionTriggerTests : OwnStorageTests
{
    [Fact]
    public async Task The_event_grid_intake_function_takes_in_the_blob_it_is_given()
    {
        await using var services = await PreparedAsync("WHO");
        var blob = services.GetRequiredService<ReportStorageClients>().Uploads.GetBlobClient($"WHO/COP-7/{Guid.NewGuid():n}.txt");
        await blob.UploadAsync(new BinaryData("The World Health Organization reports on mercury in 2025."));

        await ActivatorUtilities.CreateInstance<IntakeFunctions>(services).IntakeUpload(blob, default);

        var report = await services.GetRequiredService<ReportIndex>().GetAsync(ReportId.ForBlob("WHO", blob.Name), default);
        Assert.Equal(ReportStatus.Indexed, report!.Status);
        Assert.Equal("en", report.Metadata!.Language);
    }

    [Fact]
    public async Task The_reconcile_timer_function_takes_in_blobs_no_event_announced()
    {
        await using var services = await PreparedAsync("ILO");
        var uploads = services.GetRequiredService<ReportStorageClients>().Uploads;
        var names = new[] { $"ILO/COP-7/{Guid.NewGuid():n}.txt", $"ILO/COP-7/{Guid.NewGuid():n}.txt" };
        foreach (var name in names)
        {
            await uploads.GetBlobClient(name).UploadAsync(new BinaryData($"L'Organisation internationale du Travail présente le rapport {name}."));
        }

        await ActivatorUtilities.CreateInstance<IntakeFunctions>(services).ReconcileUploads(new TimerInfo(), default);

        var index = services.GetRequiredService<ReportIndex>();
        foreach (var name in names)
        {
            Assert.Equal(ReportStatus.Indexed, (await index.GetAsync(ReportId.ForBlob("ILO", name), default))!.Status);
        }
    }

    [Fact]
    public async Task A_compilation_whose_message_is_poisoned_is_marked_failed_and_the_api_says_so()
    {
        await using var services = await PreparedAsync("UNEP");
        var queued = await services.GetRequiredService<CompilationRunner>().QueueAsync("COP-7", DecisionMandate.Default, default);

        await ActivatorUtilities.CreateInstance<CompilationFunctions>(services).FailPoisonedCompilation(queued.Id, default);

        await using var server = await StartServerAsync([]);
        using var secretariat = Client(server, ServerFixture.SecretariatKey);
        var compilation = await ReportsApi.JsonAsync(await secretariat.GetAsync($"/api/compilations/{queued.Id}"));
        Assert.Equal("failed", compilation.GetProperty("status").GetString());
        Assert.StartsWith("The compilation could not run on any of its attempts", compilation.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_compilation_queue_function_counts_a_family_once_and_compares_with_the_previous_meeting()
    {
        // The compilation corpus as partners would upload it: each file by the organisation it says sent it.
        await using var services = await FunctionsServices.StartAsync(Azurite.ConnectionString);
        var corpus = new CompilationCorpus();
        var cycles = services.GetRequiredService<CycleStore>();
        await cycles.PutAsync(new("COP-6", "COP 6", new DateOnly(2025, 5, 1), new DateOnly(2025, 2, 1), [], [30]), default);
        await cycles.PutAsync(new("COP-7", "COP 7", new DateOnly(2099, 11, 1), new DateOnly(2099, 8, 1), corpus.ExpectedPartners, [30]), default);
        var uploads = services.GetRequiredService<ReportStorageClients>().Uploads;
        var intake = ActivatorUtilities.CreateInstance<IntakeFunctions>(services);
        foreach (var (cycle, folder, reports) in new[] { ("COP-6", CompilationCorpus.Cop6, corpus.Cop6Reports), ("COP-7", CompilationCorpus.Cop7, corpus.Cop7Reports) })
        {
            foreach (var (file, expected) in reports)
            {
                if (await services.GetRequiredService<PartnerDirectory>().GetAsync(expected.SubmittedBy, default) is null)
                {
                    await services.GetRequiredService<PartnerDirectory>().CreateAsync(new(expected.SubmittedBy, expected.SubmittedBy, "focal@x.example", "en"), default);
                }

                var blob = uploads.GetBlobClient($"{expected.SubmittedBy}/{cycle}/{Guid.NewGuid():n}{Path.GetExtension(file)}");
                await blob.UploadAsync(Path.Combine(folder, file));
                await intake.IntakeUpload(blob, default);
            }
        }

        var queued = await services.GetRequiredService<CompilationRunner>().QueueAsync("COP-7", DecisionMandate.Default, default);
        await ActivatorUtilities.CreateInstance<CompilationFunctions>(services).RunCompilation(queued.Id, default);

        var output = await services.GetRequiredService<ReportStorageClients>().CompiledReports.GetBlobClient(CompilationRecord.OutputBlobName(queued.Id, "json")).DownloadContentAsync();
        var json = JsonDocument.Parse(output.Value.Content.ToString()).RootElement;
        var gmp = Assert.Single(json.GetProperty("annex").GetProperty("documents").EnumerateArray(), d => d.GetProperty("partner").GetString() == "GMP");
        Assert.Equal(3, gmp.GetProperty("versions").GetArrayLength());
        Assert.Equal("UNEP/MC/COP.7/INF/8/Rev.1", gmp.GetProperty("source").GetString());
        Assert.Equal(["French"], gmp.GetProperty("alsoIn").EnumerateArray().Select(l => l.GetString()));
        var previous = json.GetProperty("previous");
        Assert.Equal(corpus.ReportedToCop6NotCop7, previous.GetProperty("thenNotNow").EnumerateArray().Select(o => o.GetProperty("partner").GetString()));
        Assert.Equal(corpus.ReportedToCop7NotCop6.Order(), previous.GetProperty("nowNotThen").EnumerateArray().Select(o => o.GetProperty("partner").GetString()).Order());
    }

    private async Task<ServiceProvider> PreparedAsync(string partner)
    {
        var services = await FunctionsServices.StartAsync(Azurite.ConnectionString);
        await FunctionsServices.PrepareAsync(services, partner);
        return services;
    }
}
