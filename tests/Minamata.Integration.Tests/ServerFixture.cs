using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Minamata.Reporting.Storage;
using Minamata.Reporting.Submissions;
using Minamata.Server;
using Minamata.Server.Azurite;

namespace Minamata.Integration.Tests;

/// <summary>A real Azurite (in memory, free ports) and the self-hosted server on a free loopback port.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string SecretariatKey = "test-secretariat-key-0123456789abcdef";

    private AzuriteInstance? azurite;

    public WebApplication Server { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public string StorageConnectionString => azurite!.ConnectionString;
    public ReportStorageClients Storage { get; private set; } = null!;

    /// <summary>The server's clock; tests that move it put it back when done.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>The cycle every test may upload to; its deadline is far off, so nothing sent to it is late.</summary>
    public const string OpenCycle = "COP-7";

    public static string RepositoryRoot => AzuriteLauncher.FindRepositoryRoot(AppContext.BaseDirectory);

    public async Task InitializeAsync()
    {
        azurite = await AzuriteLauncher.StartAsync(RepositoryRoot, dataDirectory: null);
        Storage = ReportStorageClients.FromConnectionString(azurite.ConnectionString);
        Server = await ServerApp.CreateAsync(ServerArguments(azurite.ConnectionString), services => services.AddSingleton<TimeProvider>(Clock));
        await Server.StartAsync();
        BaseAddress = new Uri(Server.Urls.Single());
        await OpenCycleAsync(OpenCycle, new DateOnly(2099, 8, 15));
    }

    /// <summary>Opens (or reopens) a reporting cycle as the secretariat would.</summary>
    public async Task OpenCycleAsync(string cycle, DateOnly deadline, params string[] expectedPartners)
    {
        using var secretariat = Secretariat();
        var response = await secretariat.PutAsJsonAsync($"/api/cycles/{cycle}", new
        {
            title = $"Cycle {cycle}",
            meetingStart = deadline.AddDays(60),
            submissionDeadline = deadline,
            expectedPartners,
            reminderDays = new[] { 30, 14, 7, 1 },
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A cycle of its own, due in 30 days, expecting a new partner: where most tests of one cycle start.</summary>
    public async Task<(string Cycle, string PartnerId, string Key)> NewCycleWithPartnerAsync(string prefix)
    {
        var cycle = NewCycleId();
        var (partnerId, key) = await NewPartnerAsync(prefix);
        await OpenCycleAsync(cycle, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), partnerId);
        return (cycle, partnerId, key);
    }

    /// <summary>A cycle id no other test uses.</summary>
    public static string NewCycleId() => $"T{Guid.NewGuid().ToString("n")[..8].ToUpperInvariant()}-1";

    public static string[] ServerArguments(string connectionString) =>
        [.. CommonArguments, $"--{StorageNames.ConnectionName}={connectionString}"];

    /// <summary>Arguments for a server on its own supervised Azurite, with data in <paramref name="dataFolder"/>.</summary>
    public static string[] EmbeddedStorageArguments(string dataFolder) =>
        [.. CommonArguments, $"--Minamata:EmbeddedStorage:DataFolder={dataFolder}"];

    private static readonly string[] CommonArguments =
    [
        "--urls=http://127.0.0.1:0",
        "--environment=Production",
        $"--Minamata:SecretariatKey={SecretariatKey}",
        "--Minamata:Intake:PollInterval=00:00:00.500",
        "--Logging:LogLevel:Default=Warning",
        // Every test calls from 127.0.0.1, some upload a lot; the limits have tests of their own.
        "--Minamata:Http:FailedKeysPerMinutePerAddress=1000000",
        "--Minamata:Http:AnonymousRequestsPerMinutePerAddress=1000000",
        "--Minamata:Submissions:MaxUploadsPerPartnerPerHour=1000000",
        "--Minamata:Submissions:MaxReportsInFlightPerPartner=100000",
    ];

    public HttpClient Client(string? key = null) => ReportsApi.Client(BaseAddress, key);

    public HttpClient Secretariat() => Client(SecretariatKey);

    /// <summary>Registers a partner with an id no other test uses; returns its id and key.</summary>
    public async Task<(string Id, string Key)> NewPartnerAsync(string prefix = "P", string language = "en")
    {
        var id = $"{prefix}-{Guid.NewGuid().ToString("n")[..8].ToUpperInvariant()}";
        using var secretariat = Secretariat();
        var response = await secretariat.PostAsJsonAsync("/api/partners", new { id, name = $"Partner {id}", email = $"focal@{id.ToLowerInvariant()}.example", language });
        response.EnsureSuccessStatusCode();
        var issued = await response.Content.ReadFromJsonAsync<IssuedKeyBody>();
        await ExpectInOpenCycleAsync(id);
        return (id, issued!.ApiKey);
    }

    /// <summary>
    /// Adds the partner to <see cref="OpenCycle"/>'s expected partners, as the secretariat would, so
    /// that it may upload there. Read and written whole: the tests of this fixture run one at a time.
    /// </summary>
    private async Task ExpectInOpenCycleAsync(string partner)
    {
        var cycles = Server.Services.GetRequiredService<CycleStore>();
        var open = await cycles.GetAsync(OpenCycle, default) ?? throw new InvalidOperationException($"{OpenCycle} is not open.");
        await cycles.PutAsync(open with { ExpectedPartners = [.. open.ExpectedPartners, partner] }, default);
    }

    public async Task DisposeAsync()
    {
        await Server.StopAsync();
        await Server.DisposeAsync();
        await azurite!.DisposeAsync();
    }

    private sealed record IssuedKeyBody(string Id, string ApiKey);
}
