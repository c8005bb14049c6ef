using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Minamata.Reporting.Compilation;

namespace Minamata.Integration.Tests;

/// <summary>A compilation format added by registering one writer is listed, written and served like the built-in ones.</summary>
public sealed class ReportWriterTests : OwnStorageTests
{
    [Fact]
    public async Task A_registered_writer_is_listed_among_the_outputs_and_downloadable()
    {
        await using var server = await StartServerAsync([], services => services.AddSingleton<IReportWriter, CountWriter>());
        using var secretariat = Client(server, ServerFixture.SecretariatKey);
        await ReportsApi.OpenCycleAsync(secretariat);
        using var partner = Client(server, await ReportsApi.CreatePartnerAsync(secretariat, "WHO"));
        var id = await ReportsApi.UploadAsync(partner, Encoding.UTF8.GetBytes("The World Health Organization reports on mercury in 2025."), "who.txt");
        await ReportsApi.WaitUntilProcessedAsync(partner, id, TimeSpan.FromSeconds(10));

        var state = await ReportsApi.CompileAsync(secretariat, "COP-7");
        var outputs = state.GetProperty("outputs").EnumerateObject().ToDictionary(o => o.Name, o => o.Value.GetString()!);
        Assert.Equal(["docx", "html", "json", "md", "count"], outputs.Keys);
        using var download = await secretariat.GetAsync(outputs["count"]);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/plain", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("1 report(s) for COP-7", await download.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync(outputs["md"])).StatusCode);
    }

    /// <summary>A format nobody ships: what a new writer is, one class.</summary>
    private sealed class CountWriter : IReportWriter
    {
        public string Format => "count";

        public string MediaType => "text/plain; charset=utf-8";

        public byte[] Write(CompiledReport report) => Encoding.UTF8.GetBytes($"{report.Introduction.ReportCount} report(s) for {report.Cycle}");
    }
}
