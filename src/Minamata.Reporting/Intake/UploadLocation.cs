using Minamata.Reporting.Access;
using Minamata.Reporting.Index;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Intake;

/// <summary>
/// Where a blob sits in the upload container says whose it is. The API writes
/// <c>{partner}/{token}</c> and names the cycle in the blob's metadata; a file dropped in by other
/// means (Storage Explorer, azcopy) is named <c>{partner}/{cycle}/{file name}</c>.
/// </summary>
public sealed record UploadLocation(string BlobName, string PartnerKey, string? Cycle, string LastSegment)
{
    public string ReportId => Index.ReportId.ForBlob(PartnerKey, BlobName);

    public static UploadLocation Parse(string blobName)
    {
        var segments = blobName.Split('/');
        var partner = PartnerId.IsValid(segments[0]) && segments.Length > 1 ? segments[0] : Index.ReportId.Unassigned;
        var cycle = segments.Length >= 3 && CycleId.IsValid(segments[1]) ? segments[1] : null;
        return new UploadLocation(blobName, partner, cycle, segments[^1]);
    }

    /// <summary>The blob name for an upload through the API: the partner's folder and a random token.</summary>
    public static string ForApiUpload(string partnerId) => $"{partnerId}/{Guid.CreateVersion7():n}";

    /// <summary>
    /// The blob name of a report attached to an e-mail: the partner's folder, the cycle, and what
    /// identifies the message and the attachment, so that reading the same message again finds the
    /// same report rather than making another.
    /// </summary>
    public static string ForEmailAttachment(string partnerId, string cycle, string messageKey, int attachment) => $"{partnerId}/{cycle}/mail-{messageKey}-{attachment}";

    /// <summary>The blob name an upload URL is issued for: the partner's folder, the cycle, a random token.</summary>
    public static string ForDirectUpload(string partnerId, string cycle) => $"{partnerId}/{cycle}/{Guid.CreateVersion7():n}";
}
