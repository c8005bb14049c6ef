using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Minamata.Fixtures;

namespace Minamata.Integration.Tests;

/// <summary>
/// The portal in a real browser (Debian's Chromium, driven by Playwright) against the self-hosted
/// server on real Azurite, as a partner's focal point and the secretariat use it.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class PortalTests(ServerFixture fixture) : IAsyncLifetime
{
    private Chromium chromium = null!;
    private readonly List<string> requestedUrls = [];
    private readonly List<string> dialogs = [];

    private IBrowser Browser => chromium.Browser;

    public async Task InitializeAsync() => chromium = await Chromium.LaunchAsync();

    [Fact]
    public async Task A_partner_drops_a_report_and_sees_it_indexed_with_its_title()
    {
        var (_, key) = await fixture.NewPartnerAsync("WHO");
        var page = await SignInAsync(key);

        await page.SetInputFilesAsync("#file", new FilePayload
        {
            Name = "who-report.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = FixtureRenderer.Render(FixtureReport.Load("en-who-health"), "docx"),
        });
        await page.ClickAsync("#upload-button");

        var row = page.Locator("#partner-reports tbody tr", new() { HasText = "who-report.docx" });
        await Assertions.Expect(row).ToContainTextAsync("indexed", new() { Timeout = 10_000 });
        await Assertions.Expect(row).ToContainTextAsync("Report of the World Health Organization on the health aspects of mercury exposure");
        await Assertions.Expect(row).ToContainTextAsync("UNEP/MC/COP.7/INF/12");
        await Assertions.Expect(page.Locator("#partner-deadline")).ToContainTextAsync("days left");
        Assert.DoesNotContain(requestedUrls, u => u.Contains(key, StringComparison.Ordinal));
        await page.ScreenshotAsync(new() { Path = Screenshot("partner"), FullPage = true });
    }

    [Fact]
    public async Task A_partner_drops_a_corrected_file_that_replaces_its_earlier_report()
    {
        var (_, key) = await fixture.NewPartnerAsync("UNEP");
        var page = await SignInAsync(key);
        await page.SelectOptionAsync("#partner-cycle", ServerFixture.OpenCycle);
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "first.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("First version of the UNEP report, with a mistake.") });
        await page.ClickAsync("#upload-button");
        var first = page.Locator("#partner-reports tbody tr", new() { HasText = "first.txt" });
        await Assertions.Expect(first).ToContainTextAsync("indexed", new() { Timeout = 10_000 });

        // Dropped on the drop zone, as a focal point would drag it from their desktop.
        var transfer = await page.EvaluateHandleAsync(
            "() => { const t = new DataTransfer(); t.items.add(new File(['Second version of the UNEP report, corrected.'], 'corrected.txt', { type: 'text/plain' })); return t; }");
        await page.DispatchEventAsync("#drop-zone", "drop", new Dictionary<string, object> { ["dataTransfer"] = transfer });
        await Assertions.Expect(page.Locator("#chosen-file")).ToContainTextAsync("corrected.txt");
        await page.SelectOptionAsync("#replaces", new SelectOptionValue { Label = (await page.Locator("#replaces option", new() { HasText = "first.txt" }).TextContentAsync())! });
        await page.ClickAsync("#upload-button");

        await Assertions.Expect(page.Locator("#partner-reports tbody tr", new() { HasText = "corrected.txt" })).ToContainTextAsync("indexed", new() { Timeout = 10_000 });
        await Assertions.Expect(first).ToContainTextAsync("superseded", new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task A_large_file_goes_straight_to_blob_storage_with_an_upload_url()
    {
        var (_, key) = await fixture.NewPartnerAsync("ILO");
        var page = await SignInAsync(key);
        var large = Encoding.UTF8.GetBytes("Report of the International Labour Organization on artisanal gold mining\n\n" + string.Concat(Enumerable.Repeat("Mercury use in artisanal and small-scale gold mining was reduced in 2026. ", 70_000)));

        await page.SetInputFilesAsync("#file", new FilePayload { Name = "large-report.txt", MimeType = "text/plain", Buffer = large });
        await page.ClickAsync("#upload-button");

        var row = page.Locator("#partner-reports tbody tr", new() { HasText = "large-report.txt" });
        await Assertions.Expect(row).ToContainTextAsync("indexed", new() { Timeout = 20_000 });
        Assert.Contains(requestedUrls, u => u.Contains("/api/uploads", StringComparison.Ordinal));
        Assert.Contains(requestedUrls, u => u.Contains("/uploads/", StringComparison.Ordinal) && u.Contains("sig=", StringComparison.Ordinal));
        Assert.DoesNotContain(requestedUrls, u => u.EndsWith("/api/reports", StringComparison.Ordinal) && u.Contains("POST", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_secretariat_sees_who_submitted_and_who_is_missing_and_downloads_the_compiled_word_file()
    {
        var (reporting, reportingKey) = await fixture.NewPartnerAsync("UNICEF");
        var (silent, _) = await fixture.NewPartnerAsync("IAEA");
        var cycle = ServerFixture.NewCycleId();
        await fixture.OpenCycleAsync(cycle, new DateOnly(2099, 8, 15), reporting, silent);
        using var partner = fixture.Client(reportingKey);
        var id = await ReportsApi.UploadAsync(partner, FixtureRenderer.Render(FixtureReport.Load("fr-unicef-children"), "txt"), "unicef.txt", cycle);
        await ReportsApi.WaitUntilProcessedAsync(partner, id, TimeSpan.FromSeconds(10));

        var page = await SignInAsync(ServerFixture.SecretariatKey);
        await page.SelectOptionAsync("#secretariat-cycle", cycle);

        var status = page.Locator("#status-table tbody");
        await Assertions.Expect(status.Locator("tr", new() { HasText = reporting })).ToContainTextAsync("submitted");
        await Assertions.Expect(status.Locator("tr", new() { HasText = silent })).ToContainTextAsync("missing");
        await Assertions.Expect(page.Locator("#status-summary")).ToContainTextAsync("1 of 2 partners have reported");
        await page.Locator("#secretariat-reports tbody tr", new() { HasText = "unicef.txt" }).ClickAsync();
        await Assertions.Expect(page.Locator("#detail-history")).ToContainTextAsync("indexed by intake");
        await Assertions.Expect(page.Locator("#detail-fields dt:has-text('Submitted by') + dd")).ToHaveTextAsync("UNICEF");

        await page.ClickAsync("#compile");
        var word = page.Locator("#compilation-downloads button", new() { HasText = "DOCX" });
        await Assertions.Expect(word).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => word.ClickAsync());
        await page.ScreenshotAsync(new() { Path = Screenshot("secretariat"), FullPage = true });
        var path = await download.PathAsync();
        Assert.EndsWith(".docx", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Contains("Note by the secretariat", document.MainDocumentPart!.Document.Body!.InnerText);
    }

    [Fact]
    public async Task A_report_titled_with_markup_shows_as_text_and_runs_nothing()
    {
        const string hostile = "<img src=x onerror=alert(1)>";
        var (_, key) = await fixture.NewPartnerAsync("GMP");
        using var partner = fixture.Client(key);
        var id = await ReportsApi.UploadAsync(partner, Encoding.UTF8.GetBytes(hostile + "\n\nThe Global Mercury Partnership met in 2026."), "markup.txt");
        var (report, _) = await ReportsApi.WaitUntilProcessedAsync(partner, id, TimeSpan.FromSeconds(10));
        Assert.Equal(hostile, report.GetProperty("metadata").GetProperty("title").GetString());

        var page = await SignInAsync(key);
        var row = page.Locator("#partner-reports tbody tr", new() { HasText = "markup.txt" });

        await Assertions.Expect(row).ToContainTextAsync(hostile);
        Assert.Equal(0, await page.Locator("#partner-reports img").CountAsync());
        await page.WaitForTimeoutAsync(500);
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task The_portal_forbids_inline_scripts_and_remembers_the_key_only_in_the_tab()
    {
        var page = await NewPageAsync();
        var response = await page.GotoAsync(new Uri(fixture.BaseAddress, "/portal/").ToString());
        var policy = response!.Headers["content-security-policy"];

        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        await page.FillAsync("#key", "mk_not-a-key");
        await page.ClickAsync("#sign-in-form button");
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("not recognised");
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('minamata.key')"));
        Assert.Equal("Your key", await page.Locator("label[for=key]").TextContentAsync());
    }

    [Fact]
    public async Task Opening_the_site_itself_lands_on_the_portal_sign_in()
    {
        var page = await NewPageAsync();

        await page.GotoAsync(fixture.BaseAddress.ToString());

        Assert.Equal(new Uri(fixture.BaseAddress, "/portal/").ToString(), page.Url);
        await Assertions.Expect(page.Locator("#key")).ToBeVisibleAsync();
        AssertNoSeriousViolations(await page.RunAxe());
    }

    [Fact]
    public async Task Sign_out_is_offered_only_once_signed_in()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/portal/").ToString());
        await Assertions.Expect(page.Locator("#key")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#sign-out")).ToBeHiddenAsync();

        var (_, key) = await fixture.NewPartnerAsync("ILO");
        var signedIn = await SignInAsync(key);
        await Assertions.Expect(signedIn.Locator("#sign-out")).ToBeVisibleAsync();
        await signedIn.ClickAsync("#sign-out");
        await Assertions.Expect(signedIn.Locator("#sign-out")).ToBeHiddenAsync();
        await Assertions.Expect(signedIn.Locator("#key")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(375, 812)]
    [InlineData(1366, 768)]
    public async Task The_secretariat_view_fits_a_phone_and_a_laptop_without_scrolling_sideways(int width, int height)
    {
        var page = await SignInAsync(ServerFixture.SecretariatKey, width, height);
        await page.SelectOptionAsync("#secretariat-cycle", ServerFixture.OpenCycle);
        await Assertions.Expect(page.Locator("#status-summary")).ToContainTextAsync("partners have reported");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        await page.ScreenshotAsync(new() { Path = Screenshot($"secretariat-{width}"), FullPage = true });

        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a {width}px screen");
        Assert.True(await page.Locator("#compile").IsVisibleAsync());
    }

    /// <summary>Where screenshots go: the test output's screenshots folder, an artefact to look at.</summary>
    [Theory]
    [InlineData("ar", "rtl")]
    [InlineData("zh", "ltr")]
    [InlineData("en", "ltr")]
    [InlineData("fr", "ltr")]
    [InlineData("ru", "ltr")]
    [InlineData("es", "ltr")]
    public async Task Both_views_read_whole_in_each_un_language_and_pass_axe(string language, string direction)
    {
        var (partnerId, key) = await fixture.NewPartnerAsync("LANG", language);
        var cycle = ServerFixture.NewCycleId();
        await fixture.OpenCycleAsync(cycle, new DateOnly(2099, 8, 15), partnerId);
        using var client = fixture.Client(key);
        var id = await ReportsApi.UploadAsync(client, FixtureRenderer.Render(FixtureReport.Load("en-who-health"), "txt"), "report.txt", cycle);
        await ReportsApi.WaitUntilProcessedAsync(client, id, TimeSpan.FromSeconds(10));

        // The partner lands in its own language, with nothing picked.
        var partner = await SignInAsync(key);
        await Assertions.Expect(partner.Locator("html")).ToHaveAttributeAsync("lang", language);
        await partner.SelectOptionAsync("#partner-cycle", cycle);
        await Assertions.Expect(partner.Locator("#partner-reports tbody tr")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await AssertReadsWholeAsync(partner, language, direction);

        // The secretariat picks the language; the choice holds for the views it opens.
        var secretariat = await SignInAsync(ServerFixture.SecretariatKey);
        await secretariat.SelectOptionAsync("#language", language);
        await Assertions.Expect(secretariat.Locator("html")).ToHaveAttributeAsync("lang", language);
        await secretariat.SelectOptionAsync("#secretariat-cycle", cycle);
        await secretariat.Locator("#secretariat-reports tbody tr", new() { HasText = partnerId }).ClickAsync();
        await Assertions.Expect(secretariat.Locator("#detail-history li")).Not.ToHaveCountAsync(0);
        await AssertReadsWholeAsync(secretariat, language, direction);
        if (language is "ar" or "fr")
        {
            await secretariat.ScreenshotAsync(new() { Path = Screenshot($"secretariat-{language}"), FullPage = true });
            await partner.ScreenshotAsync(new() { Path = Screenshot($"partner-{language}"), FullPage = true });
        }
    }

    private static async Task AssertReadsWholeAsync(IPage page, string language, string direction)
    {
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("[[", text);
        Assert.Equal(direction, await page.Locator("html").GetAttributeAsync("dir"));
        // The texts are the language's own: the sign-out button is not the English one, except in English.
        Assert.Equal(language == "en", await page.Locator("#sign-out").InnerTextAsync() == "Sign out");
        AssertNoSeriousViolations(await page.RunAxe());
    }

    private static void AssertNoSeriousViolations(Deque.AxeCore.Commons.AxeResult axe)
    {
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({string.Join("; ", v.Nodes.Select(n => n.Html))})").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    private static string Screenshot(string view)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"portal-{view}.png");
    }

    [Fact]
    public async Task The_secretariat_registers_a_partner_copies_its_key_shown_once_and_replaces_it()
    {
        var page = await SignInAsync(ServerFixture.SecretariatKey);
        var id = "PT-" + Guid.NewGuid().ToString("n")[..6].ToUpperInvariant();

        // A wrong address is refused next to its field, which gets the focus; nothing is registered.
        await page.FillAsync("#new-partner-id", id);
        await page.FillAsync("#new-partner-name", "Portal Test Organization");
        await page.FillAsync("#new-partner-email", "not an address");
        await page.ClickAsync("#partner-form button[type=submit]");
        await Assertions.Expect(page.Locator("#new-partner-email-error")).ToContainTextAsync("'email' must be one e-mail address");
        await Assertions.Expect(page.Locator("#new-partner-email")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#issued-key")).ToBeHiddenAsync();

        await page.FillAsync("#new-partner-email", "focal@pt.example");
        await page.ClickAsync("#partner-form button[type=submit]");
        await Assertions.Expect(page.Locator("#issued-key")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#new-partner-email-error")).ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("#issued-key-label")).ToContainTextAsync($"Key for {id}, shown only this once");
        var key = await page.InputValueAsync("#issued-key-value");
        Assert.StartsWith("mk_", key);
        await page.ClickAsync("#copy-key");
        Assert.Equal(key, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        await Assertions.Expect(page.Locator("#partners-table tbody tr", new() { HasText = id })).ToContainTextAsync("focal@pt.example");
        await page.Locator("#issued-key").ScreenshotAsync(new() { Path = Screenshot("secretariat-new-key") });

        // The focal point signs in with it, in a browser of its own.
        var partner = await SignInAsync(key);
        await Assertions.Expect(partner.Locator("#partner")).ToBeVisibleAsync();

        // A new key: shown once in its turn, and the old one stops working at once.
        await page.ClickAsync($"#partners-table button[aria-label='New key: {id}']");
        await Assertions.Expect(page.Locator("#issued-key-value")).Not.ToHaveValueAsync(key);
        Assert.StartsWith("mk_", await page.InputValueAsync("#issued-key-value"));
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync($"The old key of {id} no longer works.");
        using var old = fixture.Client(key);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await old.GetAsync("/api/me")).StatusCode);
    }

    private async Task<IPage> SignInAsync(string key, int width = 1280, int height = 800)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/portal/").ToString());
        await page.FillAsync("#key", key);
        await page.ClickAsync("#sign-in-form button");
        await Assertions.Expect(page.Locator("#who")).ToBeVisibleAsync();
        return page;
    }

    private async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true, Permissions = ["clipboard-read", "clipboard-write"], ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        page.Request += (_, request) => requestedUrls.Add($"{request.Method} {request.Url}");
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        return page;
    }

    public async Task DisposeAsync() => await chromium.DisposeAsync();
}
