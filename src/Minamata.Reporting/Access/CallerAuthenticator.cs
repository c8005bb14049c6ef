using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Api;

namespace Minamata.Reporting.Access;

/// <summary>Finds the caller from the request's bearer key.</summary>
public sealed class CallerAuthenticator(PartnerDirectory directory, FailedKeyLimiter failedKeys, IOptions<AccessOptions> options)
{
    private readonly byte[] secretariatKeyHash = ApiKeys.Hash(options.Value.SecretariatKey);

    /// <summary>The caller, or null when the key is missing, malformed or unknown.</summary>
    /// <exception cref="ApiProblem">429 when the caller's address has sent too many wrong keys.</exception>
    public async Task<Caller?> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization.Count == 0)
        {
            return null;
        }

        if (!failedKeys.MayTry(request))
        {
            throw new ApiProblem(StatusCodes.Status429TooManyRequests, ApiProblemCodes.TooManyFailedKeys, "Too many wrong keys came from this address; wait a minute.")
            {
                RetryAfter = FailedKeyLimiter.RetryAfter,
            };
        }

        var caller = await FindAsync(BearerKey(request), cancellationToken);
        if (caller is null)
        {
            failedKeys.Failed(request);
        }

        return caller;
    }

    private async Task<Caller?> FindAsync(string? key, CancellationToken cancellationToken)
    {
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
