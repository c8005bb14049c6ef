using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Minamata.Reporting.Access;
using Minamata.Reporting.Index;
using Minamata.Reporting.Review;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Api;

/// <summary>Reporting cycles: the secretariat opens them; everyone sees where partners stand.</summary>
public sealed partial class CycleHandlers(ApiCall call, CycleStore cycles, PartnerDirectory partners, ReportIndex index)
{
    public Task<Results<Results<Created<ReportingCycle>, Ok<ReportingCycle>>, ApiProblemResult>> PutAsync(HttpRequest request, string cycle) =>
        call.RunAsync<Results<Created<ReportingCycle>, Ok<ReportingCycle>>>(request, Audience.Secretariat, async (_, cancellationToken) =>
        {
            if (!CycleId.IsValid(cycle))
            {
                throw ApiProblem.Invalid("id", "The cycle id must name a meeting, e.g. COP-7 or OEWG-1.");
            }

            var body = await JsonBody.ReadAsync<CycleBody>(request, cancellationToken);
            var opened = await ValidateAsync(cycle, body, cancellationToken);
            var created = await cycles.PutAsync(opened, cancellationToken);
            return created ? TypedResults.Created((string?)null, opened) : TypedResults.Ok(opened);
        });

    /// <summary><c>GET /api/cycles</c>: every cycle, for partners choosing where to report and the secretariat's overview.</summary>
    public Task<Results<Ok<ItemList<ReportingCycle>>, ApiProblemResult>> ListAsync(HttpRequest request) =>
        call.RunAsync(request, Audience.AnyCaller, async (caller, cancellationToken) =>
        {
            // A partner sees whether it is expected, never which other partners are.
            var items = (await cycles.ListAsync(cancellationToken))
                .Select(c => caller.IsSecretariat ? c : c with { ExpectedPartners = [.. c.ExpectedPartners.Where(p => p == caller.PartnerId)] })
                .OrderByDescending(c => c.SubmissionDeadline);
            return TypedResults.Ok(new ItemList<ReportingCycle>(items));
        });

    public Task<Results<Ok<CycleStatus>, ApiProblemResult>> StatusAsync(HttpRequest request, string cycle) =>
        call.RunAsync(request, Audience.AnyCaller, async (caller, cancellationToken) =>
        {
            var found = await cycles.GetAsync(cycle, cancellationToken) ?? throw ApiProblem.NotFound($"reporting cycle '{cycle}'");
            var reports = await index.ListCycleAsync(found.Id, caller.PartnerId, cancellationToken);
            return TypedResults.Ok(CycleStatus.Compute(found, reports, caller.PartnerId));
        });

    /// <summary><c>GET /api/cycles/{cycle}/review</c>: the cycle's reports the secretariat should look at, most reasons first.</summary>
    public Task<Results<Ok<ItemList<ReviewItem>>, ApiProblemResult>> ReviewAsync(HttpRequest request, string cycle) =>
        call.RunAsync(request, Audience.Secretariat, async (_, cancellationToken) =>
        {
            var found = await cycles.GetAsync(cycle, cancellationToken) ?? throw ApiProblem.NotFound($"reporting cycle '{cycle}'");
            var items = (await index.ListCycleAsync(found.Id, null, cancellationToken))
                .Select(r => (Report: r, Reasons: ReviewReasons.For(r)))
                .Where(r => r.Reasons.Count > 0)
                .OrderByDescending(r => r.Reasons.Count).ThenBy(r => r.Report.ReceivedAt)
                .Select(r => new ReviewItem(r.Report.Id, r.Report.Partner, r.Report.FileName, r.Reasons));
            return TypedResults.Ok(new ItemList<ReviewItem>(items));
        });

    private async Task<ReportingCycle> ValidateAsync(string cycle, CycleBody body, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Title) || body.Title.Length > 200)
        {
            throw ApiProblem.Invalid("title", "'title' is required, at most 200 characters.");
        }

        var meeting = body.MeetingStart ?? throw ApiProblem.Invalid("meetingStart", "'meetingStart' is a required date (YYYY-MM-DD).");
        var deadline = body.SubmissionDeadline ?? throw ApiProblem.Invalid("submissionDeadline", "'submissionDeadline' is a required date (YYYY-MM-DD).");
        if (deadline >= meeting)
        {
            throw ApiProblem.Invalid("submissionDeadline", "'submissionDeadline' must come before 'meetingStart'.");
        }

        var expected = (body.ExpectedPartners ?? []).Distinct().ToList();
        if (expected.FirstOrDefault(p => !PartnerId.IsValid(p)) is { } malformed)
        {
            throw ApiProblem.Invalid("expectedPartners", $"'{malformed}' in 'expectedPartners' is not a partner id.");
        }

        var known = (await partners.ListAsync(cancellationToken)).Select(p => p.Id).ToHashSet();
        if (expected.Where(p => !known.Contains(p)).ToList() is { Count: > 0 } unknown)
        {
            var detail = $"There are no partners {string.Join(", ", unknown)}.";
            throw new ApiProblem(StatusCodes.Status400BadRequest, ApiProblemCodes.UnknownPartner, detail) { Errors = new Dictionary<string, string[]> { ["expectedPartners"] = [detail] } };
        }

        var reminders = body.ReminderDays ?? [.. ReportingCycle.DefaultReminderDays];
        if (reminders.Any(d => d is < 1 or > 365) || reminders.Distinct().Count() != reminders.Length)
        {
            throw ApiProblem.Invalid("reminderDays", "'reminderDays' must be distinct numbers of days from 1 to 365.");
        }

        return new ReportingCycle(cycle, body.Title.Trim(), meeting, deadline, expected, reminders.OrderDescending().ToList())
        {
            Venue = Venue(body.Venue),
            MeetingEnd = body.MeetingEnd is { } end && end < meeting ? throw ApiProblem.Invalid("meetingEnd", "'meetingEnd' must be on or after 'meetingStart'.") : body.MeetingEnd,
            AgendaItem = Agenda(body.AgendaItem),
            InfSeries = Series(body.InfSeries),
            Receipts = body.Receipts ?? true,
        };
    }

    private static string? Venue(string? venue) => venue is null
        ? null
        : string.IsNullOrWhiteSpace(venue) || venue.Length > 200 ? throw ApiProblem.Invalid("venue", "'venue' must name the meeting's place, at most 200 characters, e.g. \"Geneva\".") : venue.Trim();

    private static AgendaItem? Agenda(AgendaItemBody? item) => item switch
    {
        null => null,
        { Number: { Length: > 0 and <= 20 } number, Title: { Length: > 0 and <= 300 } title } when !string.IsNullOrWhiteSpace(number) && !string.IsNullOrWhiteSpace(title) => new AgendaItem(number.Trim(), title.Trim()),
        _ => throw ApiProblem.Invalid("agendaItem", "'agendaItem' must have a 'number' (at most 20 characters, e.g. \"5 (k)\") and a 'title' (at most 300)."),
    };

    private static InfSeries? Series(InfSeriesBody? series) => series switch
    {
        null => null,
        { Prefix: { Length: <= 60 } prefix, First: >= 1 and <= 9999 } when SeriesPrefix().IsMatch(prefix) => new InfSeries(prefix, series.First.Value),
        _ => throw ApiProblem.Invalid("infSeries", "'infSeries' must have a 'prefix' ending in '/' (a document symbol of at most 60 characters, e.g. \"UNEP/MC/COP.7/INF/\") and a 'first' number from 1 to 9999."),
    };

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9.\-]*(/[A-Za-z0-9.\-]+)*/$", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex SeriesPrefix();

    /// <summary>The request body, as the OpenAPI document describes it.</summary>
    public sealed record CycleBody(
        string? Title,
        DateOnly? MeetingStart,
        DateOnly? SubmissionDeadline,
        string[]? ExpectedPartners,
        int[]? ReminderDays = null,
        string? Venue = null,
        DateOnly? MeetingEnd = null,
        AgendaItemBody? AgendaItem = null,
        InfSeriesBody? InfSeries = null,
        bool? Receipts = null);

    public sealed record AgendaItemBody(string? Number, string? Title);

    public sealed record InfSeriesBody(string? Prefix, int? First);
}
