using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Access;
using Minamata.Reporting.Notifications;

namespace Minamata.Integration.Tests;

/// <summary>
/// A secret that App Service could not fetch from Key Vault arrives as the reference's own text;
/// both hosts refuse it at start, naming the setting, rather than take it for a key or a password.
/// </summary>
public sealed class SecretSettingsTests : OwnStorageTests
{
    private const string Unresolved = "@Microsoft.KeyVault(SecretUri=https://kv-minamata.vault.azure.net/secrets/secretariat-key/)";

    [Fact]
    public async Task The_server_refuses_to_start_with_an_unresolved_key_vault_reference_as_the_secretariat_key()
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => StartServerAsync([$"--Minamata:SecretariatKey={Unresolved}"]));

        Assert.Contains("Minamata:SecretariatKey still holds a Key Vault reference that App Service could not resolve", refused.Message);
        Assert.Contains("Key Vault Secrets User", refused.Message);
    }

    [Fact]
    public async Task The_functions_app_refuses_an_unresolved_key_vault_reference_as_the_relay_password()
    {
        await using var services = await FunctionsServices.StartAsync(Azurite.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Minamata:Smtp:Host"] = "smtp.example.org",
            ["Minamata:Smtp:From"] = "secretariat@example.org",
            ["Minamata:Smtp:Password"] = Unresolved.Replace("secretariat-key", "smtp-password", StringComparison.Ordinal),
        });

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SmtpOptions>>().Value);

        Assert.Contains("Minamata:Smtp:Password still holds a Key Vault reference", refused.Message);
        // An ordinary key passes.
        Assert.Equal(ServerFixture.SecretariatKey, services.GetRequiredService<IOptions<AccessOptions>>().Value.SecretariatKey);
    }
}
