using Azure.Core;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Minamata.Reporting.Access;
using Minamata.Reporting.Mail;
using Minamata.Reporting.Submissions;
using Minamata.Server.Azurite;

namespace Minamata.Integration.Tests;

/// <summary>
/// A mailbox that takes tokens, not passwords, as Exchange Online does: the intake signs in with
/// the token its credential gets (XOAUTH2) and reads the mailbox. Entra ID cannot run here: the
/// credential is a stand-in that hands out a fixed token, which Dovecot checks.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class MailboxOAuthTests : IAsyncLifetime
{
    private const string Token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.mailbox-reader";
    private AzuriteInstance azurite = null!;
    private ImapServer imap = null!;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteLauncher.StartAsync(ServerFixture.RepositoryRoot, dataDirectory: null);
        imap = await ImapServer.StartAsync(acceptedToken: Token);
    }

    [Fact]
    public async Task The_intake_signs_in_with_the_app_registrations_token_and_reads_the_mailbox()
    {
        await using var services = await StartAsync(new IssuedToken(Token));
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("focal@who.example"));
        message.Subject = "Report for COP-7";
        message.Body = new BodyBuilder { Attachments = { { "report.txt", "Report of the World Health Organization on mercury, 2025-2026."u8.ToArray() } } }.ToMessageBody();
        await imap.DeliverAsync(message);

        var run = await services.GetRequiredService<MailIntake>().RunAsync(default);

        Assert.Equal(1, run.Reports);
        Assert.Empty(await imap.MessageIdsAsync("INBOX"));
    }

    [Fact]
    public async Task A_token_the_server_does_not_take_stops_the_run_and_reads_nothing()
    {
        await using var services = await StartAsync(new IssuedToken("a-token-for-another-app"));
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("focal@who.example"));
        message.Subject = "Report for COP-7";
        message.Body = new BodyBuilder { Attachments = { { "report.txt", "Waiting in the inbox."u8.ToArray() } } }.ToMessageBody();
        await imap.DeliverAsync(message);

        await Assert.ThrowsAsync<AuthenticationException>(() => services.GetRequiredService<MailIntake>().RunAsync(default));

        Assert.Single(await imap.MessageIdsAsync("INBOX"));
    }

    public async Task DisposeAsync()
    {
        await imap.DisposeAsync();
        await azurite.DisposeAsync();
    }

    private async Task<ServiceProvider> StartAsync(TokenCredential credential)
    {
        var services = await FunctionsServices.StartAsync(
            azurite.ConnectionString,
            settings: new Dictionary<string, string?>
            {
                ["Minamata:MailIntake:Host"] = "127.0.0.1",
                ["Minamata:MailIntake:Port"] = $"{imap.Port}",
                ["Minamata:MailIntake:UseTls"] = "false",
                ["Minamata:MailIntake:UserName"] = ImapServer.UserName,
                ["Minamata:MailIntake:TenantId"] = "00000000-0000-0000-0000-000000000001",
                ["Minamata:MailIntake:ClientId"] = "00000000-0000-0000-0000-000000000002",
                ["Minamata:MailIntake:ClientSecret"] = "client-secret-of-the-app-registration",
            },
            extend: s => s.AddKeyedSingleton(MailboxLogin.CredentialKey, credential));
        await services.GetRequiredService<PartnerDirectory>().CreateAsync(new Partner("WHO", "World Health Organization", "focal@who.example", "en"), default);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await services.GetRequiredService<CycleStore>().PutAsync(new ReportingCycle("COP-7", "Seventh meeting", today.AddDays(90), today.AddDays(30), ["WHO"], [30]), default);
        return services;
    }

    /// <summary>Stands in for Entra ID: the token an app registration would be issued for the mailbox.</summary>
    private sealed class IssuedToken(string token) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            requestContext.Scopes.SequenceEqual(["https://outlook.office365.com/.default"])
                ? new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1))
                : throw new InvalidOperationException($"Asked for a token for {string.Join(' ', requestContext.Scopes)}, not for Exchange Online.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
