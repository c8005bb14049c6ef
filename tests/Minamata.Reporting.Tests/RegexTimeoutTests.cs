using System.Reflection;
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
}
