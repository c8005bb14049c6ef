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

    private OrganizationFinder(Dictionary<string, RegistryEntry> registry)
    {
        foreach (var (id, entry) in registry)
        {
            foreach (var name in entry.Names)
            {
                if (name.Any(IsHan))
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

    public IReadOnlyList<string> Find(string text)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var words = Word.Split(text).Select(w => w.Text).ToList();
        foreach (var word in words)
        {
            if (acronyms.TryGetValue(word, out var id))
            {
                found.Add(id);
            }
        }

        var stems = words.Where(w => !WordStems.IsStopWord(w)).Select(WordStems.Stem).ToList();
        for (var i = 0; i < stems.Count; i++)
        {
            if (!namesByFirstStem.TryGetValue(stems[i], out var candidates))
            {
                continue;
            }

            foreach (var (id, name) in candidates)
            {
                if (i + name.Length <= stems.Count && System.Runtime.InteropServices.CollectionsMarshal.AsSpan(stems).Slice(i, name.Length).SequenceEqual(name))
                {
                    found.Add(id);
                }
            }
        }

        foreach (var (id, name) in chineseNames)
        {
            if (text.Contains(name, StringComparison.Ordinal))
            {
                found.Add(id);
            }
        }

        return [.. found];
    }

    private static IEnumerable<string> StemsOf(string name) =>
        Word.Split(name).Select(w => w.Text).Where(w => !WordStems.IsStopWord(w)).Select(WordStems.Stem);

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';

    private static OrganizationFinder Load()
    {
        using var stream = typeof(OrganizationFinder).Assembly.GetManifestResourceStream("Minamata.Reporting.Metadata.Data.organizations.json")
            ?? throw new InvalidOperationException("The organisation registry is not embedded in the assembly.");
        using var document = JsonDocument.Parse(stream);
        var registry = document.RootElement.EnumerateObject()
            .Where(p => !p.Name.StartsWith('_'))
            .ToDictionary(p => p.Name, p => p.Value.Deserialize<RegistryEntry>(ReportingJson.Options)!);
        return new OrganizationFinder(registry);
    }

    private sealed record RegistryEntry(string[] Names, string[] Acronyms);
}
