using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Minamata.Reporting;
using Minamata.Reporting.Access;
using Minamata.Reporting.Storage;
using Minamata.Reporting.Submissions;

namespace Minamata.Integration.Tests;

/// <summary>
/// The services as the Functions app registers them (no background loops: in Azure the triggers
/// drive the work), on a given storage, for tests that call the core or the function classes directly.
/// </summary>
public static class FunctionsServices
{
    public static async Task<ServiceProvider> StartAsync(string connectionString, TimeProvider? clock = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? extend = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            [StorageNames.ConnectionName] = connectionString,
            ["Minamata:SecretariatKey"] = ServerFixture.SecretariatKey,
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[name] = value;
        }

        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddMinamataReporting(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build())
            // Each test's storage is fresh, as for a local run: nothing has provisioned it.
            .AddStorageProvisioning();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        extend?.Invoke(services);

        var provider = services.BuildServiceProvider();
        // What the Functions host does at start with provisioning on: containers, tables and queues are created.
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(default);
        }

        return provider;
    }

    /// <summary>
    /// Registers partners directly in storage, as the secretariat would have: "{id} organization",
    /// its focal point focal@{id}.example writing in the given language, and for the partner
    /// <paramref name="withDeputy"/> a deputy (deputy@{id}.example) copied on every message.
    /// </summary>
    public static async Task RegisterPartnersAsync(IServiceProvider services, IEnumerable<(string Id, string Language)> partners, string? withDeputy = null)
    {
        var directory = services.GetRequiredService<PartnerDirectory>();
        foreach (var (id, language) in partners)
        {
            var mailbox = id.ToLowerInvariant();
            IReadOnlyList<string> cc = id == withDeputy ? [$"deputy@{mailbox}.example"] : [];
            await directory.CreateAsync(new Partner(id, $"{id} organization", $"focal@{mailbox}.example", language, cc), default);
        }
    }

    /// <summary>Registers a partner and opens COP-7 directly in storage, as the secretariat would have.</summary>
    public static async Task PrepareAsync(IServiceProvider services, string partnerId)
    {
        await services.GetRequiredService<PartnerDirectory>().CreateAsync(new(partnerId, partnerId, "focal@x.example", "en"), default);
        await services.GetRequiredService<CycleStore>().PutAsync(new("COP-7", "COP 7", new DateOnly(2099, 11, 1), new DateOnly(2099, 8, 1), [], [30]), default);
    }
}
