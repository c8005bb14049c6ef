using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Minamata.Reporting.Access;

/// <summary>Finds the caller from the request's bearer key.</summary>
public sealed class CallerAuthenticator(PartnerDirectory directory, IOptions<AccessOptions> options)
{
    private readonly byte[] secretariatKeyHash = ApiKeys.Hash(options.Value.SecretariatKey);

    /// <summary>The caller, or null when the key is missing, malformed or unknown.</summary>
    public async Task<Caller?> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var key = BearerKey(request);
        if (key is null)
        {
            return null;
        }

        if (ApiKeys.SameHash(ApiKeys.Hash(key), secretariatKeyHash))
        {
            return Caller.Secretariat;
        }

        var partnerId = await directory.FindPartnerByKeyAsync(key, cancellationToken);
        return partnerId is null ? null : Caller.Partner(partnerId);
    }

    private static string? BearerKey(HttpRequest request)
    {
        const string scheme = "Bearer ";
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var key = header[scheme.Length..].Trim();
        // Keys are short; anything long is not a key and is not worth hashing or looking up.
        return key.Length is > 0 and <= 256 ? key : null;
    }
}
