using System.Runtime.InteropServices;
using Minamata.Cli;
using Minamata.Reporting.Compilation;

namespace Minamata.Integration.Tests;

/// <summary>
/// <c>minamata</c> as the README installs it, published with Native AOT once per test run, beside
/// the same command run in this process on the JIT: what the two print is compared.
/// </summary>
public static class NativeCommandLine
{
    private static readonly Lazy<Task<string>> Published = new(PublishAsync);

    public static async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] arguments) =>
        await ToolProcess.RunAsync(await Published.Value, arguments, timeout: TimeSpan.FromMinutes(2));

    public static async Task<(int Exit, string Output, string Errors)> RunJitAsync(params string[] arguments)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await CommandLine.RunAsync(arguments, ReportWriters.Registered(), output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    private static async Task<string> PublishAsync()
    {
        var folder = Directory.CreateTempSubdirectory("minamata-native-").FullName;
        var (exit, output, errors) = await ToolProcess.RunAsync(
            "dotnet",
            ["publish", Path.Combine("src", "Minamata.Cli"), "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-o", folder, "--disable-build-servers", "-nologo"],
            ServerFixture.RepositoryRoot,
            timeout: TimeSpan.FromMinutes(15));
        Assert.True(exit == 0, $"dotnet publish of the command line failed:\n{output}\n{errors}");
        // Compiled ahead of time: one native file, no IL assembly for a runtime to JIT.
        Assert.False(File.Exists(Path.Combine(folder, "minamata.dll")), "the published command line is not native");
        return Path.Combine(folder, "minamata");
    }
}
