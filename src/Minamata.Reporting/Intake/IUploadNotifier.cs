namespace Minamata.Reporting.Intake;

/// <summary>Told by the upload route that a blob was just stored, so a host may start its intake at once.</summary>
public interface IUploadNotifier
{
    void Uploaded(string blobName);

    /// <summary>An upload is being received until the result is disposed: a host may hold back work of its own meanwhile.</summary>
    IDisposable Receiving() => NothingHeldBack.Instance;

    private sealed class NothingHeldBack : IDisposable
    {
        public static readonly NothingHeldBack Instance = new();

        public void Dispose()
        {
        }
    }
}

/// <summary>
/// In Azure, Event Grid delivers every created blob to the blob trigger, so the upload route has
/// nobody to tell; the self-hosted server replaces this with its <see cref="UploadWatcher"/>.
/// </summary>
internal sealed class BlobEventsNotifyUploads : IUploadNotifier
{
    public void Uploaded(string blobName)
    {
    }
}
