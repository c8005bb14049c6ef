using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Minamata.Server;
using Minamata.Server.Azurite;

namespace Minamata.Integration.Tests;

/// <summary>Tests that need an Azurite and servers of their own, with settings the shared server must not have.</summary>
public abstract class OwnStorageTests : IAsyncLifetime
{
    protected AzuriteInstance Azurite { get; private set; } = null!;

    public async Task InitializeAsync() => Azurite = await AzuriteLauncher.StartAsync(ServerFixture.RepositoryRoot, dataDirectory: null);

    public async Task DisposeAsync() => await Azurite.DisposeAsync();

    /// <summary>A started server on this Azurite; <paramref name="settings"/> come after the fixture's, so they win.</summary>
    protected async Task<WebApplication> StartServerAsync(string[] settings, Action<IServiceCollection>? overrides = null)
    {
        var server = await ServerApp.CreateAsync([.. ServerFixture.ServerArguments(Azurite.ConnectionString), .. settings], overrides);
        await server.StartAsync();
        return server;
    }

    /// <summary>A started server with the cycle COP-7 open and a partner registered; clients for the secretariat and the partner.</summary>
    protected async Task<StartedServer> StartWithPartnerAsync(string partnerId, params string[] settings)
    {
        var server = await StartServerAsync(settings);
        var secretariat = Client(server, ServerFixture.SecretariatKey);
        await ReportsApi.OpenCycleAsync(secretariat);
        return new StartedServer(server, secretariat, Client(server, await ReportsApi.CreatePartnerAsync(secretariat, partnerId)));
    }

    protected static HttpClient Client(WebApplication server, string? key = null) => ReportsApi.Client(new Uri(server.Urls.Single()), key);

    /// <summary>A server with clients for the secretariat and one partner; disposing it stops them all.</summary>
    protected sealed record StartedServer(WebApplication Server, HttpClient Secretariat, HttpClient Partner) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Secretariat.Dispose();
            Partner.Dispose();
            await Server.DisposeAsync();
        }
    }
}
