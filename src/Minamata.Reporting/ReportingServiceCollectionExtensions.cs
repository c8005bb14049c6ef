using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Access;
using Minamata.Reporting.Api;
using Minamata.Reporting.Compilation;
using Minamata.Reporting.Deadlines;
using Minamata.Reporting.Documents;
using Minamata.Reporting.Index;
using Minamata.Reporting.Intake;
using Minamata.Reporting.Issuance;
using Minamata.Reporting.Mail;
using Minamata.Reporting.Metadata;
using Minamata.Reporting.Notifications;
using Minamata.Reporting.Portal;
using Minamata.Reporting.Receipts;
using Minamata.Reporting.Storage;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting;

public static class ReportingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the whole pipeline; both hosts call this once and add only their triggers or routes
    /// (and, for the server, <see cref="AddInProcessWork"/>). Nothing here depends on the host.
    /// </summary>
    public static IServiceCollection AddMinamataReporting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.Section)).ValidateWith(new AccessOptionsValidator());
        services.AddOptions<ExtractionOptions>().Bind(configuration.GetSection(ExtractionOptions.Section)).ValidateWith(new ExtractionOptionsValidator());
        services.AddOptions<IntakeOptions>().Bind(configuration.GetSection(IntakeOptions.Section)).ValidateWith(new IntakeOptionsValidator());
        services.AddOptions<HttpOptions>().Bind(configuration.GetSection(HttpOptions.Section)).ValidateWith(new HttpOptionsValidator());
        services.AddOptions<SubmissionOptions>().Bind(configuration.GetSection(SubmissionOptions.Section))
            .Validate(o => o.PublicBlobEndpoint is null || (o.PublicBlobEndpoint.IsAbsoluteUri && o.PublicBlobEndpoint.Scheme is "http" or "https"),
                "Minamata:Submissions:PublicBlobEndpoint must be an absolute http or https URL.")
            .ValidateWith(new SubmissionOptionsValidator());
        services.AddOptions<DeadlineOptions>().Bind(configuration.GetSection(DeadlineOptions.Section)).ValidateWith(new DeadlineOptionsValidator());
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateWith(new SmtpOptionsValidator());
        services.AddOptions<PublicOptions>().Bind(configuration.GetSection(PublicOptions.Section)).ValidateWith(new PublicOptionsValidator());
        services.AddOptions<MailIntakeOptions>().Bind(configuration.GetSection(MailIntakeOptions.Section)).ValidateWith(new MailIntakeOptionsValidator());

        services.ConfigureHttpJsonOptions(o => ReportingJson.Shape(o.SerializerOptions));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => ReportStorageClients.FromConfiguration(configuration));

        services.AddSingleton<PartnerDirectory>();
        services.AddSingleton<CallerAuthenticator>();
        services.AddSingleton<ReportIndex>();
        services.AddSingleton<ReportHistory>();
        services.AddSingleton<ContentHashes>();
        services.AddSingleton<CycleStore>();
        services.AddSingleton<UploadUrls>();
        services.AddSingleton<ReportSubmissions>();
        services.AddSingleton<Withdrawals>();
        services.AddSingleton<PartnerUploadLimits>();
        services.AddDocumentReaders();
        services.AddSingleton<ReportIntake>();
        services.AddSingleton<ReconcileSweep>();
        services.AddSingleton<Reextraction>();
        services.AddSingleton<CompilationStore>();
        services.AddReportWriters();
        services.AddSingleton<CompilationRunner>();
        services.AddNotifications();
        services.AddSingleton<DeadlineNotifier>();
        services.AddSingleton<ReportReceipts>();
        services.AddSingleton<ArrivalsDigest>();
        services.AddSingleton<MailReplies>();
        services.AddSingleton<MailboxLogin>();
        services.AddKeyedSingleton(MailboxLogin.CredentialKey, (provider, _) => MailboxLogin.CredentialFrom(provider.GetRequiredService<IOptions<MailIntakeOptions>>().Value));
        services.AddSingleton<MailIntake>();

        services.AddSingleton<ApiCall>();
        services.AddSingleton<MultipartUpload>();
        services.AddSingleton<HealthHandler>();
        services.AddSingleton<FailedKeyLimiter>();
        services.AddSingleton<PartnerHandlers>();
        services.AddSingleton<ReportHandlers>();
        services.AddSingleton<ReviewHandlers>();
        services.AddSingleton<IssuanceHandlers>();
        services.AddSingleton<InfIssuance>();
        services.AddSingleton<CycleHandlers>();
        services.AddSingleton<UploadHandlers>();
        services.AddSingleton<CompilationHandlers>();
        services.AddSingleton<NotificationHandlers>();
        services.AddSingleton<PortalHandler>();
        services.AddSingleton<ApiReferenceHandler>();

        // In Azure, Event Grid tells the intake of every upload; the server replaces this with its watcher.
        services.AddSingleton<IUploadNotifier, BlobEventsNotifyUploads>();
        return services;
    }

    /// <summary>
    /// Creates the containers, tables and queues at start, where no infrastructure template did
    /// (the server, a local Functions run, tests); in Azure the template provisions them.
    /// </summary>
    public static IServiceCollection AddStorageProvisioning(this IServiceCollection services)
    {
        services.AddHostedService<StorageProvisioner>();
        return services;
    }

    /// <summary>
    /// What the triggers do in Azure, done by loops in the process: the self-hosted server's upload
    /// watcher, compilation queue loop, reminder schedule and mail intake, on storage it provisions itself.
    /// </summary>
    public static IServiceCollection AddInProcessWork(this IServiceCollection services)
    {
        services.AddStorageProvisioning();
        services.AddSingleton<UploadWatcher>();
        services.Replace(ServiceDescriptor.Singleton<IUploadNotifier>(provider => provider.GetRequiredService<UploadWatcher>()));
        services.AddHostedService(provider => provider.GetRequiredService<UploadWatcher>());
        services.AddHostedService<CompilationQueueWorker>();
        services.AddHostedService<DeadlineScheduler>();
        services.AddHostedService<MailIntakeScheduler>();
        return services;
    }
}
