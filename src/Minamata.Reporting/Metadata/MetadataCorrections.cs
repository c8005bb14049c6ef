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

    /// <summary>The fields, by their names in the metadata record.</summary>
    public static IReadOnlyList<string> Fields { get; } =
        ["title", "symbol", "documentDate", "reportingPeriod", "language", "submittedBy", "conventionArticles", "organizations", "referencedDocuments"];

    /// <summary>The record with each correction in place of what was extracted.</summary>
    public static ReportMetadata Apply(ReportMetadata extracted, IReadOnlyDictionary<string, Correction> corrections)
    {
        var effective = extracted;
        foreach (var (field, correction) in corrections)
        {
            var value = correction.Value;
            effective = field switch
            {
                "title" => effective with { Title = value.GetString() },
                "symbol" => effective with { Symbol = value.GetString() },
                "documentDate" => effective with { DocumentDate = value.GetString() },
                "reportingPeriod" => effective with { ReportingPeriod = value.Deserialize<ReportingPeriod>(ReportingJson.Options) },
                "language" => effective with { Language = value.GetString() },
                "submittedBy" => effective with { SubmittedBy = value.GetString() },
                "conventionArticles" => effective with { ConventionArticles = Strings(value) },
                "organizations" => effective with { Organizations = Strings(value) },
                "referencedDocuments" => effective with { ReferencedDocuments = Strings(value) },
                // A correction of a field later dropped from the list is kept, not applied.
                _ => effective,
            };
        }

        return effective;
    }

    /// <summary>
    /// The value for <paramref name="field"/> in the record's normal form (a symbol normalised, lists
    /// sorted and unique), or null with <paramref name="problem"/> saying what is wrong with it.
    /// </summary>
    public static JsonElement? Check(string field, JsonElement value, out string? problem)
    {
        problem = null;
        object? normal = field switch
        {
            "title" => Text(value) is { Length: > 0 and <= MaxTitleCharacters } title ? title : Fail($"must be text of 1 to {MaxTitleCharacters} characters.", out problem),
            "symbol" => Text(value) is { } text && Symbol(text) is { } symbol ? symbol : Fail("must be a UN document symbol, e.g. UNEP/MC/COP.7/INF/12.", out problem),
            "documentDate" => Text(value) is { } date && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? date : Fail("must be a date, YYYY-MM-DD.", out problem),
            "reportingPeriod" => Period(value) ?? Fail("must be {\"start\":\"YYYY-MM\",\"end\":\"YYYY-MM\"} with the start not after the end.", out problem),
            "language" => Text(value) is { } language && LanguageCodes.IsIso6391(language) ? language : Fail("must be an ISO 639-1 code such as en, fr, es, ru, ar or zh.", out problem),
            "submittedBy" => Text(value) is { } id && OrganizationFinder.Default.Ids.Contains(id) ? id : Fail("must be the id of a known organisation, e.g. WHO or ILO.", out problem),
            "conventionArticles" => List(value, Article, ArticleOrder.Instance) ?? Fail("must be a list of articles of the Convention, e.g. [\"7\", \"16(2)(a)\"].", out problem),
            "organizations" => List(value, id => OrganizationFinder.Default.Ids.Contains(id) ? id : null) ?? Fail("must be a list of ids of known organisations, e.g. [\"ILO\", \"WHO\"].", out problem),
            "referencedDocuments" => List(value, Symbol) ?? Fail("must be a list of UN document symbols, e.g. [\"UNEP/MC/COP.6/INF/30\"].", out problem),
            _ => Fail("is not a field that can be corrected; these can: " + string.Join(", ", Fields) + ".", out problem),
        };
        return problem is null ? JsonSerializer.SerializeToElement(normal, ReportingJson.Options) : null;
    }

    private static object? Fail(string message, out string problem)
    {
        problem = message;
        return null;
    }

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

    private static IReadOnlyList<string> Strings(JsonElement value) => value.Deserialize<string[]>(ReportingJson.Options) ?? [];

    [GeneratedRegex(@"^(?<article>[1-9][0-9]?)(\([1-9][0-9]?\)(\([a-z]{1,4}\))?)?$", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex ArticleForm();
}
