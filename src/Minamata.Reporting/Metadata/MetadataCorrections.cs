using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Minamata.Reporting.Metadata.Fields;

namespace Minamata.Reporting.Metadata;

/// <summary>A field of the metadata record set by hand: its value in the record's own shape, who set it, when.</summary>
public sealed record Correction(JsonElement Value, string By, DateTimeOffset At);

/// <summary>
/// The fields the secretariat may correct, how a value for each is checked and normalised (as the
/// extractor writes that field), and the effective record: what was extracted with each correction
/// in its place. What was extracted is never changed; clearing a correction brings it back.
/// </summary>
public static partial class MetadataCorrections
{
    private const int MaxTitleCharacters = 500;
    private const int MaxListItems = 200;

    /// <summary>
    /// Each field the secretariat may correct, once: its name in the record, how a value is checked
    /// and normalised (null: refused), what a value must be, and how it goes into the record.
    /// </summary>
    private static readonly CorrectableField[] Correctable =
    [
        new("title", v => Text(v) is { Length: <= MaxTitleCharacters } title ? title : null,
            $"must be text of 1 to {MaxTitleCharacters} characters.", (m, v) => m with { Title = v.GetString() }),
        new("symbol", v => Text(v) is { } text ? Symbol(text) : null,
            "must be a UN document symbol, e.g. UNEP/MC/COP.7/INF/12.", (m, v) => m with { Symbol = v.GetString() }),
        new("documentDate", v => Text(v) is { } date && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? date : null,
            "must be a date, YYYY-MM-DD.", (m, v) => m with { DocumentDate = v.GetString() }),
        new("reportingPeriod", Period,
            "must be {\"start\":\"YYYY-MM\",\"end\":\"YYYY-MM\"} with the start not after the end.", (m, v) => m with { ReportingPeriod = v.Deserialize(ReportingJson.TypeInfo<ReportingPeriod>()) }),
        new("language", v => Text(v) is { } language && LanguageCodes.IsIso6391(language) ? language : null,
            "must be an ISO 639-1 code such as en, fr, es, ru, ar or zh.", (m, v) => m with { Language = v.GetString() }),
        new("submittedBy", v => Text(v) is { } id ? Organization(id) : null,
            "must be the id of a known organisation, e.g. WHO or ILO.", (m, v) => m with { SubmittedBy = v.GetString() }),
        new("conventionArticles", v => List(v, Article, ArticleOrder.Instance),
            "must be a list of articles of the Convention, e.g. [\"7\", \"16(2)(a)\"].", (m, v) => m with { ConventionArticles = Strings(v) }),
        new("organizations", v => List(v, Organization),
            "must be a list of ids of known organisations, e.g. [\"ILO\", \"WHO\"].", (m, v) => m with { Organizations = Strings(v) }),
        new("referencedDocuments", v => List(v, Symbol),
            "must be a list of UN document symbols, e.g. [\"UNEP/MC/COP.6/INF/30\"].", (m, v) => m with { ReferencedDocuments = Strings(v) }),
    ];

    /// <summary>The fields, by their names in the metadata record.</summary>
    public static IReadOnlyList<string> Fields { get; } = [.. Correctable.Select(f => f.Name)];

    /// <summary>The record with each correction in place of what was extracted.</summary>
    public static ReportMetadata Apply(ReportMetadata extracted, IReadOnlyDictionary<string, Correction> corrections)
    {
        var effective = extracted;
        foreach (var (field, correction) in corrections)
        {
            // A correction of a field later dropped from the list is kept, not applied.
            if (Find(field) is { } correctable)
            {
                effective = correctable.Put(effective, correction.Value);
            }
        }

        return effective;
    }

    /// <summary>
    /// The value for <paramref name="field"/> in the record's normal form (a symbol normalised, lists
    /// sorted and unique), or null with <paramref name="problem"/> saying what is wrong with it.
    /// </summary>
    public static JsonElement? Check(string field, JsonElement value, out string? problem)
    {
        if (Find(field) is not { } correctable)
        {
            problem = "is not a field that can be corrected; these can: " + string.Join(", ", Fields) + ".";
            return null;
        }

        var normal = correctable.Normalise(value);
        problem = normal is null ? correctable.Requirement : null;
        return normal is null ? null : JsonSerializer.SerializeToElement(normal, ReportingJson.Options.GetTypeInfo(normal.GetType()));
    }

    private static CorrectableField? Find(string field) => Array.Find(Correctable, f => f.Name == field);

    private static string? Organization(string id) => OrganizationFinder.Default.Ids.Contains(id) ? id : null;

    private static string? Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>The symbol in its normal form when the whole value is one UN symbol.</summary>
    private static string? Symbol(string value) =>
        SymbolFinder.Find(value) is [{ Index: 0 } mention] && mention.Length == value.Length ? mention.Symbol : null;

    private static ReportingPeriod? Period(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty("start", out var start) || !value.TryGetProperty("end", out var end)
            || Text(start) is not { } from || Text(end) is not { } to
            || !DateOnly.TryParseExact(from, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || !DateOnly.TryParseExact(to, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last)
            || first > last)
        {
            return null;
        }

        return new ReportingPeriod(from, to);
    }

    /// <summary>An article as the record writes it: N, N(p) or N(p)(x), article 1 to 35.</summary>
    private static string? Article(string value) =>
        ArticleForm().Match(value) is { Success: true } match && int.Parse(match.Groups["article"].Value, CultureInfo.InvariantCulture) is >= 1 and <= 35 ? value : null;

    private static string[]? List(JsonElement value, Func<string, string?> normalise, IComparer<string>? order = null)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > MaxListItems)
        {
            return null;
        }

        var items = new SortedSet<string>(order ?? StringComparer.Ordinal);
        foreach (var item in value.EnumerateArray())
        {
            if (Text(item) is not { } text || normalise(text) is not { } normal)
            {
                return null;
            }

            items.Add(normal);
        }

        return [.. items];
    }

    /// <summary>Articles in the Convention's order, as the extractor lists them: 4, 7(4)(a), 16(2)(a).</summary>
    private sealed class ArticleOrder : IComparer<string>
    {
        public static readonly ArticleOrder Instance = new();

        public int Compare(string? x, string? y) => Key(x).CompareTo(Key(y));

        private static (int Article, int Paragraph, string Letter) Key(string? article)
        {
            var parts = (article ?? "").Split('(', StringSplitOptions.RemoveEmptyEntries).Select(p => p.TrimEnd(')')).ToArray();
            return (int.Parse(parts[0], CultureInfo.InvariantCulture), parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0, parts.Length > 2 ? parts[2] : "");
        }
    }

    private sealed record CorrectableField(string Name, Func<JsonElement, object?> Normalise, string Requirement, Func<ReportMetadata, JsonElement, ReportMetadata> Put);

    private static IReadOnlyList<string> Strings(JsonElement value) => value.Deserialize(ReportingJson.TypeInfo<string[]>()) ?? [];

    [GeneratedRegex(@"^(?<article>[1-9][0-9]?)(\([1-9][0-9]?\)(\([a-z]{1,4}\))?)?$", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex ArticleForm();
}
