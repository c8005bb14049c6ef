using Azure.Core;
using Azure.Identity;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Minamata.Reporting.Mail;

/// <summary>
/// Signs the mail intake in to the mailbox: with a password, or, for Exchange Online, with a token
/// the app registration's credentials get from Entra ID (XOAUTH2), since Exchange Online takes no
/// passwords over IMAP.
/// </summary>
public sealed class MailboxLogin(IOptions<MailIntakeOptions> options, IServiceProvider services)
{
    /// <summary>The key of the <see cref="TokenCredential"/> the intake gets tokens with; registered from the settings.</summary>
    public const string CredentialKey = "mailbox";

    public async Task SignInAsync(ImapClient client, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.UsesOAuth)
        {
            await client.AuthenticateAsync(settings.UserName!, settings.Password!, cancellationToken);
            return;
        }

        // Asked for only here: without OAuth settings there is no credential to make.
        var credential = services.GetRequiredKeyedService<TokenCredential>(CredentialKey);
        var token = await credential.GetTokenAsync(new TokenRequestContext([settings.OAuthScope]), cancellationToken);
        await client.AuthenticateAsync(new SaslMechanismOAuth2(settings.UserName!, token.Token), cancellationToken);
    }

    /// <summary>The app registration's credential, from the settings.</summary>
    public static TokenCredential CredentialFrom(MailIntakeOptions settings) =>
        new ClientSecretCredential(settings.TenantId, settings.ClientId, settings.ClientSecret);
}
