using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Metadata;

namespace Minamata.Reporting.Documents;

/// <summary>
/// The formats the pipeline reads. The extractor asks each reader in this order whether the file's
/// first bytes are its format, so a new format is a reader class and one line here, before plain
/// text (which recognises almost anything).
/// </summary>
public static class DocumentReaders
{
    public static IServiceCollection AddDocumentReaders(this IServiceCollection services)
    {
        services.AddSingleton<IDocumentReader, DocxReader>();
        services.AddSingleton<IDocumentReader, PdfReader>();
        services.AddSingleton<IDocumentReader, CompoundFileReader>();
        services.AddSingleton<IDocumentReader, HtmlReader>();
        services.AddSingleton<IDocumentReader, MarkdownReader>();
        services.AddSingleton<IDocumentReader, PlainTextReader>();
        services.AddSingleton<MetadataExtractor>();
        return services;
    }

    /// <summary>An extractor with every registered reader, for code that runs without the hosts' container (the command line, benchmarks).</summary>
    public static MetadataExtractor Extractor(ExtractionOptions? limits = null) =>
        new ServiceCollection()
            .AddSingleton(Options.Create(limits ?? new ExtractionOptions()))
            .AddDocumentReaders()
            .BuildServiceProvider()
            .GetRequiredService<MetadataExtractor>();
}
