using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Minamata.Reporting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddMinamataReporting(builder.Configuration, ReportingHost.AzureFunctions);
builder.Build().Run();
