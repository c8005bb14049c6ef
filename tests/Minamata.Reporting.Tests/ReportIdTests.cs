using Minamata.Reporting.Index;
using Minamata.Reporting.Intake;

namespace Minamata.Reporting.Tests;

public sealed class ReportIdTests
{
    [Fact]
    public void The_same_blob_always_gives_the_same_id_and_another_blob_another()
    {
        var first = ReportId.ForBlob("WHO", "WHO/0193a1b2c3");
        Assert.Equal(first, ReportId.ForBlob("WHO", "WHO/0193a1b2c3"));
        Assert.NotEqual(first, ReportId.ForBlob("WHO", "WHO/0193a1b2c4"));
        Assert.Matches("^WHO-[0-9a-hjkmnp-tv-z]{26}$", first);
    }

    [Theory]
    [InlineData("ISP-CWP", "ISP-CWP/x")]
    [InlineData("_", "no partner here")]
    public void An_id_names_its_partner(string partner, string blobName)
    {
        Assert.True(ReportId.TryGetPartner(ReportId.ForBlob(partner, blobName), out var found));
        Assert.Equal(partner, found);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("WHO")]
    [InlineData("WHO-short")]
    [InlineData("who-0123456789abcdefghjkmnpqrs")]
    [InlineData("WHO-0123456789abcdefghjkmnpqri")]
    [InlineData("../../x-0123456789abcdefghjkmnpqrs")]
    [InlineData("-0123456789abcdefghjkmnpqrst")]
    public void Anything_that_is_not_a_well_formed_id_names_no_partner(string? id)
    {
        Assert.False(ReportId.TryGetPartner(id, out _));
    }

    [Theory]
    [InlineData("WHO/0193", "WHO", null, "0193")]
    [InlineData("WHO/COP-7/Report final.docx", "WHO", "COP-7", "Report final.docx")]
    [InlineData("WHO/not a cycle/r.txt", "WHO", null, "r.txt")]
    [InlineData("who/COP-7/r.txt", "_", "COP-7", "r.txt")]
    [InlineData("r.txt", "_", null, "r.txt")]
    public void A_blob_name_says_whose_report_it_is_and_for_which_cycle(string blobName, string partner, string? cycle, string last)
    {
        var location = UploadLocation.Parse(blobName);

        Assert.Equal(partner, location.PartnerKey);
        Assert.Equal(cycle, location.Cycle);
        Assert.Equal(last, location.LastSegment);
        Assert.StartsWith(partner + "-", location.ReportId);
    }

    [Fact]
    public void The_api_puts_each_upload_in_the_partners_own_folder_under_a_fresh_name()
    {
        var first = UploadLocation.ForApiUpload("WHO");
        var second = UploadLocation.ForApiUpload("WHO");

        Assert.StartsWith("WHO/", first);
        Assert.NotEqual(first, second);
        Assert.Equal("WHO", UploadLocation.Parse(first).PartnerKey);
    }
}
