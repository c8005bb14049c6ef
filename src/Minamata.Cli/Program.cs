using Minamata.Cli;
using Minamata.Reporting.Compilation;

return await CommandLine.RunAsync(args, ReportWriters.Registered(), Console.Out, Console.Error, errorIsTerminal: !Console.IsErrorRedirected);
