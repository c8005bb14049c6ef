using System.Net;
using Minamata.Reporting.Storage.Azurite;
using Minamata.Server;

namespace Minamata.Integration.Tests;

/// <summary>Health tells the truth about storage; runs on an Azurite of its own, which it stops.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Health_is_ok_while_storage_answers_and_503_when_it_stops()
    {
        var azurite = await AzuriteLauncher.StartAsync(ServerFixture.RepositoryRoot, dataDirectory: null);
        await using var server = await ServerApp.CreateAsync(ServerFixture.ServerArguments(azurite.ConnectionString));
        await server.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(server.Urls.Single()), Timeout = TimeSpan.FromSeconds(20) };

        using var healthy = await client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal("ok", (await ReportsApi.JsonAsync(healthy)).GetProperty("status").GetString());

        await azurite.DisposeAsync();

        using var unhealthy = await client.GetAsync("/api/health");
        await ReportsApi.AssertProblemAsync(unhealthy, HttpStatusCode.ServiceUnavailable, "storage-unavailable");
        Assert.NotNull(unhealthy.Headers.RetryAfter);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ServerFixture.SecretariatKey);
        using var listing = await client.GetAsync("/api/reports");
        await ReportsApi.AssertProblemAsync(listing, HttpStatusCode.ServiceUnavailable, "storage-unavailable");
        Assert.Equal(TimeSpan.FromSeconds(5), listing.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain("   at ", await listing.Content.ReadAsStringAsync());
        await server.StopAsync();
    }
}
