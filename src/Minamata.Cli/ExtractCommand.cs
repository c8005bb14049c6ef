using System.Text.Json;
using Microsoft.Extensions.Options;
using Minamata.Reporting;
using Minamata.Reporting.Documents;
using Minamata.Reporting.Metadata;

namespace Minamata.Cli;

/// <summary>
/// <c>minamata extract --json FILE...</c>: one JSON object per file, in order (JSON Lines), with the
/// same extractor the intake uses. A file that cannot be read gets an error line and exit code 2.
/// </summary>
public static class ExtractCommand
{
    public const int SomeFileFailed = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not ["--json", _, ..])
        {
            await error.WriteLineAsync("minamata extract: usage: minamata extract --json FILE...");
            return CommandLine.Usage;
        }

        var extractor = new MetadataExtractor(Options.Create(new ExtractionOptions()));
        var failed = false;
        foreach (var file in args[1..])
        {
            object line;
            try
            {
                await using var content = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
                line = await extractor.ExtractAsync(content, file, CancellationToken.None);
            }
            catch (DocumentReadException e)
            {
                line = new FileError(file, new ErrorDetail(e.Code, e.Message));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                line = new FileError(file, new ErrorDetail(DocumentErrorCodes.Io, e.Message));
            }

            failed |= line is FileError;
            await output.WriteLineAsync(JsonSerializer.Serialize(line, line.GetType(), ReportingJson.Options));
        }

        return failed ? SomeFileFailed : CommandLine.Success;
    }

    private sealed record FileError(string File, ErrorDetail Error);

    private sealed record ErrorDetail(string Code, string Message);
}
