namespace Minamata.Reporting.Documents;

/// <summary>The formats of the metadata contract, named as the contract names them.</summary>
public static class DocumentFormat
{
    public const string Docx = "docx";
    public const string Pdf = "pdf";
    public const string Txt = "txt";
    public const string Html = "html";
    public const string Md = "md";
}
