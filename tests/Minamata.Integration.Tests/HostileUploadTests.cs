using Minamata.Fixtures;
using Minamata.Server.Azurite;

namespace Minamata.Integration.Tests;

/// <summary>
/// Files crafted to exhaust a worker, uploaded to the server running as its own process: each is
/// rejected with its code within 10 s, the process never holds 300 MB, and it is still serving after.
/// </summary>
public sealed class HostileUploadTests : IAsyncLifetime
{
    private const long MaxMemoryBytes = 300L * 1024 * 1024;
    private AzuriteInstance azurite = null!;
    private ServerProcess server = null!;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteLauncher.StartAsync(ServerFixture.RepositoryRoot, dataDirectory: null);
        server = await ServerProcess.StartAsync(ServerFixture.ServerArguments(azurite.ConnectionString));
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task Each_hostile_file_is_rejected_in_time_and_in_bounded_memory()
    {
        using var secretariat = server.Client(ServerFixture.SecretariatKey);
        await ReportsApi.OpenCycleAsync(secretariat);
        using var partner = server.Client(await ReportsApi.CreatePartnerAsync(secretariat, "UNICEF"));

        foreach (var name in new[] { "text-node-bomb.docx", "flate-bomb.pdf", "shared-stream.pdf" })
        {
            var id = await ReportsApi.UploadAsync(partner, await File.ReadAllBytesAsync(HostileFiles.Write(name)), name);

            var (report, elapsed) = await ReportsApi.WaitUntilProcessedAsync(partner, id, TimeSpan.FromSeconds(30));
            Assert.Equal("rejected", report.GetProperty("status").GetString());
            Assert.Equal("limits-exceeded", report.GetProperty("error").GetProperty("code").GetString());
            Assert.True(elapsed < TimeSpan.FromSeconds(10), $"{name} took {elapsed}");
            Assert.True(server.PeakResidentBytes < MaxMemoryBytes, $"after {name} the server had held {server.PeakResidentBytes / 1024 / 1024} MB");
        }

        Assert.False(server.HasExited);
        Assert.True((await partner.GetAsync("/api/me")).IsSuccessStatusCode);
    }
}
