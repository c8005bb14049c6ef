using System.ComponentModel.DataAnnotations;

namespace Minamata.Reporting.Access;

/// <summary>
/// A secret setting that App Service fills from Key Vault. When it cannot resolve the reference
/// (the identity's role not yet propagated, the secret deleted), it passes the reference's own
/// text, <c>@Microsoft.KeyVault(...)</c>, which would otherwise pass for a long enough key: the
/// host refuses to start instead, naming the setting.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ResolvedSecretAttribute(string setting) : ValidationAttribute
{
    private const string KeyVaultReference = "@Microsoft.KeyVault(";

    public override bool IsValid(object? value) => value is not string text || !text.TrimStart().StartsWith(KeyVaultReference, StringComparison.OrdinalIgnoreCase);

    public override string FormatErrorMessage(string name) =>
        $"{setting} still holds a Key Vault reference that App Service could not resolve: give the app's identity the Key Vault Secrets User role on the vault " +
        "(or wait for the role to reach the vault, up to a few minutes after provisioning), check that the secret exists, then restart the app.";
}
