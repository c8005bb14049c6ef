using Microsoft.Extensions.Options;
using Minamata.Fixtures;
using Minamata.Reporting.Documents;
using Minamata.Reporting.Metadata;

namespace Minamata.Reporting.Tests.Extraction;

/// <summary>Each reading budget on its own: the file that only it stops, refused with a message naming it.</summary>
public sealed class ReadBudgetTests
{
    [Fact]
    public void A_stream_drawn_on_every_page_is_counted_each_time_against_the_document()
    {
        var error = Refused("shared-small-stream.pdf", new ExtractionOptions { MaxDocumentDrawingBytes = 3L * 1024 * 1024 });

        Assert.Equal("The pages' drawing instructions decode to more than 3 MiB in all.", error.Message);
    }

    [Fact]
    public void A_page_drawing_more_than_its_budget_is_refused_at_that_page()
    {
        var error = Refused("shared-stream.pdf", new ExtractionOptions());

        Assert.Equal("A page's drawing instructions decode to more than 1 MiB.", error.Message);
    }

    [Fact]
    public void A_stream_inflating_past_its_budget_is_refused_before_it_is_inflated()
    {
        var error = Refused("flate-bomb.pdf", new ExtractionOptions());

        Assert.Equal("A stream in the document decodes to more than 32 MiB.", error.Message);
    }

    [Fact]
    public void A_text_node_is_read_in_pieces_and_stops_at_the_text_budget()
    {
        var error = Refused("text-node-bomb.docx", new ExtractionOptions());

        Assert.Equal("The text is longer than 8000000 characters.", error.Message);
    }

    [Fact]
    public void Reading_stops_when_its_time_is_up()
    {
        var error = Refused("shared-small-stream.pdf", new ExtractionOptions { MaxReadTime = TimeSpan.FromMilliseconds(300) });

        Assert.Equal("Reading the document took longer than 0.3 s.", error.Message);
    }

    [Fact]
    public void Reading_stops_when_it_has_allocated_its_budget()
    {
        var error = Refused("shared-small-stream.pdf", new ExtractionOptions { MaxReadAllocatedBytes = 64L * 1024 * 1024 });

        Assert.Equal("Reading the document allocated more than 64 MiB.", error.Message);
    }

    private static DocumentReadException Refused(string hostileFile, ExtractionOptions limits)
    {
        using var content = File.OpenRead(HostileFiles.Write(hostileFile));
        var error = Assert.Throws<DocumentReadException>(() => DocumentReaders.Extractor(limits).ReadText(content));
        Assert.Equal(DocumentErrorCodes.LimitsExceeded, error.Code);
        return error;
    }
}
