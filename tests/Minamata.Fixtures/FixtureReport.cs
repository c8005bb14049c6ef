using System.Text;
using System.Text.Json;

namespace Minamata.Fixtures;

/// <summary>
/// A report of the kind partners send, kept as text (cover block, a blank line, the body) with the
/// metadata it must give next to it; <see cref="FixtureRenderer"/> makes it into each format.
/// </summary>
public sealed record FixtureReport(string Name, IReadOnlyList<string> Cover, IReadOnlyList<string> Body, JsonElement Expected)
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Reports");

    public static IEnumerable<string> Names =>
        Directory.GetFiles(Folder, "*.txt").Select(Path.GetFileNameWithoutExtension).Order().Cast<string>();

    public string Language => Expected.GetProperty("language").GetString()!;
    public string Title => Expected.GetProperty("title").GetString()!;
    public string Symbol => Expected.GetProperty("symbol").GetString()!;

    public string Text => string.Join('\n', Cover) + "\n\n" + string.Join('\n', Body) + "\n";

    /// <summary>The cover lines that print the title (one or two), found by the expected title.</summary>
    public (int First, int Count) TitleLines
    {
        get
        {
            for (var count = 1; count <= 3; count++)
            {
                for (var first = 0; first + count <= Cover.Count; first++)
                {
                    if (string.Join(' ', Cover.Skip(first).Take(count)) == Title)
                    {
                        return (first, count);
                    }
                }
            }

            throw new InvalidOperationException($"{Name}: the expected title is not on the cover.");
        }
    }

    /// <summary>The same report with its body repeated until it is about <paramref name="pages"/> pages long.</summary>
    public FixtureReport Lengthened(int pages)
    {
        const int charactersPerPage = 4_500;
        var body = new List<string>();
        while (body.Sum(l => l.Length) < pages * charactersPerPage)
        {
            body.AddRange(Body);
        }

        return this with { Body = body };
    }

    public static FixtureReport Load(string name)
    {
        var text = File.ReadAllText(Path.Combine(Folder, name + ".txt"), Encoding.UTF8).Replace("\r", "");
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, name + ".expected.json"))).RootElement.Clone();
        return new FixtureReport(
            name,
            text[..split].Split('\n'),
            text[(split + 2)..].Split('\n', StringSplitOptions.RemoveEmptyEntries),
            expected);
    }
}
