using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Minamata.Reporting.Storage;

namespace Minamata.Integration.Tests;

/// <summary>The Azure Functions app and the self-hosted server must serve exactly the same routes.</summary>
[Collection(StorageCollection.Name)]
public sealed class RouteParityTests(ServerFixture fixture)
{
    [Fact]
    public void The_functions_build_and_the_server_serve_the_same_http_routes_and_methods()
    {
        var functionRoutes = FunctionsMetadata()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
            .SelectMany(b => b.GetProperty("methods").EnumerateArray().Select(m => $"{m.GetString()!.ToUpperInvariant()} /{b.GetProperty("route").GetString()}"))
            .Order()
            .ToList();

        var serverRoutes = fixture.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order()
            .ToList();

        Assert.Equal(29, functionRoutes.Count);
        Assert.Equal(functionRoutes, serverRoutes);
    }

    [Fact]
    public void The_functions_build_has_the_event_grid_blob_trigger_the_timers_and_the_compilation_queue_triggers()
    {
        var trigger = FunctionsMetadata()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray().Select(b => (Function: f.GetProperty("name").GetString(), Binding: b)))
            .Single(x => x.Binding.GetProperty("type").GetString() == "blobTrigger");
        var timers = FunctionsMetadata()
            .Where(f => f.GetProperty("bindings").EnumerateArray().Any(b => b.GetProperty("type").GetString() == "timerTrigger"))
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("bindings")[0].GetProperty("schedule").GetString());
        var queues = FunctionsMetadata()
            .Where(f => f.GetProperty("bindings").EnumerateArray().Any(b => b.GetProperty("type").GetString() == "queueTrigger"))
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("bindings")[0].GetProperty("queueName").GetString());

        Assert.Equal("IntakeUpload", trigger.Function);
        Assert.Equal($"{StorageNames.UploadContainer}/{{name}}", trigger.Binding.GetProperty("path").GetString());
        Assert.Equal("EventGrid", trigger.Binding.GetProperty("source").GetString());
        Assert.Equal(StorageNames.ConnectionName, trigger.Binding.GetProperty("connection").GetString());
        Assert.Equal("%Minamata:Intake:ReconcileSchedule%", timers["ReconcileUploads"]);
        Assert.Equal("%Minamata:Deadlines:Schedule%", timers["SendDeadlineReminders"]);
        Assert.Equal(new Dictionary<string, string?> { ["RunCompilation"] = "compilations", ["FailPoisonedCompilation"] = "compilations-poison" }, queues);
    }

    /// <summary>The <c>functions.metadata</c> the Functions SDK wrote into the Functions project's build output.</summary>
    internal static List<JsonElement> FunctionsMetadata()
    {
        // The tests and the Functions project are built in the same configuration (Debug, Release).
        var configuration = typeof(RouteParityTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var path = Path.Combine(ServerFixture.RepositoryRoot, "src", "Minamata.Functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"The Functions build wrote no {path}");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
