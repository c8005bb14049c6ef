using Microsoft.AspNetCore.Http;

namespace Minamata.Reporting.Submissions;

/// <summary>
/// How a report came in, as the portal shows it beside each report: the portal's upload form, a
/// program's <c>POST /api/reports</c>, an upload URL (<c>POST /api/uploads</c>), an e-mail to the
/// secretariat's mailbox, or a file put straight into the upload container.
/// </summary>
public static class ReportChannel
{
    public const string Portal = "portal";
    public const string Api = "api";
    public const string UploadUrl = "upload-url";
    public const string Email = "email";
    public const string Storage = "storage";

    /// <summary>The header the portal sends with its uploads; anything else calling the API is a program.</summary>
    public const string ClientHeader = "Minamata-Client";

    /// <summary>The portal when the request says it comes from it, else <paramref name="programChannel"/>.</summary>
    public static string Of(HttpRequest request, string programChannel) =>
        request.Headers[ClientHeader].ToString() == Portal ? Portal : programChannel;

    /// <summary>Only the names above: the value comes from blob metadata, which anyone with the upload URL could set.</summary>
    public static string? Known(string? channel) => channel is Portal or Api or UploadUrl or Email or Storage ? channel : null;
}
