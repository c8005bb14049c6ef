using Microsoft.Extensions.DependencyInjection;

namespace Minamata.Reporting.Compilation;

/// <summary>
/// One output format of the compiled report. The runner writes every registered writer's output,
/// the API lists and serves them, the command line writes them and names them in its help: a new
/// format is a class and one line in <see cref="ReportWriters.AddReportWriters"/>.
/// </summary>
public interface IReportWriter
{
    /// <summary>The format's name, which is also the output's file extension (<c>docx</c>).</summary>
    string Format { get; }

    string MediaType { get; }

    byte[] Write(CompiledReport report);
}

/// <summary>The compiled report's output formats, in the order they are listed.</summary>
public static class ReportWriters
{
    public static IServiceCollection AddReportWriters(this IServiceCollection services)
    {
        services.AddSingleton<IReportWriter, DocxReportWriter>();
        services.AddSingleton<IReportWriter, HtmlReportWriter>();
        services.AddSingleton<IReportWriter, JsonReportWriter>();
        services.AddSingleton<IReportWriter, MarkdownReportWriter>();
        return services;
    }

    /// <summary>The registered writers, for code that runs without the hosts' container (the command line).</summary>
    public static IReadOnlyList<IReportWriter> Registered() =>
        new ServiceCollection().AddReportWriters().BuildServiceProvider().GetServices<IReportWriter>().ToList();
}
