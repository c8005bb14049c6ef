using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Minamata.Integration.Tests;

/// <summary>
/// The azd hooks of infra/hooks, in both shells (sh, and PowerShell 7 from the repository's tool
/// manifest), run against fakes of <c>az</c>, <c>azd</c> and <c>curl</c> put first on the PATH:
/// scripts that write down how they were called and answer as the real ones would, the key read
/// failing as many times as a test says. Azure itself cannot be reached from here. The fakes are
/// sh scripts: the tests run where the CI runs, on Linux.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class DeploymentHookTests : IDisposable
{
    private const string Subscription = "11111111-2222-3333-4444-555555555555";
    private static readonly string Hooks = Path.Combine(ServerFixture.RepositoryRoot, "infra", "hooks");
    private static readonly Lazy<Task> ToolsRestored = new(() => ToolProcess.RunAsync("dotnet", ["tool", "restore"], ServerFixture.RepositoryRoot));

    private readonly string folder = Directory.CreateTempSubdirectory("minamata-hooks-").FullName;

    public DeploymentHookTests()
    {
        var bin = Directory.CreateDirectory(Path.Combine(folder, "bin")).FullName;
        // Each fake writes one line per call: its name and its arguments.
        Fake(bin, "az", """
            echo "az $*" >> "$FAKE_LOG"
            case "$*" in
              *"functionapp keys list"*)
                count=$(($(cat "$FAKE_STATE/keys" 2>/dev/null || echo 0) + 1)); echo "$count" > "$FAKE_STATE/keys"
                if [ "$count" -le "${FAKE_KEY_FAILURES:-0}" ]; then echo "ERROR: Operation returned an invalid status 'Bad Request'" >&2; exit 1; fi
                echo "blob-extension-key" ;;
              *"deployment group create"*)
                count=$(($(cat "$FAKE_STATE/deploys" 2>/dev/null || echo 0) + 1)); echo "$count" > "$FAKE_STATE/deploys"
                if [ "$count" -le "${FAKE_DEPLOY_FAILURES:-0}" ]; then echo "ERROR: Webhook validation handshake failed" >&2; exit 1; fi ;;
              *) echo "unexpected az call" >&2; exit 2 ;;
            esac
            """);
        Fake(bin, "azd", """echo "azd $*" >> "$FAKE_LOG" """);
        Fake(bin, "curl", """echo "curl $*" >> "$FAKE_LOG" """);
        Directory.CreateDirectory(Path.Combine(folder, "state"));
    }

    public static TheoryData<string> Shells => ["sh", "pwsh"];

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task Postdeploy_names_the_subscription_wakes_the_host_and_waits_for_the_key_before_subscribing(string shell)
    {
        using var health = new HealthEndpoint();

        var (exit, _, errors) = await PostdeployAsync(shell, health.Url, ("FAKE_KEY_FAILURES", "2"), ("FAKE_DEPLOY_FAILURES", "1"));

        Assert.True(exit == 0, errors);
        var calls = Calls();
        var az = calls.Where(c => c.StartsWith("az ", StringComparison.Ordinal)).ToList();
        Assert.All(az, call => Assert.Contains($"--subscription {Subscription}", call));
        // Two key reads fail, the third gives the key; the deployment fails its endpoint's validation once, then succeeds.
        Assert.Equal(3, az.Count(c => c.Contains("functionapp keys list --subscription", StringComparison.Ordinal) && c.Contains("--query systemKeys.blobs_extension", StringComparison.Ordinal)));
        var deploys = az.Where(c => c.StartsWith("az deployment group create", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, deploys.Count);
        Assert.All(deploys, d => Assert.Matches(@"--resource-group rg-minamata .*--template-file \S*eventgrid\.bicep.*functionAppName=func-minamata-x storageAccountName=stminamatax systemTopicName=evgt-minamata-x", d));
        Assert.True(az.FindIndex(c => c.StartsWith("az deployment", StringComparison.Ordinal)) > az.FindLastIndex(c => c.Contains("keys list", StringComparison.Ordinal)));
        // The host is woken before the first key read and between tries.
        var wakes = shell == "sh" ? calls.Count(c => c == $"curl --silent --output /dev/null --max-time 60 {health.Url}/api/health") : health.Requests;
        Assert.True(wakes >= 3, $"{wakes} requests to /api/health");
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task Postdeploy_gives_up_after_its_tries_with_a_message_saying_what_to_do(string shell)
    {
        using var health = new HealthEndpoint();

        var (exit, _, errors) = await PostdeployAsync(shell, health.Url, ("FAKE_KEY_FAILURES", "99"));

        Assert.NotEqual(0, exit);
        Assert.Contains("has not created its blob extension key after 3 tries", errors);
        Assert.Contains("azd hooks run postdeploy", errors);
        Assert.Equal(3, Calls().Count(c => c.Contains("keys list", StringComparison.Ordinal)));
        Assert.DoesNotContain(Calls(), c => c.StartsWith("az deployment", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task Preprovision_makes_the_secretariat_key_once_and_keeps_one_already_set(string shell)
    {
        var (exit, _, errors) = await HookAsync(shell, "preprovision", []);

        Assert.True(exit == 0, errors);
        var set = Assert.Single(Calls());
        var key = KeySet().Match(set);
        Assert.True(key.Success, set);
        Assert.Equal(43, key.Groups["key"].Value.Length);

        File.Delete(Path.Combine(folder, "calls.log"));
        (exit, _, errors) = await HookAsync(shell, "preprovision", [("MINAMATA_SECRETARIAT_KEY", "an-existing-key-kept-by-azd-0123456789")]);

        Assert.True(exit == 0, errors);
        Assert.Empty(Calls());
    }

    [Fact]
    public void Azd_runs_each_hook_in_both_shells()
    {
        var manifest = File.ReadAllText(Path.Combine(ServerFixture.RepositoryRoot, "azure.yaml"));

        foreach (var hook in new[] { "preprovision", "postdeploy" })
        {
            Assert.Contains($"run: ./infra/hooks/{hook}.sh", manifest);
            Assert.Contains($"run: ./infra/hooks/{hook}.ps1", manifest);
            Assert.True(File.Exists(Path.Combine(Hooks, $"{hook}.sh")) && File.Exists(Path.Combine(Hooks, $"{hook}.ps1")));
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private Task<(int Exit, string Output, string Errors)> PostdeployAsync(string shell, string url, params (string Name, string Value)[] settings) =>
        HookAsync(shell, "postdeploy", [
            ("AZURE_SUBSCRIPTION_ID", Subscription), ("AZURE_RESOURCE_GROUP", "rg-minamata"), ("AZURE_FUNCTION_APP_NAME", "func-minamata-x"),
            ("AZURE_STORAGE_ACCOUNT_NAME", "stminamatax"), ("AZURE_EVENTGRID_SYSTEM_TOPIC_NAME", "evgt-minamata-x"), ("SERVICE_API_URI", url),
            ("MINAMATA_HOOK_ATTEMPTS", "3"), ("MINAMATA_HOOK_WAIT_SECONDS", "0"), .. settings]);

    private async Task<(int Exit, string Output, string Errors)> HookAsync(string shell, string hook, (string Name, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = $"{Path.Combine(folder, "bin")}:{Environment.GetEnvironmentVariable("PATH")}",
            ["FAKE_LOG"] = Path.Combine(folder, "calls.log"),
            ["FAKE_STATE"] = Path.Combine(folder, "state"),
            // What a test does not set is not set: the hook must not find it in the test runner's environment.
            ["MINAMATA_SECRETARIAT_KEY"] = "",
        };
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        if (shell == "sh")
        {
            return await ToolProcess.RunAsync("sh", [Path.Combine(Hooks, $"{hook}.sh")], folder, environment);
        }

        await ToolsRestored.Value;
        return await ToolProcess.RunAsync("dotnet", ["tool", "run", "pwsh", "-NoProfile", "-NonInteractive", "-File", Path.Combine(Hooks, $"{hook}.ps1")], ServerFixture.RepositoryRoot, environment);
    }

    private List<string> Calls() => File.Exists(Path.Combine(folder, "calls.log")) ? [.. File.ReadAllLines(Path.Combine(folder, "calls.log"))] : [];

    private static void Fake(string bin, string name, string body)
    {
        var path = Path.Combine(bin, name);
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [GeneratedRegex("^azd env set MINAMATA_SECRETARIAT_KEY (?<key>[A-Za-z0-9_-]+)$")]
    private static partial Regex KeySet();

    /// <summary>A stand-in for the app's health endpoint, counting the requests that wake it.</summary>
    private sealed class HealthEndpoint : IDisposable
    {
        private readonly HttpListener listener = new();
        private int requests;

        public HealthEndpoint()
        {
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}";
            listener.Prefixes.Add($"{Url}/");
            listener.Start();
            _ = Task.Run(async () =>
            {
                while (listener.IsListening)
                {
                    try
                    {
                        var context = await listener.GetContextAsync();
                        Interlocked.Increment(ref requests);
                        context.Response.StatusCode = 200;
                        context.Response.Close();
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                    {
                        return;
                    }
                }
            });
        }

        public string Url { get; }

        public int Requests => Volatile.Read(ref requests);

        public void Dispose() => listener.Close();

        private static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
    }
}
