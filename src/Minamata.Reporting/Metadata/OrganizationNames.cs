using Minamata.Reporting.Metadata.Fields;

namespace Minamata.Reporting.Metadata;

/// <summary>How the secretariat's notes name an organisation: "the World Health Organization (WHO)".</summary>
public static class OrganizationNames
{
    /// <summary>
    /// The organisation's name as a title or a table gives it ("World Health Organization",
    /// "Secretariat of the Basel, Rotterdam and Stockholm Conventions"), from the registry; null for
    /// an id not in it.
    /// </summary>
    public static string? Name(string id) =>
        OrganizationFinder.Default.InText(id) is { } named ? char.ToUpperInvariant(named["the ".Length]) + named[("the ".Length + 1)..] : null;

    /// <summary>
    /// A partner as a sentence names it: the registry's words for an organisation it knows, else the
    /// partner's own name with "the" when it has several words ("UNICEF" stays as it is); then its
    /// id, unless that is the name.
    /// </summary>
    public static string InProse(string name, string id)
    {
        var named = OrganizationFinder.Default.InText(id)
            ?? (name.Contains(' ', StringComparison.Ordinal) && !name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? "the " + name : name);
        return name == id ? named : $"{named} ({id})";
    }

    /// <summary>The same at the start of a sentence: "The World Health Organization (WHO)".</summary>
    public static string InProseFirst(string name, string id) => InProse(name, id) is var prose && prose.Length > 0 ? char.ToUpperInvariant(prose[0]) + prose[1..] : prose;
}
