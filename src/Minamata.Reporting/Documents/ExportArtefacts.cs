using System.Text.RegularExpressions;

namespace Minamata.Reporting.Documents;

/// <summary>
/// Word-to-text exports leave markers in the text: <c>[bookmark: _Hlk74300638]</c>,
/// <c>[footnoteRef:3]</c>, and footnotes inline as <c>[3: text]</c>. The markers go; a footnote's
/// text stays, since it cites documents and resolutions.
/// </summary>
public static partial class ExportArtefacts
{
    public static string Strip(string text)
    {
        text = Markers().Replace(text, "");
        return InlineFootnote().Replace(text, " $1");
    }

    [GeneratedRegex(@"\[(?:bookmark: [^\]\r\n]*|footnoteRef:\s*\d+|endnoteRef:\s*\d+)\]", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Markers();

    [GeneratedRegex(@"\[\d+:\s+([^\[\]]*)\]", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex InlineFootnote();
}
