using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Minamata.Reporting.Tests;

/// <summary>No regular expression of the core can hang on a partner's text: each has a match time-out.</summary>
public sealed class RegexTimeoutTests
{
    [Fact]
    public void Every_source_generated_regex_has_a_match_timeout()
    {
        var generated = typeof(ReportingServiceCollectionExtensions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<GeneratedRegexAttribute>()))
            .Where(m => m.Attribute is not null)
            .ToList();

        Assert.True(generated.Count > 50, $"found only {generated.Count} generated expressions");
        Assert.All(generated, m => Assert.True(m.Attribute!.MatchTimeoutMilliseconds > 0, $"{m.Method.DeclaringType!.Name}.{m.Method.Name} has no match time-out"));
    }

    /// <summary>Expressions built from data (the month names) cannot be generated; they are kept in static fields, alone or in lists.</summary>
    [Fact]
    public void Every_expression_kept_in_a_static_field_has_a_match_timeout()
    {
        var kept = typeof(ReportingServiceCollectionExtensions).Assembly.GetTypes()
            .Where(t => !t.ContainsGenericParameters)
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Where(f => f.FieldType == typeof(Regex) || f.FieldType.IsArray)
            .SelectMany(f => Expressions(f.GetValue(null)).Select(regex => (Field: $"{f.DeclaringType!.Name}.{f.Name}", Regex: regex)))
            .ToList();

        Assert.True(kept.Count >= 20, $"found only {kept.Count} expressions in static fields");
        Assert.All(kept, k => Assert.True(k.Regex.MatchTimeout != Regex.InfiniteMatchTimeout, $"{k.Field} ({k.Regex}) has no match time-out"));
    }

    /// <summary>The expressions in a field's value: itself, or the items of a list, or of a list of tuples such as (pattern, month).</summary>
    private static IEnumerable<Regex> Expressions(object? value) => value switch
    {
        Regex regex => [regex],
        Array items => items.Cast<object?>().SelectMany(item => item is ITuple tuple ? Enumerable.Range(0, tuple.Length).Select(i => tuple[i]).OfType<Regex>() : Expressions(item)),
        _ => [],
    };
}
