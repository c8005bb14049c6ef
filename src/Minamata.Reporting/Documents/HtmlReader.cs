using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Options;

namespace Minamata.Reporting.Documents;

/// <summary>
/// HTML as text, parsed as browsers parse it (AngleSharp), so markup inside attributes or broken
/// tags never leaks into the text: block elements end lines, table cells are spaced, scripts,
/// styles and templates are dropped, the title is a hint. The tree is walked without recursion,
/// and nesting deeper than <see cref="ExtractionOptions.MaxHtmlDepth"/> is refused.
/// </summary>
public sealed class HtmlReader(IOptions<ExtractionOptions> options) : IDocumentReader
{
    private static readonly HashSet<string> Block = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
        "tbody", "tfoot", "thead", "tr", "ul",
    };

    private static readonly HashSet<string> NotText = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "template", "title" };

    private static readonly string[] Markers = ["<!doctype html", "<html", "<head", "<body"];

    // A parser builds its configuration and browsing context once; one per thread, since the
    // intake reads several documents at a time and AngleSharp does not promise a shared one is safe.
    // What the text does not need is not kept: positions, comments, scripts and styles.
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser(new HtmlParserOptions
    {
        DisableElementPositionTracking = true,
        SkipComments = true,
        SkipScriptText = true,
        SkipRawText = true,
        SkipProcessingInstructions = true,
    }));

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
        var limits = options.Value;
        var document = Parser.Value!.ParseDocument(TextDecoding.Decode(content, limits.MaxTextCharacters, budget));
        var text = new BoundedText(limits.MaxTextCharacters);
        var pending = new Stack<(INode Node, int Depth, bool Leaving)>();
        pending.Push((document.Body ?? (INode)document, 0, false));
        var visited = 0;
        while (pending.TryPop(out var item))
        {
            if (++visited % 4096 == 0)
            {
                budget.Checkpoint();
            }

            switch (item.Node)
            {
                case IText node:
                    // White space collapses across text nodes too, as a browser shows it.
                    var collapsed = TextDecoding.CollapseWhiteSpace(node.Data);
                    text.Append(text.EndsWithWhiteSpace ? collapsed.TrimStart(' ') : collapsed);
                    break;
                case IElement element when item.Leaving:
                    EndOf(element, text);
                    break;
                case IElement element when NotText.Contains(element.LocalName):
                    break;
                case IElement element:
                    if (item.Depth > limits.MaxHtmlDepth)
                    {
                        throw new DocumentReadException(DocumentErrorCodes.LimitsExceeded, $"HTML elements are nested more than {limits.MaxHtmlDepth} deep.");
                    }

                    EndOf(element, text);
                    pending.Push((element, item.Depth, true));
                    PushChildren(pending, element, item.Depth + 1);
                    break;
                default:
                    PushChildren(pending, item.Node, item.Depth + 1);
                    break;
            }
        }

        var title = TextDecoding.CollapseWhiteSpace(document.Title ?? "").Trim();
        return new DocumentText(DocumentFormat.Html, text.ToString(), new DocumentHints(title.Length == 0 ? null : title));
    }

    /// <summary>What an element's start or end adds between texts: a line end for blocks, a space for cells.</summary>
    private static void EndOf(IElement element, BoundedText text)
    {
        if (Block.Contains(element.LocalName))
        {
            text.EndLine();
        }
        else if (element.LocalName is "td" or "th")
        {
            text.Append(' ');
        }
    }

    private static void PushChildren(Stack<(INode, int, bool)> pending, INode node, int depth)
    {
        for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
        {
            pending.Push((child, depth, false));
        }
    }
}
