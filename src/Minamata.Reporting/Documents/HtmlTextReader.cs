using System.Net;
using System.Text.RegularExpressions;

namespace Minamata.Reporting.Documents;

/// <summary>
/// HTML as text, by a single forward pass over the markup: block elements end lines, scripts,
/// styles and comments are dropped, entities are decoded. No tree is built, so memory is the text
/// itself and nesting depth is counted rather than recursed into (deep nesting is refused).
/// </summary>
public sealed partial class HtmlTextReader(int maxTextCharacters, int maxDepth) : IDocumentReader
{
    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    // Elements whose end tag HTML lets authors leave out; they do not count towards depth.
    private static readonly HashSet<string> OptionalEnd = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody", "tfoot", "colgroup", "rt", "rp", "optgroup",
    };

    private static readonly HashSet<string> Block = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
        "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
    };

    private static readonly string[] Markers = ["<!doctype html", "<html", "<head", "<body"];

    public bool Recognises(ReadOnlySpan<byte> head)
    {
        if (head.Contains((byte)0) && !TextDecoding.HasUtf16Bom(head))
        {
            return false;
        }

        var text = TextDecoding.Peek(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith('<') && Markers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase));
    }

    public DocumentText Read(Stream content, ReadBudget budget)
    {
        var html = TextDecoding.Decode(content, maxTextCharacters, budget);
        var text = new BoundedText(maxTextCharacters);
        string? title = null;
        var depth = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            AppendText(text, html.AsSpan(i, (lt < 0 ? html.Length : lt) - i));
            if (lt < 0)
            {
                break;
            }

            if (html.AsSpan(lt).StartsWith("<!--"))
            {
                var endComment = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = endComment < 0 ? html.Length : endComment + 3;
                continue;
            }

            var gt = html.IndexOf('>', lt);
            if (gt < 0)
            {
                break;
            }

            var tag = html.AsSpan(lt + 1, gt - lt - 1);
            i = gt + 1;
            if (tag.IsEmpty || tag[0] is '!' or '?')
            {
                continue;
            }

            var closing = tag[0] == '/';
            var name = TagName(closing ? tag[1..] : tag);
            if (!closing && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
            {
                // Script and style content is not text; skip to the element's end tag.
                var endTag = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                var close = endTag < 0 ? -1 : html.IndexOf('>', endTag);
                i = close < 0 ? html.Length : close + 1;
                continue;
            }

            if (!closing && name.Equals("title", StringComparison.OrdinalIgnoreCase))
            {
                var endTitle = html.IndexOf("</title", i, StringComparison.OrdinalIgnoreCase);
                if (endTitle > i)
                {
                    title = Collapse(WebUtility.HtmlDecode(html[i..endTitle])).Trim();
                    i = endTitle;
                }

                continue;
            }

            if (!Void.Contains(name) && !OptionalEnd.Contains(name) && !tag.EndsWith("/"))
            {
                depth += closing ? -1 : 1;
                if (depth > maxDepth)
                {
                    throw new DocumentReadException(DocumentErrorCodes.LimitsExceeded, $"HTML elements are nested more than {maxDepth} deep.");
                }
            }

            if (Block.Contains(name))
            {
                text.EndLine();
            }
            else if (name.Equals("td", StringComparison.OrdinalIgnoreCase) || name.Equals("th", StringComparison.OrdinalIgnoreCase))
            {
                text.Append(' ');
            }

            budget.Checkpoint();
        }

        return new DocumentText(DocumentFormat.Html, text.ToString(), new DocumentHints(string.IsNullOrWhiteSpace(title) ? null : title));
    }

    private static void AppendText(BoundedText text, ReadOnlySpan<char> raw)
    {
        if (!raw.IsEmpty)
        {
            text.Append(Collapse(WebUtility.HtmlDecode(raw.ToString())));
        }
    }

    /// <summary>HTML white space: any run of spaces, tabs and line breaks is one space.</summary>
    private static string Collapse(string value) => WhiteSpace().Replace(value, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    private static string TagName(ReadOnlySpan<char> tag)
    {
        var end = 0;
        while (end < tag.Length && (char.IsLetterOrDigit(tag[end]) || tag[end] == '-'))
        {
            end++;
        }

        return tag[..end].ToString();
    }
}
