using System.Reflection;
using System.Text.Json;
using Minamata.Reporting;
using Minamata.Reporting.Storage;

namespace Minamata.Integration.Tests;

/// <summary>
/// The Azure deployment in infra/: the Bicep builds and lints clean with the Bicep CLI restored
/// from NuGet, sets every setting the code reads, and gives every function what it needs.
/// (Deploying it needs an Azure subscription, which this machine cannot reach.)
/// </summary>
public sealed class InfrastructureTests
{
    private const string BicepVersion = "0.49.2";
    private static readonly string Infra = Path.Combine(ServerFixture.RepositoryRoot, "infra");

    [Theory]
    [InlineData("main.bicep")]
    [InlineData("eventgrid.bicep")]
    public async Task The_bicep_builds_and_lints_with_no_warnings(string file)
    {
        var (buildExit, _, buildErrors) = await BicepAsync("build", Path.Combine(Infra, file), "--stdout");
        var (lintExit, lintOutput, lintErrors) = await BicepAsync("lint", Path.Combine(Infra, file));

        Assert.True(buildExit == 0 && buildErrors.Length == 0, buildErrors);
        Assert.True(lintExit == 0 && lintOutput.Trim().Length == 0 && lintErrors.Trim().Length == 0, lintOutput + lintErrors);
    }

    [Fact]
    public async Task Every_setting_the_code_reads_is_set_in_the_bicep()
    {
        var template = await BuildAsync("main.bicep");
        var settings = OptionSettings()
            .Concat(new[] { "blobServiceUri", "queueServiceUri", "tableServiceUri", "credential", "clientId" }.SelectMany(s => new[] { $"{StorageNames.ConnectionName}__{s}", $"AzureWebJobsStorage__{s}" }))
            .Append("APPLICATIONINSIGHTS_CONNECTION_STRING")
            .Append("AZURE_CLIENT_ID")
            .ToList();

        Assert.Contains("Minamata__Smtp__Host", settings);
        Assert.All(settings, name => Assert.True(template.Contains($"\"{name}\"", StringComparison.Ordinal), $"infra/ does not set {name}"));
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", template);
        Assert.Contains("\"allowSharedKeyAccess\": false", template);
        Assert.Contains("\"DisableLocalAuth\": true", template);
        Assert.Contains("\"name\": \"FC1\"", template);
        Assert.Contains("\"version\": \"10.0\"", template);
    }

    [Fact]
    public async Task Azd_offers_only_flex_consumption_regions_and_the_secretariat_key_is_given_not_made_anew_by_each_provision()
    {
        var main = JsonDocument.Parse(await BuildAsync("main.bicep")).RootElement;
        var parameters = main.GetProperty("parameters");
        var location = parameters.GetProperty("location");
        var regions = location.GetProperty("allowedValues").EnumerateArray().Select(r => r.GetString()!).ToList();

        Assert.Equal("location", location.GetProperty("metadata").GetProperty("azd").GetProperty("type").GetString());
        Assert.Contains("westeurope", regions);
        Assert.Contains("eastus", regions);
        Assert.DoesNotContain(regions, r => r.EndsWith("euap", StringComparison.Ordinal));
        // The key comes from the azd environment (the preprovision hook makes it once): no default, no newGuid().
        var key = parameters.GetProperty("secretariatKey");
        Assert.Equal("securestring", key.GetProperty("type").GetString());
        Assert.Equal(24, key.GetProperty("minLength").GetInt32());
        Assert.False(key.TryGetProperty("defaultValue", out _));
        Assert.DoesNotContain("newGuid", main.GetRawText());
        Assert.Contains("\"value\": \"${MINAMATA_SECRETARIAT_KEY}\"", await File.ReadAllTextAsync(Path.Combine(Infra, "main.parameters.json")));
    }

    [Fact]
    public async Task The_templates_use_released_api_versions_and_only_the_roles_the_code_needs()
    {
        var templates = await BuildAsync("main.bicep") + await BuildAsync("eventgrid.bicep");

        Assert.DoesNotContain("-preview", templates);
        // Storage Blob Delegator: Storage Blob Data Owner already lets the identity make user delegation keys.
        Assert.DoesNotContain("db58b8e5-c6ad-4a2a-8342-4190687cbf4a", templates);
    }

    [Fact]
    public async Task Every_setting_the_code_reads_is_described_in_the_settings_reference()
    {
        var reference = await File.ReadAllTextAsync(Path.Combine(ServerFixture.RepositoryRoot, "docs", "settings.md"));

        Assert.All(OptionSettings(), name => Assert.True(reference.Contains($"| `{name}` |", StringComparison.Ordinal), $"docs/settings.md has no row for {name}"));
    }

    [Fact]
    public async Task Every_function_has_what_it_needs_in_azure()
    {
        var template = await BuildAsync("main.bicep");
        var subscription = JsonDocument.Parse(await BuildAsync("eventgrid.bicep")).RootElement;
        var functions = JsonDocument.Parse(await File.ReadAllTextAsync(FunctionsMetadataPath())).RootElement.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray().Select(b => (Name: f.GetProperty("name").GetString()!, Binding: b)))
            .Where(f => f.Binding.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal))
            .ToList();

        foreach (var (name, binding) in functions)
        {
            switch (binding.GetProperty("type").GetString())
            {
                case "blobTrigger":
                    // Event Grid must call this very function, for this container's blobs.
                    Assert.Equal(name, subscription.GetProperty("parameters").GetProperty("functionName").GetProperty("defaultValue").GetString());
                    var container = binding.GetProperty("path").GetString()!.Split('/')[0];
                    Assert.Contains($"/blobServices/default/containers/{container}/", subscription.GetRawText());
                    Assert.Contains($"'{container}'", await File.ReadAllTextAsync(Path.Combine(Infra, "resources.bicep")));
                    Assert.Equal(StorageNames.ConnectionName, binding.GetProperty("connection").GetString());
                    break;
                case "queueTrigger":
                    Assert.Contains($"'{binding.GetProperty("queueName").GetString()}'", await File.ReadAllTextAsync(Path.Combine(Infra, "resources.bicep")));
                    Assert.Equal(StorageNames.ConnectionName, binding.GetProperty("connection").GetString());
                    break;
                case "timerTrigger":
                    var schedule = binding.GetProperty("schedule").GetString()!;
                    if (schedule.StartsWith('%'))
                    {
                        Assert.Contains($"\"{schedule.Trim('%').Replace(":", "__", StringComparison.Ordinal)}\"", template);
                    }

                    break;
                case "httpTrigger":
                    Assert.Equal("anonymous", binding.GetProperty("authLevel").GetString()!.ToLowerInvariant());
                    break;
                default:
                    Assert.Fail($"{name} has a trigger infra/ knows nothing about");
                    break;
            }
        }

        Assert.Contains(functions, f => f.Binding.GetProperty("type").GetString() == "blobTrigger");
    }

    /// <summary>The environment variable of every option the core binds: section and property, ':' written '__'.</summary>
    private static IEnumerable<string> OptionSettings() =>
        typeof(ReportingServiceCollectionExtensions).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal) && t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true })
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite)
                .Select(p => $"{((string)t.GetField("Section")!.GetRawConstantValue()!).Replace(":", "__", StringComparison.Ordinal)}__{p.Name}"));

    private static async Task<string> BuildAsync(string file)
    {
        var (exit, output, errors) = await BicepAsync("build", Path.Combine(Infra, file), "--stdout");
        Assert.True(exit == 0, errors);
        return output;
    }

    private static async Task<(int Exit, string Output, string Errors)> BicepAsync(params string[] args)
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var bicep = Path.Combine(packages, "azure.bicep.commandline.linux-x64", BicepVersion, "tools", "bicep");
        Assert.True(File.Exists(bicep), $"The test project's restore should have downloaded the Bicep CLI to {bicep}");
        if (!OperatingSystem.IsWindows())
        {
            // NuGet does not keep the executable bit of files in a package.
            File.SetUnixFileMode(bicep, File.GetUnixFileMode(bicep) | UnixFileMode.UserExecute);
        }
        // Offline here: the CLI must not try to reach a module registry or check for updates.
        return await ToolProcess.RunAsync(bicep, args, environment: new Dictionary<string, string> { ["BICEP_TRACING_ENABLED"] = "false" }, timeout: TimeSpan.FromMinutes(2));
    }

    private static string FunctionsMetadataPath()
    {
        var configuration = typeof(InfrastructureTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        return Path.Combine(ServerFixture.RepositoryRoot, "src", "Minamata.Functions", "bin", configuration, "net10.0", "functions.metadata");
    }
}
