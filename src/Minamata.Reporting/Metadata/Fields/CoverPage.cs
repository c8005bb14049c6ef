using System.Text.RegularExpressions;

namespace Minamata.Reporting.Metadata.Fields;

/// <summary>
/// The cover block of a UN document: the lines before the body (symbol, "Distr.", date,
/// "Original:", meeting, agenda item, title, "Note by the secretariat"), in any of the six
/// languages; or, for a partner's own report, its letterhead and title page up to the first
/// heading or sentence of the body. It says which part of the text is the cover, and which of its
/// lines is the title.
/// </summary>
internal sealed partial class CoverPage
{
    private const int MaxCoverLines = 40;
    // UN titles run long ("Report of ... on the implementation of decision ... concerning ..."); a line
    // longer than this is running text, not a title.
    private const int MaxTitleLength = 600;

    private CoverPage(IReadOnlyList<string> lines, IReadOnlyList<bool> afterBlank, int bodyStart, int coverEndOffset)
    {
        Lines = lines;
        AfterBlank = afterBlank;
        BodyStart = bodyStart;
        CoverEndOffset = coverEndOffset;
    }

    /// <summary>The text's non-empty lines, trimmed.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>Whether a blank line came before each line: in plain text and Markdown it ends a block.</summary>
    public IReadOnlyList<bool> AfterBlank { get; }

    /// <summary>The index in <see cref="Lines"/> of the first line of the body.</summary>
    public int BodyStart { get; }

    /// <summary>Where the cover ends in the text the page was read from.</summary>
    public int CoverEndOffset { get; }

    public static CoverPage Read(string text)
    {
        var lines = new List<string>();
        var afterBlank = new List<bool>();
        var ends = new List<int>();
        var offset = 0;
        var blank = false;
        foreach (var raw in text.Split('\n'))
        {
            offset += raw.Length + 1;
            var line = raw.Trim();
            if (line.Length > 0)
            {
                lines.Add(line);
                afterBlank.Add(blank);
                ends.Add(offset);
            }

            blank = line.Length == 0;
        }

        var bodyStart = Math.Min(lines.Count, MaxCoverLines);
        for (var i = 0; i < bodyStart; i++)
        {
            if (SectionHeading().IsMatch(lines[i]) || (i > 0 && (lines[i].Length > 250 || (IsProse(lines[i]) && !Contact().IsMatch(lines[i])) || NumberedParagraph().IsMatch(lines[i]))))
            {
                bodyStart = i;
                break;
            }

            if (NoteBy().IsMatch(lines[i]))
            {
                bodyStart = i + 1;
                break;
            }
        }

        return new CoverPage(lines, afterBlank, bodyStart, bodyStart == 0 ? 0 : ends[bodyStart - 1]);
    }

    /// <summary>
    /// The title: the lines just before "Note by the secretariat" (or, without one, the first lines of
    /// the cover) that are none of the cover's other parts, joined when it runs over two lines.
    /// </summary>
    public string? Title()
    {
        var noteBy = -1;
        for (var i = 0; i < BodyStart; i++)
        {
            if (NoteBy().IsMatch(Lines[i]))
            {
                noteBy = i;
                break;
            }
        }

        var kinds = Enumerable.Range(0, BodyStart).Select(IsCoverPart).ToArray();
        // The line after an agenda item line is the item's own title, not the document's.
        for (var i = 0; i + 1 < BodyStart; i++)
        {
            if (AgendaItem().IsMatch(Lines[i]))
            {
                kinds[i + 1] = true;
            }
        }

        var run = new List<string>();
        if (noteBy >= 0)
        {
            // "Corrigendum" or "Addendum" may stand between the title and "Note by the secretariat".
            var last = noteBy - 1;
            while (last >= 0 && Issuance().IsMatch(Lines[last]))
            {
                last--;
            }

            for (var i = last; i >= 0 && !kinds[i]; i--)
            {
                run.Insert(0, Lines[i]);
            }
        }
        else if (Lines.Take(BodyStart).Select(l => SubjectNamingReport().Match(l)).FirstOrDefault(m => m.Success) is { } subject)
        {
            // A letter of transmittal: the report is the one its subject line names.
            run.Add(subject.Groups["title"].Value);
        }
        else
        {
            // Without "Note by ..." the title is the first block of lines that are nothing else (nor
            // a letterhead, nor a department above an address), and it ends at a blank line, before
            // a line of prose or before a line that says whose report it is.
            for (var i = 0; i < BodyStart; i++)
            {
                kinds[i] |= IsLetterhead(Lines[i]);
            }

            for (var first = Array.IndexOf(kinds, false); first >= 0 && run.Count == 0;)
            {
                var i = first;
                for (; i < BodyStart && !kinds[i] && (i == first || (!AfterBlank[i] && !StartsWithReport().IsMatch(Lines[i]))) && !IsProse(Lines[i]); i++)
                {
                    run.Add(Lines[i]);
                }

                // A department above an address, or an organisation's name wrapped over lines, is not a title.
                if ((i < BodyStart && Contact().IsMatch(Lines[i])) || (run.Count > 1 && IsLetterhead(JoinLines(run))))
                {
                    run.Clear();
                }
                else
                {
                    run = TitleBlock(run, first > 0 ? Lines[first - 1] : null);
                }

                first = i < kinds.Length ? Array.IndexOf(kinds, false, Math.Max(i, first + 1)) : -1;
            }
        }

        var title = WhiteSpace().Replace(JoinLines(run), " ").Trim().TrimEnd('*', ' ').TrimEnd('.');
        return title.Length is > 0 and <= MaxTitleLength ? title : null;
    }

    /// <summary>
    /// Of a run of lines, the block that is the title: a line that opens a sentence (a capitalised
    /// word, then a lower-case one) after a line that ended a phrase starts a new block ("... report
    /// 2026" / "Findings of joint surveys ..." are a title and its subtitle), and the title is the
    /// first block of three words or more (six characters in Chinese) that is not a letterhead, on
    /// its own or after the line before the run (a logo's "United Nations" / "Environment
    /// Programme" / "World Health" / "Organization").
    /// </summary>
    private static List<string> TitleBlock(List<string> run, string? lineBefore)
    {
        var blocks = new List<List<string>> { new() };
        for (var i = 0; i < run.Count; i++)
        {
            if (i > 0 && OpensASentence(run[i]) && !EndsMidPhrase().IsMatch(run[i - 1]))
            {
                blocks.Add([]);
            }

            blocks[^1].Add(run[i]);
        }

        bool IsTitle(List<string> block)
        {
            var text = JoinLines(block);
            var long_ = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3 || text.Count(Scripts.IsHan) >= 6;
            return long_ && !IsLetterhead(text) && !(block == blocks[0] && lineBefore is not null && IsLetterhead(lineBefore + " " + text));
        }

        return blocks.FirstOrDefault(IsTitle) ?? blocks[0];
    }

    private static bool OpensASentence(string line) => SentenceOpening().IsMatch(line);

    [GeneratedRegex(@"^\p{Lu}\p{Ll}[\p{L}'’-]*\s+\p{Ll}", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex SentenceOpening();

    // A line that leaves its phrase open: ends with a colon, comma or dash, or with a little word.
    [GeneratedRegex(@"(?:[:,;–—\-/(]|\b(?:of|the|and|for|on|in|to|a|an|with|by|de|la|le|les|des|du|et|en|pour|sur|aux?|del|los|las|el|y|para|con|por|sobre|и|в|по|о|с|для|на)\s*)$", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex EndsMidPhrase();

    /// <summary>Title lines joined with a space, but none between Chinese characters.</summary>
    private static string JoinLines(List<string> lines) => lines.Aggregate("", (title, line) =>
        title.Length == 0 ? line
        : Scripts.IsWrittenWithoutSpaces(title[^1]) && line.Length > 0 && Scripts.IsWrittenWithoutSpaces(line[0]) ? title + line
        : title + " " + line);

    /// <summary>A sentence of body text: it ends with a full stop and has more words than a title line has.</summary>
    private static bool IsProse(string line) =>
        (line.EndsWith('.') && line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 12) || (line.EndsWith('。') && line.Length > 30);

    /// <summary>How many lines at the top of a document may be its masthead ("United Nations", "Minamata Convention on Mercury").</summary>
    private const int MastheadLines = 4;

    private bool IsCoverPart(int i) => IsCoverPart(Lines[i]) || (i < MastheadLines && Masthead().IsMatch(Lines[i]));

    private static bool IsCoverPart(string line) =>
        NoteBy().IsMatch(line) || Distribution().IsMatch(line) || Original().IsMatch(line) || AgendaItem().IsMatch(line)
        || Meeting().IsMatch(line) || line.StartsWith('*') || line.Length > MaxTitleLength
        || SymbolFinder.Find(line).Count > 0 || DateScanner.Scan(line).Count > 0 || DayRange().IsMatch(line)
        || OwnNumber().IsMatch(line) || SeriesNumber().IsMatch(line) || Contact().IsMatch(line) || Byline().IsMatch(line) || Letter().IsMatch(line)
        || Issuance().IsMatch(line) || LabelledField().IsMatch(line);

    /// <summary>
    /// A line that names an organisation and nothing else but its acronym or, after a dash or a
    /// middle dot, its department: a letterhead, not a title.
    /// </summary>
    public static bool IsLetterhead(string line)
    {
        if (Office().IsMatch(line))
        {
            return true;
        }

        var mentions = OrganizationFinder.Default.FindMentions(line);
        if (mentions.Count == 0 || mentions[0].Start > SecretariatOf().Match(line).Length || ReportOf().IsMatch(line))
        {
            return false;
        }

        // A joint letterhead names several organisations in a row ("United Nations Environment Programme World Health Organization").
        var end = mentions[0].End;
        foreach (var mention in mentions.Skip(1))
        {
            if (mention.Start <= end + 2 || JoinsNames().IsMatch(line.AsSpan(end, Math.Max(0, mention.Start - end)).ToString()))
            {
                end = Math.Max(end, mention.End);
            }
        }

        var rest = line.AsSpan(end).TrimStart(") ");
        if (rest.StartsWith("(") && rest.IndexOf(')') is var close and > 0)
        {
            rest = rest[(close + 1)..].TrimStart();
        }

        return rest.IsEmpty || rest[0] is '–' or '—' or '-' or '·' or '•' or '|' or ',' or '،';
    }

    [GeneratedRegex(@"^(?:note by the (?:executive )?secretar|note (?:du|de la) secr[ée]tari|nota de la secretar[ií]a|записка (?:исполнительного )?секретариата|مذكرة من الأمان|مذكرة الأمان|秘书处的说明|(?:report|note) of the executive secretary)", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex NoteBy();

    [GeneratedRegex(@"^(?:distr\.?\s*[:.]?|التوزيع\s*:|分发\s*[:：]|распр\.|распространение\s*:)", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex Distribution();

    [GeneratedRegex(@"^(?:original\s*:|язык оригинала|الأصل\s*:|原文\s*[:：])", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex Original();

    [GeneratedRegex(@"(?:item\s+[0-9]+.*provisional agenda|point\s+[0-9]+.*ordre du jour|tema\s+[0-9]+.*programa provisional|пункт\s+[0-9]+.*повестки дня|البند\s+[0-9]+.*جدول الأعمال|临时议程|议程项目)", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex AgendaItem();

    // The meeting's name ("Conference of the Parties to the Minamata Convention") anywhere in a line;
    // its number ("Seventh meeting", "Седьмое совещание", "第七次会议") only as a line of its own.
    [GeneratedRegex(@"^(?:conference of the parties|conférence des parties|conferencia de las partes|конференция сторон|مؤتمر الأطراف|(?:关于汞的)?水俣公约缔约方大会|缔约方大会|open-ended working group|groupe de travail à composition non limitée|grupo de trabajo de composición abierta|рабочая группа открытого состава)|^(?:\S+ (?:meeting|session|réunion|reunión|совещание|сессия)|(?:première|deuxième|troisième|quatrième|cinquième|sixième|septième|huitième|primera|segunda|tercera|cuarta|quinta|sexta|séptima|octava) \S+|(?:الاجتماع|الدورة) \S+(?: \S+)?|第\S+次会议)$", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex Meeting();

    [GeneratedRegex(@"^(?:united nations|nations unies|naciones unidas|организация объединенных наций|الأمم المتحدة|联合国|unep|pnue|pnuma|юнеп|mc|мк|english|français|español|русский|العربية|中文|arabic|chinese|french|russian|spanish|(?:english|french|spanish|anglais|espagnol|inglés|francés) (?:only|seulement|únicamente)|general|générale|limited|restricted|minamata convention on mercury|convention de minamata sur le mercure|convenio de minamata sobre el mercurio|минаматская конвенция о ртути|اتفاقية ميناماتا بشأن الزئبق|关于汞的水俣公约|水俣公约)$", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex Masthead();

    // A partner's own document number: one token of slash-separated parts ("WHO/HEP/ECH/2025.1",
    // "ILO/SECTOR/WP.312"), or the line that introduces it ("Document No. ...", "Ref.: ...").
    [GeneratedRegex(@"^(?:(?:document|doc\.|ref(?:erence)?\.?|no\.|n[°º]|документ|№|编号|文号|رقم الوثيقة)\s*[:.]?\s*)?[\p{L}0-9.\-]+(?:/[\p{L}0-9.\-]+){1,7}(?:\s*\([\p{L}]{1,3}\))?$", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex OwnNumber();

    // A series and number: "Working Paper No. 312", "Circular de Pesca y Acuicultura n.º 1298", "Серия № 5".
    [GeneratedRegex(@"(?:\bno\.?|\bn\.?\s?[°º]|\bnr\.?|№|第)\s*[0-9]+[号期]?$", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex SeriesNumber();

    // Who sends the report, under its title: "Submitted by ...", "Information provided by ...", "Présenté par ...".
    [GeneratedRegex(@"^(?:(?:information|a\s+report|report|contribution)\s+)?(?:submitted|prepared|presented|provided|transmitted)(?:\s+jointly)?\s+by\b|^(?:elaborad[oa]|preparad[oa]|presentad[oa])\s+(?:conjuntamente\s+)?por\b|^(?:(?:informations?|rapport)\s+)?(?:présentée?s?|soumise?s?|établie?s?|fournie?s?|transmise?s?)\s+par\b|^(?:(?:información|informe)\s+)?(?:presentad[oa]s?|preparad[oa]s?|facilitad[oa]s?|remitid[oa]s?)\s+por\b|^(?:представлен|подготовлен)\w*\s|^(?:مقدم|مقدمة|أعده|أعدته)\s|提交(?:的(?:报告|资料|信息))?$", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex Byline();

    // Addresses, telephone numbers, e-mail and web addresses of a letterhead.
    [GeneratedRegex(@"@|www\.|https?://|^(?:tel|t[ée]l|fax|e-mail|email|тел|факс|هاتف|电话)\b|\b(?:avenue|rue|street|route|calle|viale|via|quai|straße|strasse|platz|улица|ул\.|проспект)\b|\s·\s|[\u4E00-\u9FFF]\s?·\s?[\u4E00-\u9FFF]|\b(?:p\.?\s?o\.?\s+box|b\.p\.|case postale|apartado|edificio|а/я|ch-[0-9]{4})|\b[0-9]{4,5} (?:gen[eè]v|geneva|genf|vienna|vienne|wien|paris|rome|roma|new york|nairobi|washington)|(?:邮编|邮政信箱|信箱|号，|广场)|(?:ص\.\s?ب|صندوق بريد|جادة|شارع|طريق)", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex Contact();

    // A labelled field of a letterhead or cover table: "Ref.: ...", "Date: ...", "الرقم: ...", "报告编号".
    [GeneratedRegex(@"^(?:date|fecha|дата|التاريخ|الموافق|日期|ref(?:erence)?|r[ée]f[ée]rence|r[ée]f|referencia|n/r[ée]f|our\s+ref|исх|الرقم|المرجع|编号|文号|报告编号)\s*\.?\s*[:：]|^(?:提交单位|报告编号|报告期|日期|编号|文号)[:：]?$", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex LabelledField();

    // What the document is to another: "Corrigendum", "Addendum", "Additif", "Исправление", "更正".
    [GeneratedRegex(@"^(?:corrigendum|addendum|additif|rectificatif|corrección|adición|adenda|исправление|добавление|تصويب|إضافة|更正|增编)$", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex Issuance();

    // A letter's parts: addressee, subject, salutation ("To:", "Subject:", "Dear ...", "致：", "事由：").
    [GeneratedRegex(@"^(?:(?:to|from|subject|re|objet|asunto|тема|кому|الموضوع|إلى|致|事由|主题)\s*[:：]|dear\b|madame|monsieur|estimad[oa]|señor|уважаем|السيد|尊敬的)|(?:女士|先生)[:：]$", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex Letter();

    // A letter's subject line that names the report it transmits: "Subject: Transmission of the report 'X'", "事由：转交《X》报告".
    [GeneratedRegex(@"^(?:subject|re|objet|asunto|тема|الموضوع|事由|主题)\s*[:：].*?[《“«""](?<title>[^》”»""]{8,})[》”»""]", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex SubjectNamingReport();

    // Between two organisations' names on one letterhead: spaces, "and", "&", a comma.
    [GeneratedRegex(@"^[\s,&]*(?:and|et|y|и|و|和)?[\s,&]*$", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex JoinsNames();

    // "Secretariat of the ...", "Secretaría del ...": the organisation's secretariat, still a letterhead.
    [GeneratedRegex(@"^(?:(?:joint\s+)?secretariats?\s+of\s+(?:the\s+)?|secr[ée]tariat\s+(?:du|de\s+la|des|de\s+l['’])\s*|secretar[ií]a\s+(?:del?|de\s+la|de\s+los)\s+|секретариат\w*\s+|أمانة\s+|)", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    public static partial Regex SecretariatOf();

    // An office of an organisation on its letterhead: "Regional Office for Europe", "المكتب الإقليمي لشرق المتوسط".
    [GeneratedRegex(@"^(?:(?:who\s+)?regional office for|(?:\w+\s+)?country office|bureau régional|bureau de pays|oficina regional|oficina (?:en el|de) país|\w+\s+региональное бюро|региональное бюро|страновое отделение|المكتب الإقليمي|المكتب القطري|区域办事处|驻\S+办事处)", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex Office();

    // Capitalised: "contribution de la FAO" inside a title goes on; "Contribution de ..." below it is a byline.
    [GeneratedRegex(@"^(?:Report|REPORT|Rapport|RAPPORT|Informe|INFORME|Доклад|ДОКЛАД|تقرير|Contribution|Contribución|Вклад|مساهمة)\b", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex StartsWithReport();

    // A title that names its author ("Report of the World Health Organization on ...") is a title.
    [GeneratedRegex(@"^(?:report|rapport|informe|доклад|تقرير)\b|报告$", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex ReportOf();

    // "1. The secretariat has the honour ..." or, as Arabic documents number, "1 - خلفية" starts the body.
    [GeneratedRegex(@"^[0-9]{1,3}\.\s+\p{L}.{40,}|^[0-9]{1,3}\s*-\s+\p{L}", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex NumberedParagraph();

    [GeneratedRegex(@"^(?:[IVXLC]+\.\s+\S|[IVXLC]+\.?\t|(?:[0-9]{1,2}\.?\s+)?(?:introduction|введение|introducción|مقدمة|导言|引言|background|contexte|antecedentes|general information)$|[一二三四五六七八九十]+、|annex$|annexe$|anexo$|приложение$|المرفق$|附件$|(?:executive\s+)?summary$|(?:résumé(?: analytique)?|synthèse)$|(?:resumen(?: ejecutivo)?|sinopsis)$|(?:резюме|краткое изложение)$|(?:موجز(?: تنفيذي)?|ملخص(?: تنفيذي)?)$|(?:内容提要|执行摘要|摘要|概要)$|(?:contents|table of contents|sommaire|table des matières|índice|содержание|المحتويات|目录)$)", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"[0-9]{1,2}\s*[-–—]\s*[0-9]{1,2}\s+\p{L}+\s+[0-9]{4}", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex DayRange();

    [GeneratedRegex(@"\s+", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex WhiteSpace();
}
