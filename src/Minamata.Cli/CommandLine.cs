using Minamata.Reporting.Compilation;

namespace Minamata.Cli;

/// <summary>The <c>minamata</c> command: parses the first word and hands over to that command.</summary>
public static class CommandLine
{
    public const int Success = 0;
    public const int Usage = 64;

    private const string HelpText = """
        minamata: the Minamata Convention report pipeline's command line.

        Usage:
          minamata extract --json FILE...   print each file's metadata record as one JSON line
          minamata extract --text FILE...   print the text read from each file
          minamata compile --cycle COP-7 --from DIR --out DIR [--decision ID] [--deadline YYYY-MM-DD]
                           [--meeting YYYY-MM-DD] [--expected WHO,ILO]
                                            compile the implementation report from a folder of reports
                                            (DIR/WHO/report.docx is WHO's) into DIR/report.{0}
          minamata mail-sink [--port 2525]  a local SMTP server that prints the mail it receives (to try reminders)
          minamata --help                   show this help

        Exit codes: 0 all went well; 2 a file could not be read (its line says why); 64 usage error.
        """;

    /// <summary>The help, naming the compiled report's formats (every registered writer).</summary>
    public static string Help(IEnumerable<IReportWriter> writers) => HelpText.Replace("{0}", string.Join(", .", writers.Select(w => w.Format)), StringComparison.Ordinal);

    /// <param name="writers">The compiled report's formats: <see cref="ReportWriters.Registered"/>, or more in tests.</param>
    public static async Task<int> RunAsync(string[] args, IReadOnlyList<IReportWriter> writers, TextWriter output, TextWriter error)
    {
        switch (args)
        {
            case [] or ["--help" or "-h" or "help"]:
                await output.WriteLineAsync(Help(writers));
                return args.Length == 0 ? Usage : Success;
            case ["extract", .. var rest]:
                return await ExtractCommand.RunAsync(rest, output, error);
            case ["compile", .. var rest]:
                return await CompileCommand.RunAsync(rest, writers, output, error);
            case ["mail-sink", .. var rest]:
                using (var stop = new CancellationTokenSource())
                {
                    Console.CancelKeyPress += (_, e) =>
                    {
                        e.Cancel = true;
                        stop.Cancel();
                    };
                    return await MailSinkCommand.RunAsync(rest, output, error, stop.Token);
                }
            default:
                await error.WriteLineAsync($"minamata: unknown command '{args[0]}'; see 'minamata --help'.");
                return Usage;
        }
    }
}
