using BenchmarkDotNet.Running;
using Minamata.Benchmarks;

// "accuracy" prints how many fixture documents give each metadata field exactly; anything else
// goes to BenchmarkDotNet (e.g. --filter '*Extraction*' --job short).
if (args is ["accuracy"])
{
    return await FieldAccuracy.PrintAsync(Console.Out);
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
