using System.CommandLine;
using System.CommandLine.Help;
using Minamata.Reporting.Compilation;

namespace Minamata.Cli;

/// <summary>
/// The <c>minamata</c> command, on System.CommandLine: <c>--help</c> for it and for each command,
/// and a bad command line (an unknown option, a missing value) answered with one line and exit 2.
/// </summary>
public static class CommandLine
{
    public const int Success = 0;

    /// <summary>The command line was wrong; as with grep and diff, the same code as a failure.</summary>
    public const int UsageError = 2;

    /// <param name="writers">The compiled report's formats: <see cref="ReportWriters.Registered"/>, or more in tests.</param>
    /// <param name="errorIsTerminal">Whether standard error is a terminal, where progress is shown for many files.</param>
    public static async Task<int> RunAsync(
        string[] args,
        IReadOnlyList<IReportWriter> writers,
        TextWriter output,
        TextWriter error,
        bool errorIsTerminal = false,
        CancellationToken cancellationToken = default)
    {
        var progress = errorIsTerminal ? new Progress(error) : null;
        // A RootCommand would take its name from the executable (the test host, in tests); the tool is "minamata".
        var root = new Command("minamata", "The Minamata Convention report pipeline's command line. Exit codes: 0 all went well; 1 storage failed (reextract); 2 a file could not be read (its line says why), storage is not configured, or the command line was wrong.")
        {
            new HelpOption(),
            new VersionOption(),
            ExtractCommand.Create(output, error, progress),
            CompileCommand.Create(writers, output, error, progress),
            MailSinkCommand.Create(output),
            ReextractCommand.Create(output, error, progress),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var command = parsed.CommandResult.Command == root ? root.Name : $"{root.Name} {parsed.CommandResult.Command.Name}";
            // A word the command does not know says more than the missing command it displaced.
            var first = parsed.Errors.FirstOrDefault(e => parsed.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))) ?? parsed.Errors[0];
            await error.WriteLineAsync($"{command}: {first.Message} See '{command} --help'.");
            return UsageError;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
