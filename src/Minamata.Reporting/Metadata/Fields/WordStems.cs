using System.Text;

namespace Minamata.Reporting.Metadata.Fields;

/// <summary>
/// Reduces a word to a form that its inflections share, just enough to match names: Russian case
/// endings, Arabic proclitics and article, Latin accents and plural -s. Both the registry's names
/// and the text go through the same function, so an over-eager stem still matches itself.
/// </summary>
internal static class WordStems
{
    private static readonly string[] RussianEndings =
    [
        "иями", "ями", "ами", "ией", "его", "ого", "ему", "ому", "ыми", "ими", "ия", "ии", "ию", "ий", "ие", "ой", "ей", "ый",
        "ая", "яя", "ое", "ее", "ые", "ых", "их", "ым", "им", "ую", "юю", "ом", "ем", "ах", "ях", "ам", "ям", "ов", "ев", "ью",
        "а", "я", "у", "ю", "ы", "и", "е", "о", "ь", "й",
    ];


    /// <summary>Short words that names drop or change freely: "the", "de la", "по", ...</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "of", "the", "and", "on", "for", "to", "as", "a", "in",
        "de", "la", "le", "les", "des", "du", "l", "d", "pour", "sur", "et", "en", "au", "aux",
        "el", "los", "las", "del", "para", "sobre", "y", "al",
        "по", "о", "об", "с", "и", "в", "к",
    };

    public static string Stem(string word)
    {
        var folded = Fold(word);
        return folded.Length == 0 ? folded : Script(folded[0]) switch
        {
            'c' => StripEnding(folded, RussianEndings, minimumStem: 3),
            'a' => StripProclitic(folded),
            _ => AmericanSpelling(folded.Length > 3 && folded[^1] == 's' ? folded[..^1] : folded),
        };
    }

    /// <summary>British and American spellings of the words in organisations' names as one.</summary>
    private static string AmericanSpelling(string word) => word switch
    {
        _ when word.EndsWith("isation", StringComparison.Ordinal) => word[..^7] + "ization",
        "programme" => "program",
        "labour" => "labor",
        "centre" => "center",
        _ => word,
    };

    public static bool IsStopWord(string word) => StopWords.Contains(Fold(word));

    /// <summary>Lower case, no Latin accents, ё as е, non-breaking hyphens as hyphens, Arabic diacritics gone and letter variants unified.</summary>
    public static string Fold(string word)
    {
        var text = new StringBuilder(word.Length);
        foreach (var c in word.ToLowerInvariant())
        {
            switch (c)
            {
                case >= '\u00C0' and < '\u0250':
                    // Only Latin letters lose their accents; Cyrillic й must stay й.
                    text.Append(c.ToString().Normalize(NormalizationForm.FormD)[0]);
                    break;
                case >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640':
                    break;
                default:
                    text.Append(c switch
                    {
                        'ё' => 'е',
                        '\u2010' or '\u2011' => '-',
                        'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
                        'ى' => 'ي',
                        'ة' => 'ه',
                        _ => c,
                    });
                    break;
            }
        }

        return text.ToString();
    }

    private static char Script(char c) => Scripts.IsCyrillic(c) ? 'c' : Scripts.IsArabic(c) ? 'a' : 'l';

    private static string StripEnding(string word, string[] endings, int minimumStem)
    {
        foreach (var ending in endings)
        {
            if (word.Length - ending.Length >= minimumStem && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^ending.Length];
            }
        }

        return word;
    }

    /// <summary>Arabic writes "and", "by", "for", "as" and "the" onto the word: و/ف, then ب/ل/ك, then ال (لل is ل + ال).</summary>
    private static string StripProclitic(string word)
    {
        string Strip(string w, string prefix) => w.Length - prefix.Length >= 3 && w.StartsWith(prefix, StringComparison.Ordinal) ? w[prefix.Length..] : w;

        word = Strip(Strip(word, "و"), "ف");
        var withoutLiAl = Strip(word, "لل");
        if (withoutLiAl.Length != word.Length)
        {
            return withoutLiAl;
        }

        word = Strip(Strip(Strip(word, "ب"), "ل"), "ك");
        return Strip(word, "ال");
    }
}
