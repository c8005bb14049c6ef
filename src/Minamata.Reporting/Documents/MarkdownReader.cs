using System.Text.RegularExpressions;

namespace Minamata.Reporting.Documents;

/// <summary>
/// Markdown as text: the markup goes (heading marks, emphasis, link targets, list bullets, table
/// rules, code fences), the words stay, one line per line. Recognised by its markup, since a
/// Markdown file is otherwise plain text.
/// </summary>
public sealed partial class MarkdownReader(int maxTextCharacters) : IDocumentReader
{
    public bool Recognises(ReadOnlySpan<byte> head)
    {
        if (head.Contains((byte)0) && !TextDecoding.HasUtf16Bom(head))
        {
            return false;
        }

        var text = TextDecoding.Peek(head);
        // Two different kinds of markup, so that one stray '#' or '*' in plain text is not enough.
        var kinds = (Heading().IsMatch(text) ? 1 : 0) + (Link().IsMatch(text) ? 1 : 0) + (Strong().IsMatch(text) ? 1 : 0)
            + (TableRule().IsMatch(text) ? 1 : 0) + (Fence().IsMatch(text) ? 1 : 0) + (Bullet().IsMatch(text) ? 1 : 0);
        return kinds >= 2;
    }

    public DocumentText Read(Stream content, ReadBudget budget)
    {
        var markdown = TextDecoding.Decode(content, maxTextCharacters, budget);
        var lines = markdown.Split('\n');
        var text = new BoundedText(maxTextCharacters);
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (Fence().IsMatch(line) || SetextRule().IsMatch(line) || TableRule().IsMatch(line))
            {
                text.EndLine();
                continue;
            }

            line = HeadingMark().Replace(line, "");
            line = BulletMark().Replace(line, "");
            line = Quote().Replace(line, "");
            line = Image().Replace(line, "$1");
            line = Link().Replace(line, "$1");
            line = StrongMark().Replace(line, "$2");
            line = Emphasis().Replace(line, "$1");
            line = line.Replace("`", "").Replace("|", "  ");
            line = Html().Replace(line, "");
            line = Escape().Replace(line, "$1");
            text.Append(line).Append('\n');
        }

        return new DocumentText(DocumentFormat.Md, text.ToString());
    }

    [GeneratedRegex(@"(?m)^#{1,6}\s+\S")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+|\s+#+\s*$")]
    private static partial Regex HeadingMark();

    [GeneratedRegex(@"\[([^\]\n]*)\]\([^)\n]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"!\[([^\]\n]*)\]\([^)\n]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\*\*[^*\n]+\*\*|__[^_\n]+__")]
    private static partial Regex Strong();

    [GeneratedRegex(@"(\*\*|__)(.+?)\1")]
    private static partial Regex StrongMark();

    [GeneratedRegex(@"(?<![\w*])\*([^*\n]+)\*(?![\w*])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"(?m)^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"(?m)^\s*(```|~~~)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*(=+|-{3,}|\*{3,})\s*$")]
    private static partial Regex SetextRule();

    [GeneratedRegex(@"(?m)^\s*([-*+]|\d+[.)])\s+\S")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^\s*([-*+]|\d+[.)])\s+")]
    private static partial Regex BulletMark();

    [GeneratedRegex(@"^\s*>\s?")]
    private static partial Regex Quote();

    [GeneratedRegex(@"</?[A-Za-z][^>\n]*>")]
    private static partial Regex Html();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!|])")]
    private static partial Regex Escape();
}
