using System.Text.Json;

namespace Minamata.Reporting.Metadata.Fields;

/// <summary>
/// Finds the organisations of the contract named in a text, from the registry in
/// <c>Data/organizations.json</c>: names match word by word on stems (so "Всемирной организацией
/// здравоохранения" is WHO), acronyms match whole words exactly (so "WHOLE" is not WHO), Chinese
/// names match as written since Chinese does not separate words.
/// </summary>
internal sealed class OrganizationFinder
{
    private readonly Dictionary<string, List<(string Id, string[] Stems)>> namesByFirstStem = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> acronyms = new(StringComparer.Ordinal);
    private readonly List<(string Id, string Name)> chineseNames = [];

    private readonly Dictionary<string, string> inText = new(StringComparer.Ordinal);

    private OrganizationFinder(Dictionary<string, RegistryEntry> registry)
    {
        Ids = registry.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var (id, entry) in registry)
        {
            inText[id] = entry.InText;
            foreach (var name in entry.Names)
            {
                if (name.Any(Scripts.IsHan))
                {
                    chineseNames.Add((id, name));
                    continue;
                }

                var stems = StemsOf(name).ToArray();
                if (!namesByFirstStem.TryGetValue(stems[0], out var list))
                {
                    namesByFirstStem[stems[0]] = list = [];
                }

                list.Add((id, stems));
            }

            foreach (var acronym in entry.Acronyms)
            {
                acronyms[acronym] = id;
            }
        }
    }

    public static OrganizationFinder Default { get; } = Load();

    /// <summary>Every organisation's canonical id (the metadata record's <c>organizations</c> and <c>submittedBy</c>).</summary>
    public IReadOnlySet<string> Ids { get; }

    /// <summary>How the secretariat's notes name the organisation in a sentence ("the World Health Organization"); null for an id not in the registry.</summary>
    public string? InText(string id) => inText.GetValueOrDefault(id);

    public IReadOnlyList<string> Find(string text) => [.. FindMentions(text).Select(m => m.Id).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>
    /// Every naming of an organisation, in the order they stand. An acronym written onto a word with
    /// a hyphen counts too ("GEF-8", "UNEP-led", "WHO-supported").
    /// </summary>
    public List<OrganizationMention> FindMentions(string text)
    {
        var found = new List<OrganizationMention>();
        var words = PositionedWord.Split(text);
        foreach (var word in words)
        {
            if (acronyms.TryGetValue(word.Text, out var id))
            {
                found.Add(new OrganizationMention(id, word.Start, word.Start + word.Text.Length));
            }
            else if (word.Text.IndexOfAny(['-', '\u2011']) is > 1 and var hyphen && acronyms.TryGetValue(word.Text[..hyphen], out id))
            {
                found.Add(new OrganizationMention(id, word.Start, word.Start + hyphen));
            }
        }

        var stems = words.Where(w => !WordStems.IsStopWord(w.Text)).Select(w => (Stem: WordStems.Stem(w.Text), w.Start, End: w.Start + w.Text.Length)).ToList();
        for (var i = 0; i < stems.Count; i++)
        {
            if (!namesByFirstStem.TryGetValue(stems[i].Stem, out var candidates))
            {
                continue;
            }

            foreach (var (id, name) in candidates)
            {
                if (i + name.Length <= stems.Count && Enumerable.Range(0, name.Length).All(k => stems[i + k].Stem == name[k]))
                {
                    found.Add(new OrganizationMention(id, stems[i].Start, stems[i + name.Length - 1].End));
                }
            }
        }

        foreach (var (id, name) in chineseNames)
        {
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                found.Add(new OrganizationMention(id, at, at + name.Length));
            }
        }

        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return found;
    }

    private static IEnumerable<string> StemsOf(string name) =>
        PositionedWord.Split(name).Select(w => w.Text).Where(w => !WordStems.IsStopWord(w)).Select(WordStems.Stem);

    private static OrganizationFinder Load()
    {
        using var stream = typeof(OrganizationFinder).Assembly.GetManifestResourceStream("Minamata.Reporting.Metadata.Data.organizations.json")
            ?? throw new InvalidOperationException("The organisation registry is not embedded in the assembly.");
        using var document = JsonDocument.Parse(stream);
        var registry = document.RootElement.EnumerateObject()
            .Where(p => !p.Name.StartsWith('_'))
            .ToDictionary(p => p.Name, p => p.Value.Deserialize(ReportingJson.TypeInfo<RegistryEntry>())!);
        return new OrganizationFinder(registry);
    }

    internal sealed record RegistryEntry(string[] Names, string[] Acronyms, string InText);
}

/// <summary>An organisation named in a text, and where (start inclusive, end exclusive).</summary>
internal sealed record OrganizationMention(string Id, int Start, int End);
