using Microsoft.Extensions.DependencyInjection;

namespace Minamata.Reporting.Notifications;

public static class NotificationServices
{
    /// <summary>The ledger, the dispatcher and every channel; a new channel is one line here.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSingleton<SmtpSender>();
        services.AddSingleton<INotificationChannel, EmailChannel>();
        services.AddSingleton<INotificationChannel, OutboxChannel>();
        services.AddSingleton<NotificationLedger>();
        services.AddSingleton<OutboxReader>();
        services.AddSingleton<NotificationDispatcher>();
        return services;
    }
}
