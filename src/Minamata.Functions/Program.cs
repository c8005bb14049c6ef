using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Minamata.Reporting;
using Minamata.Reporting.Storage;
using OpenTelemetry;
using OpenTelemetry.Trace;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddMinamataReporting(builder.Configuration);
if (builder.Configuration.GetValue<bool>(StorageNames.ProvisionAtStartSetting))
{
    // A local run on Azurite; in Azure the template has created everything and cold starts skip this.
    builder.Services.AddStorageProvisioning();
}

// Traces of the host and of the pipeline's own spans (intake, compilation) go to Application
// Insights when it is configured; it accepts only Entra ID, so the exporter signs in as the app.
var telemetry = builder.AddOpenTelemetry()
    .UseFunctionsWorkerDefaults()
    .WithTracing(tracing => tracing.AddSource(ReportingTelemetry.SourceName));
if (!string.IsNullOrEmpty(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
{
    telemetry.UseAzureMonitorExporter(exporter =>
    {
        if (builder.Configuration["AZURE_CLIENT_ID"] is { Length: > 0 } clientId)
        {
            exporter.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }
    });
}

builder.Build().Run();
