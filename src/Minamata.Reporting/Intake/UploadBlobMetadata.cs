namespace Minamata.Reporting.Intake;

/// <summary>
/// What the API writes into an uploaded blob's metadata, so the blob alone says what it is: if the
/// index entry is never written (a crash between the two), the intake still has all it needs.
/// Blob metadata is ASCII only, so the file name is stored percent-encoded.
/// </summary>
public sealed record UploadBlobMetadata(string? FileName, string? Cycle, string? Replaces, string? UploadedBy, string? Channel)
{
    private const string FileNameKey = "filename";
    private const string CycleKey = "cycle";
    private const string ReplacesKey = "replaces";
    private const string UploadedByKey = "uploadedby";
    private const string ChannelKey = "channel";

    public Dictionary<string, string> ToDictionary()
    {
        var values = new Dictionary<string, string>();
        if (FileName is not null)
        {
            values[FileNameKey] = Uri.EscapeDataString(FileName);
        }

        if (Cycle is not null)
        {
            values[CycleKey] = Cycle;
        }

        if (Replaces is not null)
        {
            values[ReplacesKey] = Replaces;
        }

        if (UploadedBy is not null)
        {
            values[UploadedByKey] = UploadedBy;
        }

        if (Channel is not null)
        {
            values[ChannelKey] = Channel;
        }

        return values;
    }

    public static UploadBlobMetadata From(IDictionary<string, string> metadata)
    {
        // Metadata keys come back in whatever case the service stores; compare without case.
        string? Get(string key) => metadata.FirstOrDefault(p => p.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).Value;
        return new UploadBlobMetadata(Get(FileNameKey) is { } name ? Uri.UnescapeDataString(name) : null, Get(CycleKey), Get(ReplacesKey), Get(UploadedByKey), Submissions.ReportChannel.Known(Get(ChannelKey)));
    }
}
