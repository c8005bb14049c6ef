using System.Net.Http.Json;
using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Minamata.Fixtures;
using Minamata.Reporting.Deadlines;

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

        // Its page names the report that corrected it by file and day, as a link, never by id.
        await first.Locator("a").ClickAsync();
        var correctedBy = page.Locator("#partner-report-facts dt:has-text('Corrected by') + dd a");
        await Assertions.Expect(correctedBy).ToContainTextAsync("corrected.txt (");
        await correctedBy.ClickAsync();
        await Assertions.Expect(page.Locator("#partner-report-facts dt:has-text('Corrects') + dd")).ToContainTextAsync("first.txt (");
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
        await Assertions.Expect(page.Locator("#fix-submittedBy")).ToHaveValueAsync("UNICEF");
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("#overview-title")).ToBeFocusedAsync();

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
        await page.ClickAsync("#views a[href='#/partners']");
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

    [Fact]
    public async Task The_secretariat_registers_a_partner_opens_a_cycle_corrects_the_report_from_the_review_queue_and_issues_it()
    {
        var secretariat = await SignInAsync(ServerFixture.SecretariatKey);
        var id = "RV-" + Guid.NewGuid().ToString("n")[..6].ToUpperInvariant();
        var cycle = ServerFixture.NewCycleId();
        var prefix = $"UNEP/MC/{cycle}/INF/";

        // A new partner, its key copied for the focal point.
        await secretariat.ClickAsync("#views a[href='#/partners']");
        await secretariat.FillAsync("#new-partner-id", id);
        await secretariat.FillAsync("#new-partner-name", "Review Test Organization");
        await secretariat.FillAsync("#new-partner-email", "focal@rv.example");
        await secretariat.ClickAsync("#partner-form button[type=submit]");
        await secretariat.ClickAsync("#copy-key");
        var key = await secretariat.EvaluateAsync<string>("navigator.clipboard.readText()");
        Assert.StartsWith("mk_", key);

        // A new cycle expecting it, with an INF series; a deadline after the meeting is refused beside its field.
        await secretariat.ClickAsync("#views a[href='#/cycle']");
        await secretariat.ClickAsync("#new-cycle");
        await Assertions.Expect(secretariat.Locator("#cycle-id")).ToBeFocusedAsync();
        await secretariat.FillAsync("#cycle-id", cycle);
        await secretariat.FillAsync("#cycle-title", "Review test meeting of the Conference of the Parties");
        await secretariat.FillAsync("#cycle-meetingStart", "2099-11-01");
        await secretariat.FillAsync("#cycle-meetingEnd", "2099-11-05");
        await secretariat.FillAsync("#cycle-venue", "Geneva");
        await secretariat.FillAsync("#cycle-agendaItem", "5 (k)");
        await secretariat.FillAsync("#cycle-agendaItem-title", "International cooperation and coordination");
        await secretariat.FillAsync("#cycle-submissionDeadline", "2099-12-15");
        await secretariat.FillAsync("#cycle-infSeries", prefix);
        await secretariat.Locator("#cycle-partners label", new() { HasText = $"({id})" }).Locator("input").CheckAsync();
        // Receipts are on for a new cycle; this test meeting turns them off.
        await Assertions.Expect(secretariat.Locator("#cycle-receipts")).ToBeCheckedAsync();
        await secretariat.Locator("#cycle-receipts").UncheckAsync();
        await secretariat.ClickAsync("#cycle-form button[type=submit]");
        await Assertions.Expect(secretariat.Locator("#cycle-submissionDeadline-error")).ToContainTextAsync("'submissionDeadline' must come before 'meetingStart'");
        await Assertions.Expect(secretariat.Locator("#cycle-submissionDeadline")).ToBeFocusedAsync();
        await secretariat.FillAsync("#cycle-submissionDeadline", "2099-08-15");
        await secretariat.ClickAsync("#cycle-form button[type=submit]");
        await Assertions.Expect(secretariat.Locator("#message")).ToContainTextAsync($"{cycle} saved.");
        await Assertions.Expect(secretariat.Locator("#cycle-submissionDeadline-error")).ToBeEmptyAsync();
        await Assertions.Expect(secretariat.Locator("#cycle-id")).ToHaveAttributeAsync("readonly", "");
        // The form is filled again from what the API saved.
        await Assertions.Expect(secretariat.Locator("#cycle-receipts")).Not.ToBeCheckedAsync();
        await secretariat.ScreenshotAsync(new() { Path = Screenshot("cycle"), FullPage = true });

        // The focal point, in a browser of its own, uploads a report with no symbol or date in it.
        var partner = await SignInAsync(key);
        await partner.SelectOptionAsync("#partner-cycle", cycle);
        const string text = "Annual report of the Review Test Organization\n\nThe organization trained customs officers on mercury trade in 2026.";
        await partner.SetInputFilesAsync("#file", new FilePayload { Name = "rv-report.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(text) });
        await partner.ClickAsync("#upload-button");
        await Assertions.Expect(partner.Locator("#partner-reports tbody tr", new() { HasText = "rv-report.txt" })).ToContainTextAsync("indexed", new() { Timeout = 10_000 });

        // Back as the secretariat: the report waits in the review queue with what to check.
        await secretariat.SelectOptionAsync("#secretariat-cycle", cycle);
        await secretariat.ClickAsync("#views a[href='#/review']");
        var queued = secretariat.Locator("#review-table tbody tr", new() { HasText = "rv-report.txt" });
        await Assertions.Expect(queued).ToContainTextAsync("Symbol: not found in the document");
        await Assertions.Expect(queued).ToContainTextAsync("Review Test Organization");
        await Assertions.Expect(secretariat.Locator("#issue-state")).ToContainTextAsync($"Accepted reports not yet issued: 1. They get the next numbers of {prefix}.");
        await secretariat.ScreenshotAsync(new() { Path = Screenshot("review"), FullPage = true });
        await queued.Locator("a").ClickAsync();

        // The report's form: focus on its heading, the fields to check marked, the original a tab away.
        await Assertions.Expect(secretariat.Locator("#report-title")).ToBeFocusedAsync();
        await Assertions.Expect(secretariat.Locator("#report-title")).ToHaveTextAsync("Annual report of the Review Test Organization");
        await Assertions.Expect(secretariat.Locator("#report-facts dt:has-text('Came in by') + dd")).ToHaveTextAsync("the portal");
        await Assertions.Expect(secretariat.Locator("#fix-symbol-box")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("to-check"));
        await Assertions.Expect(secretariat.Locator("#fix-symbol-check")).ToHaveTextAsync("Symbol: not found in the document");
        await Assertions.Expect(secretariat.Locator("#fix-title-box")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("to-check"));
        var original = await secretariat.RunAndWaitForPopupAsync(() => secretariat.ClickAsync("#open-original"));
        await Assertions.Expect(original.Locator("body")).ToContainTextAsync("trained customs officers on mercury trade");
        await original.CloseAsync();

        // A wrong symbol is refused beside its field; nothing is saved.
        await secretariat.FillAsync("#fix-symbol", "not a symbol");
        await secretariat.ClickAsync("#correction-form button[type=submit]");
        await Assertions.Expect(secretariat.Locator("#fix-symbol-error")).ToContainTextAsync("'symbol' must be a UN document symbol");
        await Assertions.Expect(secretariat.Locator("#fix-symbol")).ToBeFocusedAsync();
        await secretariat.FillAsync("#fix-symbol", "");

        // The title corrected: the heading follows, and what was extracted stays in view.
        await secretariat.FillAsync("#fix-title", "Report of the Review Test Organization on mercury trade, 2026");
        await secretariat.ClickAsync("#correction-form button[type=submit]");
        await Assertions.Expect(secretariat.Locator("#message")).ToHaveTextAsync("Saved: Title.");
        await Assertions.Expect(secretariat.Locator("#report-title")).ToHaveTextAsync("Report of the Review Test Organization on mercury trade, 2026");
        await Assertions.Expect(secretariat.Locator("#fix-title-note")).ToContainTextAsync("Corrected by secretariat");
        await Assertions.Expect(secretariat.Locator("#fix-title-note")).ToContainTextAsync("Extracted: Annual report of the Review Test Organization");
        await Assertions.Expect(secretariat.Locator("#fix-title-undo")).ToBeVisibleAsync();
        await Assertions.Expect(secretariat.Locator("#detail-history")).ToContainTextAsync("corrected by secretariat (title)");

        // Issued after a confirmation, then its INF document downloaded: the cover page, then the report.
        await secretariat.ClickAsync("#issue-report");
        await Assertions.Expect(secretariat.Locator("#confirm-question")).ToContainTextAsync($"Issue rv-report.txt as the next document of {prefix}?");
        await secretariat.ClickAsync("#confirm-yes");
        await Assertions.Expect(secretariat.Locator("#message")).ToHaveTextAsync($"Issued as {prefix}1.");
        await Assertions.Expect(secretariat.Locator("#report-facts")).ToContainTextAsync(prefix + "1");
        await Assertions.Expect(secretariat.Locator("#issue-report")).ToBeHiddenAsync();

        // It was issued by hand as /3 meanwhile: the number is changed, and the history says so.
        await secretariat.FillAsync("#renumber-issuedSymbol", prefix + "03");
        await secretariat.ClickAsync("#renumber-form button[type=submit]");
        await Assertions.Expect(secretariat.Locator("#renumber-issuedSymbol-error")).ToContainTextAsync("'issuedSymbol' must be a document of the cycle's INF series");
        await secretariat.FillAsync("#renumber-issuedSymbol", prefix + "3");
        await secretariat.ClickAsync("#renumber-form button[type=submit]");
        await Assertions.Expect(secretariat.Locator("#message")).ToHaveTextAsync($"Now issued as {prefix}3; the old number is not given again.");
        await Assertions.Expect(secretariat.Locator("#report-facts")).ToContainTextAsync(prefix + "3");
        await Assertions.Expect(secretariat.Locator("#detail-history")).ToContainTextAsync($"given another INF number by secretariat ({prefix}1 → {prefix}3)");
        await secretariat.ScreenshotAsync(new() { Path = Screenshot("report"), FullPage = true });

        var download = await secretariat.RunAndWaitForDownloadAsync(() => secretariat.ClickAsync("#download-inf"));
        Assert.Equal($"UNEP-MC-{cycle}-INF-3.docx", download.SuggestedFilename);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(await download.PathAsync(), false))
        {
            var body = document.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains(prefix + "3", body);
            Assert.Contains("Distr.: General", body);
            Assert.Contains("Report of the Review Test Organization on mercury trade, 2026", body);
        }

        // The overview lists it under its issued symbol.
        await secretariat.ClickAsync("#views a[href='#/overview']");
        await Assertions.Expect(secretariat.Locator("#secretariat-reports tbody tr", new() { HasText = "rv-report.txt" })).ToContainTextAsync(prefix + "3");
        await Assertions.Expect(secretariat.Locator("#status-table tbody tr", new() { HasText = id })).ToContainTextAsync(prefix + "3");
        AssertNoSeriousViolations(await secretariat.RunAxe());
    }

    [Fact]
    public async Task The_review_works_with_the_keyboard_alone()
    {
        var (cycle, partnerId, key) = await fixture.NewCycleWithPartnerAsync("KB");
        using (var secretariatApi = fixture.Secretariat())
        {
            using var series = await secretariatApi.PutAsJsonAsync($"/api/cycles/{cycle}", new { title = "Keyboard meeting", meetingStart = "2099-11-01", submissionDeadline = "2099-08-15", expectedPartners = new[] { partnerId }, infSeries = new { prefix = $"UNEP/MC/{cycle}/INF/", first = 1 } });
            series.EnsureSuccessStatusCode();
        }

        using var partner = fixture.Client(key);
        var id = await ReportsApi.UploadAsync(partner, Encoding.UTF8.GetBytes("Keyboard report of the partner\n\nNothing else is said here."), "keyboard.txt", cycle);
        await ReportsApi.WaitUntilProcessedAsync(partner, id, TimeSpan.FromSeconds(10));
        var page = await SignInAsync(ServerFixture.SecretariatKey);
        await page.SelectOptionAsync("#secretariat-cycle", cycle);

        // From the view bar to the queue, and into the report, by Tab and Enter.
        await TabUntilFocusedAsync(page, "#views a[href='#/review']");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#review-title")).ToBeFocusedAsync();
        await TabUntilFocusedAsync(page, "#review-table a");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#report-title")).ToBeFocusedAsync();

        // A corrected title saved with Enter in its field.
        await TabUntilFocusedAsync(page, "#fix-title");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Keyboard report, corrected");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#report-title")).ToHaveTextAsync("Keyboard report, corrected");

        // Issued: the confirmation opens on Cancel, so Enter alone never issues; Tab to Issue, then Enter.
        await TabUntilFocusedAsync(page, "#issue-report", backwards: true);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#confirm-dialog")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#confirm-dialog")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#issue-report")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#confirm-dialog")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(page.Locator("#confirm-yes")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#message")).ToHaveTextAsync($"Issued as UNEP/MC/{cycle}/INF/1.");
        await Assertions.Expect(page.Locator("#download-inf")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Each_lands_on_the_cycle_that_matters_and_a_reminders_link_opens_its_cycle()
    {
        var (partnerId, key) = await fixture.NewPartnerAsync("LAND");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var near = ServerFixture.NewCycleId();
        var far = ServerFixture.NewCycleId();
        // Due today, the nearest deadline of every open cycle; and one two years away that does not expect the partner.
        await fixture.OpenCycleAsync(near, today, partnerId);
        await fixture.OpenCycleAsync(far, today.AddDays(624));

        var partner = await SignInAsync(key);
        await Assertions.Expect(partner.Locator("#partner-cycle")).ToHaveValueAsync(near);
        await Assertions.Expect(partner.Locator("#partner-standing")).ToHaveTextAsync($"Your organization has not reported for {near} yet.");
        await Assertions.Expect(partner.Locator("#partner-title")).ToBeFocusedAsync();
        // A partner sees only the cycles that expect it: those it can report to.
        Assert.Equal(0, await partner.Locator($"#partner-cycle option[value='{far}']").CountAsync());
        var secretariat = await SignInAsync(ServerFixture.SecretariatKey);
        await Assertions.Expect(secretariat.Locator("#secretariat-cycle")).ToHaveValueAsync(near);

        // A reminder links to /portal/#/cycles/<id>: signed in, that cycle is the one shown.
        var linked = await NewPageAsync();
        await linked.GotoAsync(new Uri(fixture.BaseAddress, $"/portal/#/cycles/{far}").ToString());
        await linked.FillAsync("#key", ServerFixture.SecretariatKey);
        await linked.ClickAsync("#sign-in-form button");
        await Assertions.Expect(linked.Locator("#secretariat-cycle")).ToHaveValueAsync(far);

        // Without the slash, the portal still loads.
        var bare = await NewPageAsync();
        await bare.GotoAsync(new Uri(fixture.BaseAddress, "/portal").ToString());
        await Assertions.Expect(bare.Locator("#key")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_partner_opens_its_report_sees_its_details_withdraws_it_and_goes_back()
    {
        var (cycle, partnerId, key) = await fixture.NewCycleWithPartnerAsync("WDP");
        using var api = fixture.Client(key);
        var id = await ReportsApi.UploadAsync(api, Encoding.UTF8.GetBytes("Report of another organization on mercury in cosmetics\n\nSent here by mistake."), "not-ours.txt", cycle);
        await ReportsApi.WaitUntilProcessedAsync(api, id, TimeSpan.FromSeconds(10));
        var page = await SignInAsync(key);
        await page.SelectOptionAsync("#partner-cycle", cycle);
        await Assertions.Expect(page.Locator("#partner-standing")).ToHaveTextAsync($"Your organization has reported for {cycle}.");

        await page.Locator("#partner-reports a", new() { HasText = "not-ours.txt" }).ClickAsync();
        var heading = page.Locator("#partner-report-title");
        await Assertions.Expect(heading).ToBeFocusedAsync();
        await Assertions.Expect(heading).ToHaveTextAsync("Report of another organization on mercury in cosmetics");
        Assert.True(await heading.EvaluateAsync<bool>("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }"));
        await Assertions.Expect(page.Locator("#partner-report-history")).ToContainTextAsync("indexed by intake");

        // Withdrawn after a confirmation with a reason; kept, with the reason in its history.
        await page.ClickAsync("#partner-withdraw");
        await Assertions.Expect(page.Locator("#confirm-question")).ToContainTextAsync("Withdraw not-ours.txt?");
        await page.FillAsync("#confirm-reason", "Another organization's report, sent by mistake");
        await page.ClickAsync("#confirm-yes");
        await Assertions.Expect(page.Locator("#message")).ToHaveTextAsync("not-ours.txt was withdrawn.");
        await Assertions.Expect(page.Locator("#partner-report-facts")).ToContainTextAsync("withdrawn");
        await Assertions.Expect(page.Locator("#partner-report-history")).ToContainTextAsync($"withdrawn by {partnerId} (Another organization's report, sent by mistake)");
        await Assertions.Expect(page.Locator("#partner-withdraw")).ToBeHiddenAsync();

        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("#partner-reports tbody tr", new() { HasText = "not-ours.txt" })).ToContainTextAsync("withdrawn");
        await Assertions.Expect(page.Locator("#partner-standing")).ToHaveTextAsync($"Your organization has not reported for {cycle} yet.");
        Assert.Equal(0, await page.Locator("#replaces option", new() { HasText = "not-ours.txt" }).CountAsync());
    }

    [Fact]
    public async Task A_hundred_and_five_reports_are_counted_and_the_last_is_shown_on_asking_for_more()
    {
        var (cycle, partnerId, _) = await fixture.NewCycleWithPartnerAsync("MANY");
        using var secretariatApi = fixture.Secretariat();
        for (var i = 1; i <= 105; i++)
        {
            // The secretariat uploads them on the partner's behalf: a partner's own uploads are rate-limited.
            using var response = await secretariatApi.PostAsync("/api/reports", ReportsApi.Form(Encoding.UTF8.GetBytes($"Report number {i:D3} of the partner, {Guid.NewGuid()}."), $"report-{i:D3}.txt", cycle, partner: partnerId));
            Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        }

        var page = await SignInAsync(ServerFixture.SecretariatKey);
        await page.SelectOptionAsync("#secretariat-cycle", cycle);
        await Assertions.Expect(page.Locator("#secretariat-reports-count")).ToHaveTextAsync("Reports: 105 (showing 50)");
        await page.ClickAsync("#secretariat-reports-more");
        await page.ClickAsync("#secretariat-reports-more");
        await Assertions.Expect(page.Locator("#secretariat-reports-count")).ToHaveTextAsync("Reports: 105");
        await Assertions.Expect(page.Locator("#secretariat-reports tbody tr")).ToHaveCountAsync(105);
        await Assertions.Expect(page.Locator("#secretariat-reports-more")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#secretariat-reports tbody tr", new() { HasText = "report-001.txt" })).ToHaveCountAsync(1);

        // The partner filter takes the id or the name, in any case.
        await page.FillAsync("#filter-partner", partnerId.ToLowerInvariant());
        await page.ClickAsync("#search-form button[type=submit]");
        await Assertions.Expect(page.Locator("#secretariat-reports-count")).ToHaveTextAsync("Reports: 105 (showing 50)");
        await page.FillAsync("#filter-partner", "PARTNER " + partnerId.ToLowerInvariant());
        await page.ClickAsync("#search-form button[type=submit]");
        await Assertions.Expect(page.Locator("#secretariat-reports-count")).ToHaveTextAsync("Reports: 105 (showing 50)");
        await page.FillAsync("#filter-partner", "nobody at all");
        await page.ClickAsync("#search-form button[type=submit]");
        await Assertions.Expect(page.Locator("#secretariat-reports-count")).ToHaveTextAsync("Reports: 0");
    }

    [Fact]
    public async Task On_a_phone_long_titles_and_file_names_never_widen_any_view()
    {
        var (partnerId, key) = await fixture.NewPartnerAsync("PHONE");
        var cycle = ServerFixture.NewCycleId();
        await fixture.OpenCycleAsync(cycle, new DateOnly(2099, 8, 15), partnerId);
        using (var secretariatApi = fixture.Secretariat())
        {
            var longTitle = string.Concat(Enumerable.Repeat("Seventh meeting of the Conference of the Parties to the Minamata Convention on Mercury ", 3))[..199] + "y";
            (await secretariatApi.PutAsJsonAsync($"/api/cycles/{cycle}", new { title = longTitle, meetingStart = "2099-11-01", submissionDeadline = "2099-08-15", expectedPartners = new[] { partnerId } })).EnsureSuccessStatusCode();
        }

        var longName = string.Concat(Enumerable.Repeat("national-action-plan-on-artisanal-gold-mining-", 5))[..195] + ".txt";
        using var api = fixture.Client(key);
        var id = await ReportsApi.UploadAsync(api, Encoding.UTF8.GetBytes("Report on the national action plans for artisanal and small-scale gold mining in the region\n\nText."), longName, cycle);
        await ReportsApi.WaitUntilProcessedAsync(api, id, TimeSpan.FromSeconds(10));

        var partner = await SignInAsync(key, 375, 812);
        await partner.SelectOptionAsync("#partner-cycle", cycle);
        await Assertions.Expect(partner.Locator("#partner-reports tbody tr")).ToHaveCountAsync(1);
        await AssertFitsAsync(partner, "partner list");
        await partner.ScreenshotAsync(new() { Path = Screenshot("partner-375"), FullPage = true });
        await partner.Locator("#partner-reports a").ClickAsync();
        await Assertions.Expect(partner.Locator("#partner-report-title")).ToBeFocusedAsync();
        await AssertFitsAsync(partner, "partner's report");

        var secretariat = await SignInAsync(ServerFixture.SecretariatKey, 375, 812);
        await secretariat.SelectOptionAsync("#secretariat-cycle", cycle);
        foreach (var view in new[] { "overview", "review", "cycle", "partners", "notifications", $"reports/{id}" })
        {
            await secretariat.EvaluateAsync($"() => location.hash = '#/{view}'");
            await Assertions.Expect(secretariat.Locator("#secretariat .view:not([hidden]) h2")).ToBeFocusedAsync();
            await AssertFitsAsync(secretariat, view);
        }
    }

    [Fact]
    public async Task A_long_title_is_kept_whole_shown_shortened_in_the_list_and_whole_on_its_page()
    {
        var (cycle, _, key) = await fixture.NewCycleWithPartnerAsync("LONG");
        // 381 characters on one line, as a Word title paragraph reads.
        const string title = "Report of the World Health Organization on the implementation of decision MC-5/4 concerning the health aspects of mercury exposure, including occupational exposure in artisanal and small-scale gold mining, the phase-down of dental amalgam, mercury-added skin-lightening products and the strengthening of national health-sector strategies under article 16 of the Minamata Convention";
        using var api = fixture.Client(key);
        var id = await ReportsApi.UploadAsync(api, Encoding.UTF8.GetBytes($"{title}\n\nThe World Health Organization supported ministries of health in 2026."), "long-title.txt", cycle);
        var (report, _) = await ReportsApi.WaitUntilProcessedAsync(api, id, TimeSpan.FromSeconds(10));
        Assert.Equal(title, report.GetProperty("metadata").GetProperty("title").GetString());

        var page = await SignInAsync(key);
        await page.SelectOptionAsync("#partner-cycle", cycle);
        var cell = page.Locator("#partner-reports td.title .clamp");
        await Assertions.Expect(cell).ToHaveAttributeAsync("title", title);
        // Three lines at most, whatever the column's width: cut with an ellipsis, the row stays short.
        // Asked of the page until it holds: choosing the cycle redraws the list, and a style read from
        // a row just replaced is empty.
        await page.WaitForFunctionAsync(
            "() => { const e = document.querySelector('#partner-reports td.title .clamp'); if (!e) return false; const s = getComputedStyle(e); return s.webkitLineClamp === '3' && e.clientHeight <= 3.2 * parseFloat(s.lineHeight); }",
            null,
            new() { Timeout = 5_000 });
        await page.Locator("#partner-reports a", new() { HasText = "long-title.txt" }).ClickAsync();
        await Assertions.Expect(page.Locator("#partner-report-title")).ToHaveTextAsync(title);
    }

    private static async Task AssertFitsAsync(IPage page, string view)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{view}: the page is {overflow}px wider than the screen");
    }

    [Fact]
    public async Task A_focal_point_signs_in_uploads_opens_its_report_and_comes_back_with_the_keyboard_alone()
    {
        var (cycle, _, key) = await fixture.NewCycleWithPartnerAsync("KBP");
        var page = await NewPageAsync();
        await page.GotoAsync(new Uri(fixture.BaseAddress, $"/portal/#/cycles/{cycle}").ToString());

        // Signed in by typing the key and pressing Enter; focus lands on the page's heading.
        await TabUntilFocusedAsync(page, "#key");
        await page.Keyboard.TypeAsync(key);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#partner-title")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#partner-cycle")).ToHaveValueAsync(cycle);

        // The file picker is a button that Enter opens; the upload, a button too.
        await TabUntilFocusedAsync(page, "#choose-file");
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Enter"));
        await chooser.SetFilesAsync(new FilePayload { Name = "keyboard.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("Keyboard report of the focal point\n\nSent without a mouse.") });
        await Assertions.Expect(page.Locator("#chosen-file")).ToContainTextAsync("keyboard.txt");
        await TabUntilFocusedAsync(page, "#upload-button");
        await page.Keyboard.PressAsync("Enter");

        // Focus goes to the report the upload became; Enter opens its page, and its link back returns.
        var link = page.Locator("#partner-reports a", new() { HasText = "keyboard.txt" });
        await Assertions.Expect(link).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#partner-report-title")).ToBeFocusedAsync();
        await TabUntilFocusedAsync(page, "#partner-back", backwards: true);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#partner-title")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#partner-reports tbody tr", new() { HasText = "keyboard.txt" })).ToContainTextAsync("indexed", new() { Timeout = 10_000 });
    }

    /// <summary>Presses Tab (or Shift+Tab) until <paramref name="selector"/> has the focus, as a keyboard user would get there; fails after 60 stops.</summary>
    private static async Task TabUntilFocusedAsync(IPage page, string selector, bool backwards = false)
    {
        for (var i = 0; i < 60; i++)
        {
            if (await page.Locator(selector).First.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        }

        Assert.Fail($"Tab never reached {selector}.");
    }

    [Fact]
    public async Task The_secretariat_reads_a_reminder_the_outbox_kept()
    {
        var (partnerId, _) = await fixture.NewPartnerAsync("OBX");
        var cycle = ServerFixture.NewCycleId();
        await fixture.OpenCycleAsync(cycle, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7), partnerId);
        await fixture.Server.Services.GetRequiredService<DeadlineNotifier>().RunAsync(default);

        var page = await SignInAsync(ServerFixture.SecretariatKey);
        await page.SelectOptionAsync("#secretariat-cycle", cycle);
        await page.ClickAsync("#views a[href='#/notifications']");
        var row = page.Locator("#notifications-table tbody tr", new() { HasText = partnerId });
        await Assertions.Expect(row).ToContainTextAsync("Reminder, 7 days before the deadline");
        await Assertions.Expect(row).ToContainTextAsync("kept in the outbox");
        await row.Locator("button").ClickAsync();

        await Assertions.Expect(page.Locator("#outbox-subject")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#outbox-subject")).ToContainTextAsync($"Reminder: report for {cycle} due on ");
        await Assertions.Expect(page.Locator("#outbox-to")).ToHaveTextAsync($"To: focal@{partnerId.ToLowerInvariant()}.example");
        await Assertions.Expect(page.Locator("#outbox-text")).ToContainTextAsync(cycle);
        await page.ScreenshotAsync(new() { Path = Screenshot("notifications"), FullPage = true });
        AssertNoSeriousViolations(await page.RunAxe());
    }

    [Fact]
    public async Task The_secretariat_reads_the_receipt_a_partner_was_sent_for_its_report()
    {
        var (partnerId, key) = await fixture.NewPartnerAsync("RCP");
        var cycle = ServerFixture.NewCycleId();
        await fixture.OpenCycleAsync(cycle, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40), partnerId);
        using var partner = fixture.Client(key);
        var id = await ReportsApi.UploadAsync(partner, Encoding.UTF8.GetBytes("Receipt test report of the organization\n\nIt trained inspectors in 2026."), "receipt test.txt", cycle);
        await ReportsApi.WaitForStatusAsync(partner, id, "indexed");
        // The receipt follows the verdict: wait until the outbox has it before the page lists them.
        using var secretariat = fixture.Secretariat();
        for (var waited = 0; waited < 50 && !(await secretariat.GetStringAsync($"/api/notifications?cycle={cycle}")).Contains("\"recorded\"", StringComparison.Ordinal); waited++)
        {
            await Task.Delay(100);
        }

        var page = await SignInAsync(ServerFixture.SecretariatKey);
        await page.SelectOptionAsync("#secretariat-cycle", cycle);
        await page.ClickAsync("#views a[href='#/notifications']");
        var row = page.Locator("#notifications-table tbody tr", new() { HasText = "Receipt: report indexed" });
        await Assertions.Expect(row).ToContainTextAsync("kept in the outbox");
        await row.Locator("button").ClickAsync();

        await Assertions.Expect(page.Locator("#outbox-subject")).ToHaveTextAsync($"Received: receipt test.txt for {cycle} is in the index");
        await Assertions.Expect(page.Locator("#outbox-text")).ToContainTextAsync("Title: Receipt test report of the organization");
        await Assertions.Expect(page.Locator("#outbox-text")).ToContainTextAsync($"/portal/#/reports/{id}");
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
