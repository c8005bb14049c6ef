using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Minamata.Reporting.Deadlines;
using Minamata.Reporting.Notifications;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Api;

/// <summary>
/// <c>GET /api/notifications</c>: every notification sent, recorded or failed, for the secretariat,
/// each kept in the outbox with a link to read it; <c>GET /api/outbox/{cycle}/{partner}/{message}</c>:
/// one such message, as it was written.
/// </summary>
public sealed class NotificationHandlers(ApiCall call, NotificationLedger ledger, OutboxReader outbox)
{
    public Task<Results<Ok<ItemList<NotificationRecord>>, ApiProblemResult>> ListAsync(HttpRequest request) =>
        call.RunAsync(request, Audience.Secretariat, async (_, cancellationToken) =>
        {
            var cycle = request.Query["cycle"].ToString() is { Length: > 0 } value
                ? CycleId.IsValid(value) ? value : throw ApiProblem.Validation("'cycle' must be a cycle id such as COP-7.")
                : null;
            var items = (await ledger.ListAsync(cycle, cancellationToken)).Select(WithMessageLink);
            return TypedResults.Ok(new ItemList<NotificationRecord>(items));
        });

    public Task<Results<Ok<OutboxMessage>, ApiProblemResult>> MessageAsync(HttpRequest request, string cycle, string partner, string message) =>
        call.RunAsync(request, Audience.Secretariat, async (_, cancellationToken) =>
            TypedResults.Ok(await outbox.ReadAsync(cycle, partner, message, cancellationToken) ?? throw ApiProblem.NotFound($"message '{message}' to {partner} for {cycle} in the outbox")));

    private static NotificationRecord WithMessageLink(NotificationRecord record) =>
        record is { Channel: OutboxChannel.ChannelName, Status: NotificationStatus.Recorded }
            ? record with { Message = ApiRoutes.OutboxMessagePath(record.Cycle, record.Partner, OutboxChannel.MessageName(record.ToPlanned())) }
            : record;
}
