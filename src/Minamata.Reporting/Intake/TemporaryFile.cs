namespace Minamata.Reporting.Intake;

/// <summary>
/// A scratch file that deletes itself when closed: a download is spooled here rather than held in
/// memory, and readers get the seekable stream that DOCX and PDF need.
/// </summary>
internal static class TemporaryFile
{
    public static FileStream Create() => new(
        Path.Combine(Path.GetTempPath(), $"minamata-{Guid.NewGuid():n}.tmp"),
        FileMode.CreateNew,
        FileAccess.ReadWrite,
        FileShare.None,
        bufferSize: 81920,
        FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
