namespace Minamata.Reporting.Metadata.Fields;

/// <summary>
/// The document's language as an ISO 639-1 code: by script first (Arabic, Han, Cyrillic), then,
/// for Latin script, by which language's commonest short words the text uses most.
/// </summary>
internal static class LanguageDetector
{
    private static readonly Dictionary<string, HashSet<string>> FunctionWords = new()
    {
        ["en"] = ["the", "of", "and", "to", "in", "is", "on", "for", "with", "that", "by", "as", "was", "were", "has", "have", "its"],
        ["fr"] = ["le", "la", "les", "des", "du", "et", "pour", "sur", "une", "est", "dans", "aux", "qui", "par", "au", "sont", "été"],
        ["es"] = ["el", "los", "las", "del", "y", "para", "con", "por", "una", "que", "es", "en", "se", "al", "sobre", "fue", "han"],
        ["de"] = ["der", "die", "das", "und", "zu", "mit", "für", "von", "ist", "den", "im", "nicht", "auf", "eine", "des"],
        ["pt"] = ["os", "das", "dos", "e", "para", "com", "uma", "não", "foi", "pelo", "pela", "ao", "são", "em"],
    };

    public static string? Detect(string text)
    {
        int arabic = 0, han = 0, cyrillic = 0, latin = 0;
        foreach (var c in text)
        {
            if (Scripts.IsArabic(c))
            {
                arabic++;
            }
            else if (Scripts.IsHan(c))
            {
                han++;
            }
            else if (Scripts.IsCyrillic(c))
            {
                cyrillic++;
            }
            else if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '\u00C0' and <= '\u024F')
            {
                latin++;
            }
        }

        var letters = arabic + han + cyrillic + latin;
        if (letters == 0)
        {
            return null;
        }

        // A Han character is a word, a Latin letter a fraction of one: Chinese text with Latin symbols
        // in it is still Chinese at a much lower share of characters.
        if (han * 4 >= latin && han >= arabic && han >= cyrillic && han > 0)
        {
            return "zh";
        }

        if (arabic >= latin && arabic >= cyrillic && arabic > 0)
        {
            return "ar";
        }

        if (cyrillic >= latin && cyrillic > 0)
        {
            return "ru";
        }

        var counts = FunctionWords.ToDictionary(p => p.Key, _ => 0);
        foreach (var word in PositionedWord.Split(text))
        {
            var lower = word.Text.ToLowerInvariant();
            foreach (var (language, words) in FunctionWords)
            {
                if (words.Contains(lower))
                {
                    counts[language]++;
                }
            }
        }

        var best = counts.MaxBy(p => p.Value);
        return best.Value == 0 ? null : best.Key;
    }
}
