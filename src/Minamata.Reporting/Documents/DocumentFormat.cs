namespace Minamata.Reporting.Documents;

/// <summary>The formats of the metadata contract, named as the contract names them.</summary>
public static class DocumentFormat
{
    public const string Docx = "docx";
    public const string Pdf = "pdf";
    public const string Txt = "txt";
    public const string Html = "html";
    public const string Md = "md";

    /// <summary>
    /// The media type a report is served with: its format's, as the file's bytes showed it, never
    /// what the uploading client claimed (a text file sent as text/html would be served as a page).
    /// </summary>
    public static string MediaType(string? format) => format switch
    {
        Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Pdf => "application/pdf",
        Txt => "text/plain",
        Html => "text/html",
        Md => "text/markdown",
        _ => "application/octet-stream",
    };
}
