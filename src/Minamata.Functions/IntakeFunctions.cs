using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Minamata.Reporting.Intake;
using Minamata.Reporting.Storage;

namespace Minamata.Functions;

/// <summary>Event Grid delivers every blob created in the upload container; the core takes it in. A timer heals what events miss.</summary>
public sealed class IntakeFunctions(ReportIntake intake, ReconcileSweep sweep)
{
    /// <summary>The app setting Minamata:Intake:ReconcileSchedule (every five minutes unless set).</summary>
    public const string ReconcileScheduleSetting = "%" + IntakeOptions.Section + ":" + nameof(IntakeOptions.ReconcileSchedule) + "%";

    /// <summary>The name the Event Grid subscription in infra/ delivers to.</summary>
    public const string IntakeFunctionName = "IntakeUpload";

    [Function(IntakeFunctionName)]
    public Task IntakeUpload(
        [BlobTrigger(StorageNames.UploadContainer + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = StorageNames.ConnectionName)] BlobClient blob,
        CancellationToken cancellationToken) =>
        intake.ProcessAsync(blob.Name, cancellationToken);

    [Function("ReconcileUploads")]
    public Task ReconcileUploads([TimerTrigger(ReconcileScheduleSetting, RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken) =>
        sweep.RunAsync(cancellationToken);
}
