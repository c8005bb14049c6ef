namespace Minamata.Reporting.Documents;

/// <summary>
/// A file that cannot be read, with one of the contract's error codes. Intake turns it into a
/// <c>rejected</c> report; the command line prints it as the file's error.
/// </summary>
public sealed class DocumentReadException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}

/// <summary>The error codes of the metadata contract.</summary>
public static class DocumentErrorCodes
{
    public const string Empty = "empty";
    public const string TooLarge = "too-large";
    public const string UnsupportedFormat = "unsupported-format";
    public const string Corrupt = "corrupt";
    public const string Encrypted = "encrypted";
    public const string LimitsExceeded = "limits-exceeded";
    public const string Io = "io";
}
