using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Minamata.Reporting.Deadlines;
using Minamata.Reporting.Notifications;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Api;

/// <summary><c>GET /api/notifications</c>: every notification sent, recorded or failed, for the secretariat.</summary>
public sealed class NotificationHandlers(ApiCall call, NotificationLedger ledger)
{
    public Task<Results<Ok<ItemList<NotificationRecord>>, ApiProblemResult>> ListAsync(HttpRequest request) =>
        call.RunAsync(request, Audience.Secretariat, async (_, cancellationToken) =>
        {
            var cycle = request.Query["cycle"].ToString() is { Length: > 0 } value
                ? CycleId.IsValid(value) ? value : throw ApiProblem.Validation("'cycle' must be a cycle id such as COP-7.")
                : null;
            var items = await ledger.ListAsync(cycle, cancellationToken);
            return TypedResults.Ok(new ItemList<NotificationRecord>(items));
        });
}
