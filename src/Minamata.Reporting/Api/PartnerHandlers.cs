using System.Net.Mail;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Minamata.Reporting.Access;
using Minamata.Reporting.Metadata;

namespace Minamata.Reporting.Api;

/// <summary>The secretariat's routes for partner organisations and their keys.</summary>
public sealed class PartnerHandlers(ApiCall call, PartnerDirectory directory)
{
    /// <summary>Copied focal points per partner: enough for deputies and shared mailboxes, few enough to stay a copy list.</summary>
    private const int MaxCopied = 10;

    public Task<Results<Created<IssuedKey>, ApiProblemResult>> CreateAsync(HttpRequest request) =>
        call.RunAsync(request, Audience.Secretariat, async (_, cancellationToken) =>
        {
            var partner = Validate(await JsonBody.ReadAsync<PartnerBody>(request, cancellationToken));
            var issued = await directory.CreateAsync(partner, cancellationToken)
                ?? throw new ApiProblem(StatusCodes.Status409Conflict, ApiProblemCodes.Conflict, $"A partner with id '{partner.Id}' exists already.")
                {
                    Errors = new Dictionary<string, string[]> { ["id"] = [$"A partner with id '{partner.Id}' exists already."] },
                };
            return TypedResults.Created((string?)null, issued);
        });

    public Task<Results<Created<IssuedKey>, ApiProblemResult>> ReissueKeyAsync(HttpRequest request, string id) =>
        call.RunAsync(request, Audience.Secretariat, async (_, cancellationToken) =>
        {
            try
            {
                var issued = (PartnerId.IsValid(id) ? await directory.ReissueKeyAsync(id, cancellationToken) : null)
                    ?? throw ApiProblem.NotFound($"partner '{id}'");
                return TypedResults.Created((string?)null, issued);
            }
            catch (KeyReissueConflictException e)
            {
                throw new ApiProblem(StatusCodes.Status409Conflict, ApiProblemCodes.Conflict, e.Message + " Ask again for a key that works.");
            }
        });

    /// <summary><c>GET /api/me</c>: who the key belongs to, so the portal can show the right view.</summary>
    public Task<Results<Ok<CallerView>, ApiProblemResult>> MeAsync(HttpRequest request) =>
        call.RunAsync(request, Audience.AnyCaller, async (caller, cancellationToken) =>
        {
            if (caller.PartnerId is not { } id)
            {
                return TypedResults.Ok(new CallerView(Caller.SecretariatName));
            }

            var partner = await directory.GetAsync(id, cancellationToken);
            return TypedResults.Ok(new CallerView("partner", id, partner?.Name, partner?.Language));
        });

    public Task<Results<Ok<ItemList<Partner>>, ApiProblemResult>> ListAsync(HttpRequest request) =>
        call.RunAsync(request, Audience.Secretariat, async (_, cancellationToken) =>
            TypedResults.Ok(new ItemList<Partner>(await directory.ListAsync(cancellationToken))));

    private static Partner Validate(PartnerBody body)
    {
        if (!PartnerId.IsValid(body.Id))
        {
            throw ApiProblem.Invalid("id", $"'id' must be an upper-case code of at most {PartnerId.MaxLength} letters, digits and hyphens, e.g. WHO or ISP-CWP.");
        }

        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 200)
        {
            throw ApiProblem.Invalid("name", "'name' is required, at most 200 characters.");
        }

        if (!IsOneAddress(body.Email))
        {
            throw ApiProblem.Invalid("email", "'email' must be one e-mail address, e.g. focal@who.example.");
        }

        var cc = body.Cc ?? [];
        if (cc.Count > MaxCopied || !cc.All(IsOneAddress) || cc.Append(body.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count() != cc.Count + 1)
        {
            throw ApiProblem.Invalid("cc", $"'cc' must be a list of at most {MaxCopied} further e-mail addresses, each once and other than 'email', e.g. [\"deputy@who.example\"].");
        }

        var language = body.Language ?? "en";
        if (!LanguageCodes.IsIso6391(language))
        {
            throw ApiProblem.Invalid("language", "'language' must be an ISO 639-1 code such as en, fr, es, ru, ar or zh.");
        }

        return new Partner(body.Id!, body.Name.Trim(), body.Email!, language, cc!);
    }

    private static bool IsOneAddress(string? value) =>
        value is { Length: <= 254 } && MailAddress.TryCreate(value, out var address) && address.Address == value;

    /// <summary>The request body, as the OpenAPI document describes it.</summary>
    public sealed record PartnerBody(string? Id, string? Name, string? Email, string? Language = null, IReadOnlyList<string?>? Cc = null);
}
