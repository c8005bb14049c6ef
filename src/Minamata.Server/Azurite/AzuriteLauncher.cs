using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Minamata.Server.Azurite;

/// <summary>
/// Starts the Azurite pinned in the repository's package.json on free loopback ports and reads the
/// ports it prints. The self-hosted server and the integration tests both start storage this way.
/// </summary>
public static partial class AzuriteLauncher
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Loaded into Azurite's node before Azurite: at the end of standard input, Azurite's own SIGTERM shutdown, which saves its data.</summary>
    private const string ExitWithParent =
        "data:text/javascript,process.stdin.on('end',()=>process.kill(process.pid,'SIGTERM'));process.stdin.resume();";

    /// <summary>
    /// Starts Azurite; <paramref name="dataDirectory"/> null keeps data in memory only. Without
    /// <paramref name="ports"/> it takes free ports; with them (a restart on the same data) the same ones.
    /// With <paramref name="accessLog"/>, Azurite logs each request it serves, one line each, to it
    /// (how the load test counts storage requests); without, it is silent.
    /// </summary>
    public static async Task<AzuriteInstance> StartAsync(string repositoryRoot, string? dataDirectory, AzuritePorts? ports = null, Action<string>? accessLog = null, CancellationToken cancellationToken = default)
    {
        var script = Path.Combine(repositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed under {repositoryRoot}: run 'npm ci' there (the server and test builds do it by themselves).");
        }

        var start = new ProcessStartInfo("node")
        {
            // Azurite's standard input is a pipe only this process writes to: when this process ends,
            // however it ends (a kill -9 included), the pipe closes and Azurite shuts down cleanly.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = repositoryRoot,
        };
        start.ArgumentList.Add("--import");
        start.ArgumentList.Add(ExitWithParent);
        start.ArgumentList.Add(script);
        // --disableTelemetry: without it Azurite probes a cloud metadata address and lingers after SIGTERM.
        // --skipApiVersionCheck: the Azure SDKs send a service version newer than Azurite knows.
        if (accessLog is null)
        {
            start.ArgumentList.Add("--silent");
        }

        foreach (var argument in new[] { "--disableTelemetry", "--skipApiVersionCheck", "--loose",
                     "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--blobPort", $"{ports?.Blob ?? 0}", "--queuePort", $"{ports?.Queue ?? 0}", "--tablePort", $"{ports?.Table ?? 0}" })
        {
            start.ArgumentList.Add(argument);
        }

        if (dataDirectory is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(dataDirectory);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(dataDirectory);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        var listening = new Dictionary<string, int>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            if (ListeningLine().Match(e.Data) is not { Success: true } match)
            {
                if (AccessLogLine().IsMatch(e.Data))
                {
                    accessLog?.Invoke(e.Data);
                }

                return;
            }

            lock (listening)
            {
                listening[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (listening.Count == 3)
                {
                    ready.TrySetResult();
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            }
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"Azurite exited before it was ready: {errors}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await ready.Task.WaitAsync(StartTimeout, cancellationToken);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }

        return new AzuriteInstance(process, new AzuritePorts(listening["Blob"], listening["Queue"], listening["Table"]));
    }

    /// <summary>
    /// The folder holding the repository's package.json with Azurite, found by walking up from
    /// <paramref name="startDirectory"/> (the app's base directory when built from the repository).
    /// </summary>
    public static string FindRepositoryRoot(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "package.json")) &&
                File.Exists(Path.Combine(directory.FullName, "Minamata.Functions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No repository root (a folder with Minamata.Functions.sln and package.json) above {startDirectory}; set 'ReportStorage' to use other storage.");
    }

    // 127.0.0.1 - - [01/Dec/2026:04:12:00 +0000] "PUT /devstoreaccount1/uploads/x HTTP/1.1" 201 -
    [GeneratedRegex(@"^\S+ - - \[[^\]]+\] ""[A-Z]+ \S+ HTTP/[0-9.]+"" [0-9]{3}")]
    private static partial Regex AccessLogLine();

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://127\.0\.0\.1:(?<port>[0-9]+)")]
    private static partial Regex ListeningLine();
}
