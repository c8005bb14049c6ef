using BenchmarkDotNet.Running;
using Minamata.Benchmarks;

// "accuracy [NAME-PART]" prints how many fixture and corpus documents give each metadata field
// exactly (the corpus also by format and language; NAME-PART keeps the corpus documents whose name
// contains it); anything else goes to BenchmarkDotNet (e.g. --filter '*Extraction*' --job short).
if (args is ["accuracy", .. var rest] && rest.Length <= 1)
{
    return await FieldAccuracy.PrintAsync(Console.Out, rest.FirstOrDefault());
}

// "render DIR" writes every fixture report in every format to DIR/<PARTNER>/, a cycle to try
// `minamata compile` on (the partner is the organisation in the fixture's name).
if (args is ["render", var folder])
{
    foreach (var report in Minamata.Fixtures.FixtureReport.Names.Select(Minamata.Fixtures.FixtureReport.Load))
    {
        var partner = report.Name.Split('-')[1].ToUpperInvariant();
        Directory.CreateDirectory(Path.Combine(folder, partner));
        foreach (var format in Minamata.Fixtures.FixtureRenderer.FormatsFor(report).Where(f => !f.Contains('-')))
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, partner, $"{report.Name}.{format}"), Minamata.Fixtures.FixtureRenderer.Render(report, format));
        }
    }

    return 0;
}

// "compile-memory N" compiles N reports once and prints the process's peak memory.
if (args is ["compile-memory", var count])
{
    var input = await CompilationBenchmarks.InputAsync(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
    var before = Environment.WorkingSet;
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var bytes = new CompilationBenchmarks { Reports = int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) }.Compile(input);
    var peak = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    Console.WriteLine($"{count} reports: {clock.ElapsedMilliseconds} ms, {bytes} bytes written; working set before {before / 1024 / 1024} MB; peak {peak.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]} kB");
    return 0;
}

// "render-long DIR" writes what the comparison with pandoc and pdftotext reads: a 2-page and a
// 20-page DOCX and PDF, and 1,000 small (2-page) DOCX files that differ, as real reports would.
if (args is ["render-long", var longFolder])
{
    Directory.CreateDirectory(Path.Combine(longFolder, "small"));
    foreach (var pages in new[] { 2, 20 })
    {
        await File.WriteAllBytesAsync(Path.Combine(longFolder, $"report-{pages}.docx"), ExtractionBenchmarks.Render("docx", pages));
        await File.WriteAllBytesAsync(Path.Combine(longFolder, $"report-{pages}.pdf"), ExtractionBenchmarks.Render("pdf", pages));
    }

    var names = Minamata.Fixtures.FixtureReport.Names.ToList();
    for (var i = 0; i < 1000; i++)
    {
        var report = Minamata.Fixtures.FixtureReport.Load(names[i % names.Count]);
        report = report with { Body = [.. report.Body, $"Submission {i} of the load set."] };
        await File.WriteAllBytesAsync(Path.Combine(longFolder, "small", $"report-{i:D4}.docx"), Minamata.Fixtures.FixtureRenderer.Render(report, "docx"));
    }

    return 0;
}

// "extract-time FORMAT PAGES RUNS" extracts the full record from one benchmark document RUNS times
// after a warm-up and prints the median, fastest and slowest in ms: a quick figure to compare two
// builds side by side (run each in turn, alternating), where BenchmarkDotNet takes minutes.
if (args is ["extract-time", var timedFormat, var timedPages, var runs])
{
    var bytes = ExtractionBenchmarks.Render(timedFormat, int.Parse(timedPages, System.Globalization.CultureInfo.InvariantCulture));
    var extractor = Minamata.Reporting.Documents.DocumentReaders.Extractor();
    var times = new List<double>();
    for (var i = -5; i < int.Parse(runs, System.Globalization.CultureInfo.InvariantCulture); i++)
    {
        using var content = new MemoryStream(bytes, writable: false);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await extractor.ExtractAsync(content, "report", CancellationToken.None);
        if (i >= 0)
        {
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
    }

    times.Sort();
    Console.WriteLine($"{timedFormat} {timedPages} pages: median {times[times.Count / 2]:0.0} ms, fastest {times[0]:0.0}, slowest {times[^1]:0.0} ({times.Count} runs)");
    return 0;
}

// "sizes" prints the size of each benchmark document, to turn the timings into MB per second.
if (args is ["sizes"])
{
    foreach (var (format, pages, bytes) in ExtractionBenchmarks.Documents())
    {
        Console.WriteLine($"{format} {pages} pages: {bytes.Length} bytes");
    }

    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(ExtractionBenchmarks).Assembly).Run(args);
return 0;
