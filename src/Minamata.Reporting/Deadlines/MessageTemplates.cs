using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Minamata.Reporting.Notifications;

namespace Minamata.Reporting.Deadlines;

/// <summary>
/// Message templates, one data file per language in <c>Deadlines/Templates</c> (English is the
/// fallback for a language without a file, or a kind a file lacks). Placeholders in braces are
/// replaced by values; in the HTML part the values are encoded and links made links.
/// </summary>
public static partial class MessageTemplates
{
    public const string Fallback = "en";
    private const string ResourcePrefix = "Minamata.Reporting.Deadlines.Templates.";

    private static readonly Lazy<Dictionary<string, Dictionary<string, Template>>> All = new(Load);

    public static IReadOnlyCollection<string> Languages => All.Value.Keys;

    public static RenderedMessage Render(string language, string kind, IReadOnlyDictionary<string, string> values)
    {
        var chosen = All.Value.TryGetValue(language, out var templates) && templates.ContainsKey(kind) ? language : Fallback;
        var template = All.Value[chosen][kind];
        var text = new StringBuilder();
        var html = new StringBuilder($"<!DOCTYPE html><html lang=\"{chosen}\" dir=\"{(chosen == "ar" ? "rtl" : "ltr")}\"><body>");
        foreach (var line in template.Lines)
        {
            text.Append(Fill(line, values, encode: false)).Append("\n\n");
            html.Append("<p>").Append(Fill(line, values, encode: true).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }

        return new RenderedMessage(chosen, Fill(template.Subject, values, encode: false), text.ToString().TrimEnd() + "\n", html.Append("</body></html>").ToString());
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string> values, bool encode) =>
        Placeholder().Replace(template, match =>
        {
            var value = values.TryGetValue(match.Groups[1].Value, out var found) ? found : match.Value;
            if (!encode)
            {
                return value;
            }

            var encoded = WebUtility.HtmlEncode(value);
            return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? $"<a href=\"{encoded}\">{encoded}</a>" : encoded;
        });

    private static Dictionary<string, Dictionary<string, Template>> Load()
    {
        var assembly = typeof(MessageTemplates).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToDictionary(
                n => n[ResourcePrefix.Length..^".json".Length],
                n =>
                {
                    using var stream = assembly.GetManifestResourceStream(n)!;
                    return JsonSerializer.Deserialize(stream, ReportingJson.TypeInfo<Dictionary<string, Template>>())!;
                });
    }

    [GeneratedRegex(@"\{([a-z]+)\}", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Placeholder();

    internal sealed record Template(string Subject, string[] Lines);
}
