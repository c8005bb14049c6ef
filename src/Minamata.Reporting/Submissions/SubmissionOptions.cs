using System.ComponentModel.DataAnnotations;

namespace Minamata.Reporting.Submissions;

/// <summary>How partners hand in files (<c>Minamata:Submissions</c>).</summary>
public sealed class SubmissionOptions
{
    public const string Section = "Minamata:Submissions";

    /// <summary>How long an upload URL from <c>POST /api/uploads</c> may be used.</summary>
    [TimeSpanRange("00:01:00", "1.00:00:00")]
    public TimeSpan UploadUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The blob service as partners reach it, when that is not the address the pipeline uses (a
    /// proxy or a public name in front of a self-hosted Azurite, e.g.
    /// <c>https://reports.example.org/storage/devstoreaccount1</c>). Upload URLs are built on it;
    /// unset, they name the service the pipeline itself talks to.
    /// </summary>
    public Uri? PublicBlobEndpoint { get; set; }

    /// <summary>
    /// How many of one partner's reports may wait to be taken in at once; past it the partner is
    /// answered 429 until some are read, so one partner's backlog cannot crowd out the others'.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxReportsInFlightPerPartner { get; set; } = 20;

    /// <summary>How many reports one partner may hand in within an hour (the secretariat is not limited).</summary>
    [Range(1, 1_000_000)]
    public int MaxUploadsPerPartnerPerHour { get; set; } = 60;

    /// <summary>
    /// Origins whose pages may PUT files to upload URLs (CORS on the blob service), comma-separated;
    /// "*" by default, since the URL itself is the permission (one blob, create-only, minutes).
    /// </summary>
    [Required]
    public string UploadOrigins { get; set; } = "*";
}
