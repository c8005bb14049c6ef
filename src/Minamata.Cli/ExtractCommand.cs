using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
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
public static partial class ExtractCommand
{
    public const int SomeFileFailed = 2;

    private static readonly JsonSerializerOptions Json = ReportingJson.With(ErrorLineJson.Default);

    public static Command Create(TextWriter output, TextWriter error, Progress? progress)
    {
        var json = new Option<bool>("--json") { Description = "Print each file's metadata record as one JSON line." };
        var text = new Option<bool>("--text") { Description = "Print the text read from each file." };
        var files = new Argument<string[]>("FILE") { Description = "The files to read (DOCX, PDF, HTML, Markdown, text).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("extract", "Read report files as the intake does, and print their metadata or their text.") { json, text, files };
        command.Validators.Add(result =>
        {
            if (result.GetValue(json) == result.GetValue(text))
            {
                result.AddError("Give one of --json or --text.");
            }
        });
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var paths = parsed.GetRequiredValue(files);
            var extractor = DocumentReaders.Extractor();
            var failed = false;
            for (var i = 0; i < paths.Length; i++)
            {
                if (paths.Length > 1)
                {
                    progress?.Report("reading", i + 1, paths.Length, paths[i]);
                }

                failed |= parsed.GetValue(json)
                    ? !await JsonAsync(extractor, paths[i], output, cancellationToken)
                    : !await TextAsync(extractor, paths[i], output, error);
            }

            progress?.Clear();
            return failed ? SomeFileFailed : CommandLine.Success;
        });
        return command;
    }

    private static async Task<bool> JsonAsync(MetadataExtractor extractor, string file, TextWriter output, CancellationToken cancellationToken)
    {
        ReportMetadata? metadata = null;
        FileError? failed = null;
        try
        {
            await using var content = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            metadata = await extractor.ExtractAsync(content, file, cancellationToken);
        }
        catch (DocumentReadException e)
        {
            failed = new FileError(file, new ErrorDetail(e.Code, e.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failed = new FileError(file, new ErrorDetail(DocumentErrorCodes.Io, e.Message));
        }

        await output.WriteLineAsync(failed is null
            ? JsonSerializer.Serialize(metadata, Json.GetTypeInfo(typeof(ReportMetadata)))
            : JsonSerializer.Serialize(failed, Json.GetTypeInfo(typeof(FileError))));
        return failed is null;
    }

    private static async Task<bool> TextAsync(MetadataExtractor extractor, string file, TextWriter output, TextWriter error)
    {
        try
        {
            await using var content = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
            await output.WriteLineAsync(extractor.ReadText(content).Text);
            return true;
        }
        catch (Exception e) when (e is DocumentReadException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"minamata extract: {file}: {(e as DocumentReadException)?.Code ?? DocumentErrorCodes.Io}: {e.Message}");
            return false;
        }
    }

    internal sealed record FileError(string File, ErrorDetail Error);

    internal sealed record ErrorDetail(string Code, string Message);

    /// <summary>The error line's contract, generated like the metadata record's.</summary>
    [JsonSerializable(typeof(FileError))]
    internal sealed partial class ErrorLineJson : JsonSerializerContext;
}
