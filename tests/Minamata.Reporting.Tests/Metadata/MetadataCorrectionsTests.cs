using System.Text.Json;
using Minamata.Reporting.Metadata;

namespace Minamata.Reporting.Tests.Metadata;

/// <summary>A correction is checked as the extractor writes its field, and the effective record is the extracted one with the corrections in place.</summary>
public sealed class MetadataCorrectionsTests
{
    [Theory]
    [InlineData("title", "\"  Report on mercury  \"", "\"Report on mercury\"")]
    [InlineData("symbol", "\"UNEP/MC/COP.6/INF/33/Rev.1\"", "\"UNEP/MC/COP.6/INF/33/Rev.1\"")]
    [InlineData("documentDate", "\"2024-02-29\"", "\"2024-02-29\"")]
    [InlineData("reportingPeriod", "{\"start\":\"2024-07\",\"end\":\"2024-07\"}", "{\"start\":\"2024-07\",\"end\":\"2024-07\"}")]
    [InlineData("language", "\"zh\"", "\"zh\"")]
    [InlineData("conventionArticles", "[\"23(5)(b)\",\"7\",\"16(2)(a)\",\"16\",\"7\"]", "[\"7\",\"16\",\"16(2)(a)\",\"23(5)(b)\"]")]
    [InlineData("organizations", "[]", "[]")]
    [InlineData("referencedDocuments", "[\"UNEP/MC/COP.6/INF/31\",\"UNEP/MC/COP.6/INF/30\"]", "[\"UNEP/MC/COP.6/INF/30\",\"UNEP/MC/COP.6/INF/31\"]")]
    public void An_accepted_value_is_written_as_the_extractor_writes_the_field(string field, string value, string expected)
    {
        var normal = MetadataCorrections.Check(field, JsonDocument.Parse(value).RootElement, out var problem);

        Assert.Null(problem);
        Assert.Equal(expected, JsonSerializer.Serialize(normal));
    }

    [Theory]
    [InlineData("title", "\"   \"")]
    [InlineData("title", "42")]
    [InlineData("symbol", "\"WHO/HEP/ECH/2025.1 and more\"")]
    [InlineData("documentDate", "\"2025-02-29\"")]
    [InlineData("documentDate", "\"14 March 2025\"")]
    [InlineData("reportingPeriod", "{\"start\":\"2025-07\",\"end\":\"2025-06\"}")]
    [InlineData("reportingPeriod", "{\"start\":\"2025-13\",\"end\":\"2026-01\"}")]
    [InlineData("language", "\"english\"")]
    [InlineData("submittedBy", "\"World Health Organization\"")]
    [InlineData("conventionArticles", "[\"36\"]")]
    [InlineData("conventionArticles", "[\"article 7\"]")]
    [InlineData("organizations", "\"WHO\"")]
    [InlineData("wordCount", "12")]
    [InlineData("sha256", "\"abc\"")]
    public void A_value_the_field_cannot_hold_is_refused_with_a_reason(string field, string value)
    {
        var normal = MetadataCorrections.Check(field, JsonDocument.Parse(value).RootElement, out var problem);

        Assert.Null(normal);
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Fact]
    public void The_effective_record_has_the_corrections_and_the_extracted_one_is_unchanged()
    {
        var extracted = new ReportMetadata { File = "who.txt", Format = "txt", Sha256 = "00", Title = "Wrong title", Language = "en", Organizations = ["WHO"] };
        var at = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        var corrections = new Dictionary<string, Correction>
        {
            ["title"] = new(JsonDocument.Parse("\"Right title\"").RootElement, "secretariat", at),
            ["organizations"] = new(JsonDocument.Parse("[\"ILO\",\"WHO\"]").RootElement, "secretariat", at),
        };

        var effective = MetadataCorrections.Apply(extracted, corrections);

        Assert.Equal("Right title", effective.Title);
        Assert.Equal(["ILO", "WHO"], effective.Organizations);
        Assert.Equal("en", effective.Language);
        Assert.Equal("Wrong title", extracted.Title);
    }
}
