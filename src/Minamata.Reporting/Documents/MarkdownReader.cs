using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Microsoft.Extensions.Options;

namespace Minamata.Reporting.Documents;

/// <summary>
/// Markdown as text, by Markdig's plain-text rendering: the markup goes (heading marks, emphasis,
/// link targets, list bullets, tables' rules, code fences), the words stay. Recognised by its markup,
/// since a Markdown file is otherwise plain text.
/// </summary>
public sealed partial class MarkdownReader(IOptions<ExtractionOptions> options) : IDocumentReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

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
        var limits = options.Value;
        var markdown = TextDecoding.Decode(content, limits.MaxTextCharacters, budget);
        budget.Checkpoint();
        // Rendered straight into a buffer the size of the source (the text is rarely longer), and
        // checked once, instead of copied through BoundedText: two copies of the whole text fewer.
        var text = new StringWriter(new StringBuilder(markdown.Length), CultureInfo.InvariantCulture);
        Markdown.ToPlainText(markdown, text, Pipeline);
        BoundedText.EnsureWithin(text.GetStringBuilder().Length, limits.MaxTextCharacters);
        return new DocumentText(DocumentFormat.Md, text.ToString());
    }

    [GeneratedRegex(@"(?m)^#{1,6}\s+\S", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Heading();

    [GeneratedRegex(@"\[([^\]\n]*)\]\([^)\n]*\)", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*[^*\n]+\*\*|__[^_\n]+__", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Strong();

    [GeneratedRegex(@"(?m)^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex TableRule();

    [GeneratedRegex(@"(?m)^\s*(```|~~~)", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Fence();

    [GeneratedRegex(@"(?m)^\s*([-*+]|\d+[.)])\s+\S", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Bullet();
}
