using Microsoft.Playwright;

namespace Minamata.Integration.Tests;

/// <summary>
/// <c>/api/docs</c> in Debian's Chromium: the reference shows the API's operations from the
/// document this host serves, breaks no rule of its Content-Security-Policy, and asks nothing of any
/// other host.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class ApiReferenceTests(ServerFixture fixture) : IAsyncLifetime
{
    private Chromium chromium = null!;

    private IBrowser Browser => chromium.Browser;

    public async Task InitializeAsync() => chromium = await Chromium.LaunchAsync();

    [Fact]
    public async Task The_reference_shows_the_operations_within_its_policy_and_from_this_host_only()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var requested = new List<string>();
        var console = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        page.Console += (_, message) => console.Add($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => console.Add($"pageerror: {error}");

        var response = await page.GotoAsync(new Uri(fixture.BaseAddress, "/api/docs").ToString());
        await Assertions.Expect(page.GetByText("Minamata report pipeline").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByText("/api/partners/{id}/keys").First).ToBeAttachedAsync();
        await page.WaitForTimeoutAsync(1_000);

        Assert.Contains("script-src 'self'", response!.Headers["content-security-policy"]);
        Assert.DoesNotContain(console, line => line.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(console, line => line.StartsWith("pageerror", StringComparison.Ordinal));
        var elsewhere = requested.Where(url => !url.StartsWith(fixture.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal)).ToList();
        Assert.True(elsewhere.Count == 0, "Requests left the host: " + string.Join(", ", elsewhere));
        Assert.Contains(requested, url => url.EndsWith("/api/openapi.json", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "api-reference.png") });
    }

    public async Task DisposeAsync() => await chromium.DisposeAsync();
}
