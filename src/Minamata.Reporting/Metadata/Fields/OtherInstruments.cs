using System.Text.RegularExpressions;

namespace Minamata.Reporting.Metadata.Fields;

/// <summary>
/// Whether an article citation is of another instrument than the Minamata Convention: "of the Basel
/// Convention", "of the Paris Agreement", "of the Occupational Safety and Health Convention, 1981
/// (No. 155)", "of the Convention on the Rights of the Child", "статьи 3 Парижского соглашения",
/// "Конвенции № 176", "من اتفاق باريس", a national law ("artículo 3 de la Ley 1658"), and in Chinese the instrument before the article:
/// "《国际原子能机构规约》第三条". "Of the Convention", "Конвенции", "من الاتفاقية", "《公约》" alone are
/// the Minamata Convention, as is any instrument named with Minamata or mercury.
/// </summary>
internal static partial class OtherInstruments
{
    /// <summary>How far after a citation its instrument may be named.</summary>
    private const int Window = 90;

    public static bool Cited(string text, int start, int end)
    {
        if (start > 0 && text[start - 1] == '》')
        {
            var open = text.LastIndexOf('《', start - 1);
            var title = open < 0 ? "" : text[(open + 1)..(start - 1)];
            return !(title is "公约" or "本公约" || title.Contains("水俣", StringComparison.Ordinal) || title.Contains('汞'));
        }

        var after = text.AsSpan(end, Math.Min(Window, text.Length - end)).ToString();
        var stop = SentenceEnd().Match(after);
        if (stop.Success)
        {
            after = after[..stop.Index];
        }

        var instrument = Instrument().Match(after);
        if (!instrument.Success || Minamata().IsMatch(after[..Math.Min(after.Length, instrument.Index + instrument.Length + 30)]))
        {
            return false;
        }

        // The instrument must be the article's: "of the [name] Convention", "Парижского соглашения";
        // "article 7 and Annex C of the Convention" cites article 7 of this one.
        var link = Link().Match(after[..instrument.Index]);
        if (!link.Success)
        {
            return false;
        }

        var name = link.Groups["name"].Value;
        return instrument.Groups["other"].Success || name.Any(char.IsUpper) || NamedAdjective().IsMatch(name)
            || Qualified().IsMatch(after[(instrument.Index + instrument.Length)..]);
    }

    // The instrument word; agreements, protocols and statutes are never the Convention, nor is an
    // Arabic convention named ("اتفاقية استكهولم") or qualified ("الاتفاقية الإطارية").
    [GeneratedRegex(@"(?<other>agreement|accord\b|acuerdo|\blaw\b|\bloi\b|\bley\b|закон\w*|قانون|соглашени\w*|protocol\w*|протокол\w*|statute|statut\w*|estatuto|устав\w*|charter|covenant|اتفاق\b|بروتوكول|النظام الأساسي|الميثاق|(?<!ال)اتفاقية\s+(?!ميناماتا)[\u0621-\u064A]{3,}|الاتفاقية\s+ال[\u0621-\u064A]{3,})|convention|convenio|convención|конвенци\w*|اتفاقية|الاتفاقية", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex Instrument();

    [GeneratedRegex(@"minamata|mercur|минамат|ртут|ميناماتا|الزئبق", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex Minamata();

    [GeneratedRegex(@"[.;:!?。；]\s|\(\s*[a-zа-я]\s*\)", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex SentenceEnd();

    // What joins an article to its instrument: "of the", "de la", "del", "من", or nothing (Russian
    // genitive), then at most a few words of the instrument's name, none of them a common word.
    [GeneratedRegex(@"^[\s,،]*(?:(?:of|de|del|du|de\s+la|de\s+l['’]|من|في)\s+)?(?:the\s+|la\s+|el\s+|l['’])?(?<name>(?:(?:\p{Lu}[\p{L}'’-]*|[а-яё]+(?:ской|ского|ском|ная|ной))\s+(?:(?:\p{Lu}[\p{L}'’-]*|[\p{Ll}\p{Lo}]{1,3}|[а-яё]+(?:ской|ского|ском|ная|ной))\s+){0,5})?)$", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Link();

    // A Russian or Arabic adjective naming another instrument: "Базельской", "Парижского", "اتفاقية بازل".
    [GeneratedRegex(@"\p{Lu}|[а-яё]+(?:ской|ского|ском|ная|ной)\s*$", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex NamedAdjective();

    // The instrument's name after the word: "Convention on the Rights of the Child", "Convención de Basilea",
    // "Конвенции № 176", "Convention, 1981", "اتفاقية بازل".
    [GeneratedRegex(@"^\s*(?:,?\s*[0-9]{4}|\(?\s*(?:no\.|n[°º]|№)\s*[0-9]+|(?:on|de|sur|sobre|о|об)\s+\S|(?<=اتفاقية)\s+[\u0621-\u064A]{3,})", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex Qualified();
}
