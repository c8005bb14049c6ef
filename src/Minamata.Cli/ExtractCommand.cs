using System.Text.Json;
using Microsoft.Extensions.Options;
using Minamata.Reporting;
using Minamata.Reporting.Documents;
using Minamata.Reporting.Metadata;

namespace Minamata.Cli;

/// <summary>
/// <c>minamata extract --json FILE...</c>: one JSON object per file, in order (JSON Lines), with the
/// same extractor the intake uses. A file that cannot be read gets an error line and exit code 2.
/// <c>minamata extract --text FILE...</c> prints the text the readers get, file after file, which is
/// what compares with pandoc and pdftotext.
/// </summary>
public static class ExtractCommand
{
    public const int SomeFileFailed = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not ["--json" or "--text", _, ..])
        {
            await error.WriteLineAsync("minamata extract: usage: minamata extract --json FILE... | minamata extract --text FILE...");
            return CommandLine.Usage;
        }

        var extractor = DocumentReaders.Extractor();
        if (args[0] == "--text")
        {
            return await TextAsync(extractor, args[1..], output, error);
        }

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

    private static async Task<int> TextAsync(MetadataExtractor extractor, string[] files, TextWriter output, TextWriter error)
    {
        var failed = false;
        foreach (var file in files)
        {
            try
            {
                await using var content = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
                await output.WriteLineAsync(extractor.ReadText(content).Text);
            }
            catch (Exception e) when (e is DocumentReadException or IOException or UnauthorizedAccessException)
            {
                failed = true;
                await error.WriteLineAsync($"minamata extract: {file}: {(e as DocumentReadException)?.Code ?? DocumentErrorCodes.Io}: {e.Message}");
            }
        }

        return failed ? SomeFileFailed : CommandLine.Success;
    }

    private sealed record FileError(string File, ErrorDetail Error);

    private sealed record ErrorDetail(string Code, string Message);
}
