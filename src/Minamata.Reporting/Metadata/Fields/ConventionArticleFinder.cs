using System.Text.RegularExpressions;

namespace Minamata.Reporting.Metadata.Fields;

/// <summary>
/// Articles of the Minamata Convention cited in the text, normalised as <c>N</c>, <c>N(p)</c> or
/// <c>N(p)(x)</c>, each at the precision it is written: the most precise forms are matched first and
/// their words taken, so "paragraph 5 (b) of article 23" gives <c>23(5)(b)</c> and not also <c>23</c>.
/// Citations of another instrument's articles ("article 11 of the Basel Convention", "article 5 of
/// the Paris Agreement", "статьи 3 Парижского соглашения") are left out (<see cref="OtherInstruments"/>).
/// </summary>
internal static partial class ConventionArticleFinder
{
    private const int LastArticle = 35;

    /// <summary>
    /// Several articles at once: "articles 7 and 8", "Arts. 7 and 8", "Articles 3 through 5",
    /// "статьями 3–5", "статьи 11 и 12", "المادتين 4 و5". "статьи" and "Arts." are also singular
    /// forms, so with them only a list counts.
    /// </summary>
    [GeneratedRegex(@"(?:(?:articles|artículos|статьях|статьями|статей|المادتين|المادتان|المواد)\s+(?<list>[0-9]+(?:\s*(?:,|and|et|y|и|و|–|-|through|to|à|au|a|hasta|по|до)\s*[0-9]+)*)|(?:arts\.|статьи)\s*(?<list>[0-9]+(?:\s*(?:,|and|et|y|и|و|–|-|through|to|à|au|a|hasta|по|до)\s*[0-9]+)+))", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex Plural();

    /// <summary>Several paragraphs of one article: "paragraphs 3 and 4 of article 8", "الفقرتين 3 و4 من المادة 9".</summary>
    [GeneratedRegex(@"(?:paragraphs|paragraphes|párrafos|пункт(?:ы|ов|ами|ах)|الفقرتين|الفقرتان|الفقرات)\s+(?<list>[0-9]+(?:\s*(?:,|and|et|y|и|و)\s*[0-9]+)+)\s+(?:of\s+article|de\s+l['’]article|del\s+artículo|стать\w*|من\s+(?:ال)?مادة)\s+(?<a>[0-9]+)", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex PluralParagraphs();

    /// <summary>A range of articles in Chinese: "第三条至第五条".</summary>
    [GeneratedRegex(@"第(?<from>[0-9一二三四五六七八九十]+)条(?:至|到|—|–|-)第(?<to>[0-9一二三四五六七八九十]+)条", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex ChineseRange();

    private static readonly Regex[] Patterns =
    [
        // Sub-paragraph of a paragraph of an article.
        SubparagraphEnglish(),
        SubparagraphFrench(),
        SubparagraphSpanish(),
        SubparagraphRussian(),
        // Paragraph (and sub-paragraph) of an article, paragraph first.
        ParagraphEnglish(),
        ParagraphFrench(),
        ParagraphSpanish(),
        ParagraphRussian(),
        ParagraphArabic(),
        // Article first: "article 16, paragraph 2 (a)", "article 23(5)(b)", "第二十三条第5款(b)项"; the
        // Spanish form first, since "art. 8, párr. 2, apdo. b)" starts like the English one.
        ArticleSpanish(),
        ArticleEnglishOrFrench(),
        ArticleRussian(),
        ArticleArabic(),
        ArticleChinese(),
    ];

    public static IReadOnlyList<string> Find(string text)
    {
        var taken = new bool[text.Length];
        var found = new SortedSet<(int Article, int Paragraph, string Letter)>();
        foreach (Match match in Plural().Matches(text))
        {
            taken.AsSpan(match.Index, match.Length).Fill(true);
            if (!OtherInstruments.Cited(text, match.Index, match.Index + match.Length))
            {
                foreach (var article in ArticleList(match.Groups["list"].Value).Where(a => a is >= 1 and <= LastArticle))
                {
                    found.Add((article, 0, ""));
                }
            }
        }

        foreach (Match match in PluralParagraphs().Matches(text))
        {
            taken.AsSpan(match.Index, match.Length).Fill(true);
            var article = int.Parse(match.Groups["a"].Value);
            if (article is >= 1 and <= LastArticle && !OtherInstruments.Cited(text, match.Index, match.Index + match.Length))
            {
                foreach (Match paragraph in Number().Matches(match.Groups["list"].Value))
                {
                    found.Add((article, int.Parse(paragraph.Value), ""));
                }
            }
        }

        foreach (Match match in ChineseRange().Matches(text))
        {
            taken.AsSpan(match.Index, match.Length).Fill(true);
            var (from, to) = (ChineseNumber.Parse(match.Groups["from"].Value), ChineseNumber.Parse(match.Groups["to"].Value));
            if (from >= 1 && to <= LastArticle && from < to && !OtherInstruments.Cited(text, match.Index, match.Index + match.Length))
            {
                for (var article = from; article <= to; article++)
                {
                    found.Add((article, 0, ""));
                }
            }
        }

        foreach (var pattern in Patterns)
        {
            foreach (Match match in pattern.Matches(text))
            {
                if (taken.AsSpan(match.Index, match.Length).Contains(true))
                {
                    continue;
                }

                taken.AsSpan(match.Index, match.Length).Fill(true);
                var article = ChineseNumber.Parse(match.Groups["a"].Value);
                if (article is < 1 or > LastArticle || OtherInstruments.Cited(text, match.Index, match.Index + match.Length))
                {
                    continue;
                }

                var paragraph = match.Groups["p"].Success ? ChineseNumber.Parse(match.Groups["p"].Value) : 0;
                var letter = paragraph > 0 && match.Groups["x"].Success ? Letter(match.Groups["x"].Value) : "";
                found.Add((article, paragraph, letter));
            }
        }

        return found.Select(Format).ToList();
    }

    /// <summary>"7 and 8" is two articles, "3–5" three.</summary>
    private static IEnumerable<int> ArticleList(string list)
    {
        foreach (Match part in ListPart().Matches(list))
        {
            var from = int.Parse(part.Groups["from"].Value);
            var to = part.Groups["to"].Success ? int.Parse(part.Groups["to"].Value) : from;
            for (var n = from; n <= Math.Min(to, from + LastArticle); n++)
            {
                yield return n;
            }
        }
    }

    [GeneratedRegex(@"[0-9]+", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Number();

    [GeneratedRegex(@"(?<from>[0-9]+)(?:\s*(?:[–-]|through|to|à|au|a|hasta|по|до)\s*(?<to>[0-9]+))?", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex ListPart();

    private static string Format((int Article, int Paragraph, string Letter) citation) => citation switch
    {
        (var a, 0, _) => $"{a}",
        (var a, var p, "") => $"{a}({p})",
        var (a, p, x) => $"{a}({p})({x})",
    };

    /// <summary>Sub-paragraph letters in Latin: Cyrillic look-alikes (а, с, е...) as the letter they look like, Arabic letters by their abjad order.</summary>
    private static string Letter(string value) => string.Concat(value.Select(c => c switch
    {
        'а' => 'a',
        'б' => 'b',
        'с' => 'c',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'х' => 'x',
        'у' => 'y',
        'і' => 'i',
        'أ' or 'ا' => 'a',
        'ب' => 'b',
        'ج' => 'c',
        'د' => 'd',
        'ه' => 'e',
        'و' => 'f',
        'ز' => 'g',
        'ح' => 'h',
        'ط' => 'i',
        'ي' => 'j',
        _ => char.ToLowerInvariant(c),
    }));

    [GeneratedRegex(@"(?:subparagraph|sub-paragraph)\s*\(?(?<x>[a-z]{1,4})\)?\s+of\s+paragraph\s+(?<p>[0-9]+)\s+of\s+article\s+(?<a>[0-9]+)", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex SubparagraphEnglish();

    [GeneratedRegex(@"alinéa\s+\(?(?<x>[a-z]{1,4})\)\s+du\s+paragraphe\s+(?<p>[0-9]+)\s+de\s+l['’]article\s+(?<a>[0-9]+)", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex SubparagraphFrench();

    [GeneratedRegex(@"apartado\s+\(?(?<x>[a-z]{1,4})\)\s+del\s+párrafo\s+(?<p>[0-9]+)\s+del\s+artículo\s+(?<a>[0-9]+)", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex SubparagraphSpanish();

    [GeneratedRegex(@"подпункт\w*\s+\(?(?<x>[a-zа-я]{1,2})\)\s+пункт\w*\s+(?<p>[0-9]+)\s+стать\w*\s+(?<a>[0-9]+)", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex SubparagraphRussian();

    [GeneratedRegex(@"(?:paragraph|para\.)\s+(?<p>[0-9]+)\s*(?:\(\s*(?<x>[a-z]{1,4})\s*\))?\s+of\s+article\s+(?<a>[0-9]+)", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex ParagraphEnglish();

    [GeneratedRegex(@"paragraphe\s+(?<p>[0-9]+)\s*(?:\(?(?<x>[a-z]{1,4})\))?\s+de\s+l['’]article\s+(?<a>[0-9]+)", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex ParagraphFrench();

    [GeneratedRegex(@"párrafo\s+(?<p>[0-9]+)\s*(?:\(?(?<x>[a-z]{1,4})\))?\s+del\s+artículo\s+(?<a>[0-9]+)", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex ParagraphSpanish();

    [GeneratedRegex(@"пункт\w*\s+(?<p>[0-9]+)\s*(?:\(?(?<x>[a-zа-я]{1,2})\))?\s+стать\w*\s+(?<a>[0-9]+)", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex ParagraphRussian();

    [GeneratedRegex(@"(?:ال|لل|بال|وال)?فقرة\s+(?<p>[0-9]+)\s*(?:\(\s*(?<x>[a-z]{1,2}|[\u0621-\u064A]{1,2})\s*\))?\s+من\s+(?:ال)?مادة\s+(?<a>[0-9]+)", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex ParagraphArabic();

    [GeneratedRegex(@"artículo\s*(?<a>[0-9]+)\s*(?:,\s*(?:párrafo|párr\.|numeral)\s*(?<p>[0-9]+)\s*(?:,?\s*(?:apartado|apdo\.|literal)?\s*\(?\s*(?<x>[a-z]{1,4})\s*\))?)?|art\.\s*(?<a>[0-9]+)\s*,\s*(?:párrafo|párr\.)\s*(?<p>[0-9]+)\s*(?:,?\s*(?:apartado|apdo\.)?\s*\(?\s*(?<x>[a-z]{1,4})\s*\))?", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex ArticleSpanish();

    [GeneratedRegex(@"(?:article|art\.)\s*(?<a>[0-9]+)\s*(?:,?\s*(?:paragraphe?|para?\.)\s*(?<p>[0-9]+)\s*(?:,?\s*(?:al\.|alinéa|subparagraph)?\s*\(?\s*(?<x>[a-z]{1,4})\s*\))?|\(\s*(?<p>[0-9]+)\s*\)(?:\s*\(\s*(?<x>[a-z]{1,4})\s*\))?)?", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex ArticleEnglishOrFrench();

    [GeneratedRegex(@"стать\w*\s+(?<a>[0-9]+)\s*(?:,\s*пункт\w*\s+(?<p>[0-9]+)\s*(?:\(?\s*(?<x>[a-zа-я]{1,2})\s*\))?)?", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex ArticleRussian();

    [GeneratedRegex(@"(?:ال|لل|بال|وال)?مادة\s+(?<a>[0-9]+)(?:\s*[،,]?\s*(?:ال)?فقرة\s+(?<p>[0-9]+)\s*(?:\(\s*(?<x>[\u0621-\u064A]{1,2})\s*\))?)?", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex ArticleArabic();

    [GeneratedRegex(@"第(?<a>[0-9一二三四五六七八九十]+)条(?:第(?<p>[0-9一二三四五六七八九十]+)款)?(?:\s*[(（]\s*(?<x>[a-z])\s*[)）]\s*项?)?", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex ArticleChinese();
}
