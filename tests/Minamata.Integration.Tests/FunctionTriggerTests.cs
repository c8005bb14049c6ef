using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Minamata.Functions;
using Minamata.Reporting.Compilation;
using Minamata.Reporting.Index;
using Minamata.Reporting.Storage;

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

    private async Task<ServiceProvider> PreparedAsync(string partner)
    {
        var services = await FunctionsServices.StartAsync(Azurite.ConnectionString);
        await FunctionsServices.PrepareAsync(services, partner);
        return services;
    }
}
