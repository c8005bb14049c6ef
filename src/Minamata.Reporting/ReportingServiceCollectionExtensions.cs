using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Minamata.Reporting.Access;
using Minamata.Reporting.Api;
using Minamata.Reporting.Compilation;
using Minamata.Reporting.Deadlines;
using Minamata.Reporting.Documents;
using Minamata.Reporting.Index;
using Minamata.Reporting.Intake;
using Minamata.Reporting.Metadata;
using Minamata.Reporting.Portal;
using Minamata.Reporting.Storage;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting;

/// <summary>Which host runs the pipeline; it decides who drives the background work.</summary>
public enum ReportingHost
{
    /// <summary>Azure Functions: Event Grid, queue and timer triggers deliver the work.</summary>
    AzureFunctions,

    /// <summary>The self-hosted server: loops in the process do what the triggers do in Azure.</summary>
    SelfHosted,
}

public static class ReportingServiceCollectionExtensions
{
    /// <summary>Registers the whole pipeline; both hosts call this once and add nothing but their triggers or routes.</summary>
    public static IServiceCollection AddMinamataReporting(this IServiceCollection services, IConfiguration configuration, ReportingHost host)
    {
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ExtractionOptions>().Bind(configuration.GetSection(ExtractionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IntakeOptions>().Bind(configuration.GetSection(IntakeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HttpOptions>().Bind(configuration.GetSection(HttpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SubmissionOptions>().Bind(configuration.GetSection(SubmissionOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.PublicBlobEndpoint is null || (o.PublicBlobEndpoint.IsAbsoluteUri && o.PublicBlobEndpoint.Scheme is "http" or "https"),
                "Minamata:Submissions:PublicBlobEndpoint must be an absolute http or https URL.")
            .ValidateOnStart();
        services.AddOptions<DeadlineOptions>().Bind(configuration.GetSection(DeadlineOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PublicOptions>().Bind(configuration.GetSection(PublicOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => ReportStorageClients.FromConfiguration(configuration));
        services.AddHostedService<StorageProvisioner>();

        services.AddSingleton<PartnerDirectory>();
        services.AddSingleton<CallerAuthenticator>();
        services.AddSingleton<ReportIndex>();
        services.AddSingleton<ReportHistory>();
        services.AddSingleton<ContentHashes>();
        services.AddSingleton<CycleStore>();
        services.AddSingleton<UploadUrls>();
        services.AddSingleton<ReportSubmissions>();
        services.AddSingleton<PartnerUploadLimits>();
        services.AddDocumentReaders();
        services.AddSingleton<ReportIntake>();
        services.AddSingleton<ReconcileSweep>();
        services.AddSingleton<CompilationStore>();
        services.AddReportWriters();
        services.AddSingleton<CompilationRunner>();
        services.AddSingleton<NotificationLedger>();
        services.AddSingleton<MailChannel>();
        services.AddSingleton<DeadlineNotifier>();

        services.AddSingleton<ApiCall>();
        services.AddSingleton<MultipartUpload>();
        services.AddSingleton<HealthHandler>();
        services.AddSingleton<FailedKeyLimiter>();
        services.AddSingleton<PartnerHandlers>();
        services.AddSingleton<ReportHandlers>();
        services.AddSingleton<CycleHandlers>();
        services.AddSingleton<UploadHandlers>();
        services.AddSingleton<CompilationHandlers>();
        services.AddSingleton<NotificationHandlers>();
        services.AddSingleton<PortalHandler>();

        if (host == ReportingHost.SelfHosted)
        {
            services.AddSingleton<UploadWatcher>();
            services.AddSingleton<IUploadNotifier>(provider => provider.GetRequiredService<UploadWatcher>());
            services.AddHostedService(provider => provider.GetRequiredService<UploadWatcher>());
            services.AddHostedService<CompilationQueueWorker>();
            services.AddHostedService<DeadlineScheduler>();
        }
        else
        {
            services.AddSingleton<IUploadNotifier, BlobEventsNotifyUploads>();
        }

        return services;
    }
}
