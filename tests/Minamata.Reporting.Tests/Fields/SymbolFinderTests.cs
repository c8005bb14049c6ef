using Minamata.Reporting.Metadata.Fields;

namespace Minamata.Reporting.Tests.Fields;

public sealed class SymbolFinderTests
{
    [Theory]
    [InlineData("see UNEP/MC/COP.6/INF/30.", "UNEP/MC/COP.6/INF/30")]
    [InlineData("unep/mc/cop.6/inf/30", "UNEP/MC/COP.6/INF/30")]
    [InlineData("UNEP/MC/COP. 6/INF/33/Rev. 1", "UNEP/MC/COP.6/INF/33/Rev.1")]
    [InlineData("UNEP/MC/COP.6/22/ADD.1", "UNEP/MC/COP.6/22/Add.1")]
    [InlineData("UNEP/MC/COP.6/22/Corr.2", "UNEP/MC/COP.6/22/Corr.2")]
    [InlineData("UNEP/MC/OEWG.1/L.5", "UNEP/MC/OEWG.1/L.5")]
    [InlineData("UNEP/MC/COP.6/CRP.3", "UNEP/MC/COP.6/CRP.3")]
    [InlineData("UNEP/EA.6/Res.3", "UNEP/EA.6/Res.3")]
    [InlineData("A/RES/78/1", "A/RES/78/1")]
    [InlineData("见UNEP/MC/COP.6/INF/30号文件", "UNEP/MC/COP.6/INF/30")]
    public void Symbols_are_found_and_normalised(string text, string symbol)
    {
        Assert.Equal(symbol, Assert.Single(SymbolFinder.Find(text)).Symbol);
    }

    [Theory]
    [InlineData("UNEP/MC/COP.6/INF/30–35", 6)]
    [InlineData("UNEP/MC/COP.6/INF/31-33", 3)]
    public void A_range_stands_for_each_document_in_it(string text, int count)
    {
        var symbols = SymbolFinder.Find(text).Select(s => s.Symbol).ToList();
        Assert.Equal(count, symbols.Count);
        Assert.Equal(symbols.Distinct().Count(), symbols.Count);
        Assert.All(symbols, s => Assert.StartsWith("UNEP/MC/COP.6/INF/", s));
    }

    [Theory]
    [InlineData("documents UNEP/MC/COP.6/INF/30, 31 and 35.", "UNEP/MC/COP.6/INF/30 UNEP/MC/COP.6/INF/31 UNEP/MC/COP.6/INF/35")]
    [InlineData("documents UNEP/MC/COP.6/INF/30 and INF/31", "UNEP/MC/COP.6/INF/30 UNEP/MC/COP.6/INF/31")]
    [InlineData("UNEP/MC/COP.7/INF/7 et INF/8", "UNEP/MC/COP.7/INF/7 UNEP/MC/COP.7/INF/8")]
    [InlineData("UNEP/MC/COP.6/INF/33 to 35", "UNEP/MC/COP.6/INF/33 UNEP/MC/COP.6/INF/34 UNEP/MC/COP.6/INF/35")]
    [InlineData("UNEP/MC/COP.6/INF/18 a 20", "UNEP/MC/COP.6/INF/18 UNEP/MC/COP.6/INF/19 UNEP/MC/COP.6/INF/20")]
    [InlineData("UNEP/MC/COP.6/INF/30, 31 и 35", "UNEP/MC/COP.6/INF/30 UNEP/MC/COP.6/INF/31 UNEP/MC/COP.6/INF/35")]
    [InlineData("UNEP/MC/COP.6/INF/9 و10 و12.", "UNEP/MC/COP.6/INF/9 UNEP/MC/COP.6/INF/10 UNEP/MC/COP.6/INF/12")]
    [InlineData("UNEP/MC/COP.6/INF/30, 2 July 2025", "UNEP/MC/COP.6/INF/30")]
    [InlineData("UNEP/MC/COP.6/INF/30 and 45 countries", "UNEP/MC/COP.6/INF/30")]
    [InlineData("UNEP/MC/COP.6/INF/30 and the 31 Parties", "UNEP/MC/COP.6/INF/30")]
    [InlineData("UNEP/MC/COP.5/INF/12 and Corr.1", "UNEP/MC/COP.5/INF/12 UNEP/MC/COP.5/INF/12/Corr.1")]
    [InlineData("من UNEP/MC/COP.7/INF/26 إلى UNEP/MC/COP.7/INF/28", "UNEP/MC/COP.7/INF/26 UNEP/MC/COP.7/INF/27 UNEP/MC/COP.7/INF/28 UNEP/MC/COP.7/INF/28")]
    public void A_list_after_a_symbol_stands_for_each_document_and_nothing_else(string text, string symbols)
    {
        Assert.Equal(symbols.Split(' '), SymbolFinder.Find(text).Select(s => s.Symbol));
    }

    [Theory]
    [InlineData("A/B testing")]
    [InlineData("and/or")]
    [InlineData("UNEPS/MC/1")]
    public void Slashes_that_are_not_symbols_are_not_symbols(string text)
    {
        Assert.Empty(SymbolFinder.Find(text));
    }

    [Fact]
    public void The_meeting_is_the_symbols_or_else_the_one_most_cited_documents_belong_to()
    {
        Assert.Equal("OEWG-1", MeetingResolver.Resolve("UNEP/MC/OEWG.1/INF/2", []));
        Assert.Equal("ExCOP-1", MeetingResolver.Resolve("UNEP/MC/EXCOP.1/3", []));
        Assert.Equal("COP-6", MeetingResolver.Resolve(null, ["UNEP/MC/COP.5/INF/28", "UNEP/MC/COP.6/22", "UNEP/MC/COP.6/INF/28"]));
        Assert.Equal("COP-6", MeetingResolver.Resolve(null, ["UNEP/MC/COP.5/1", "UNEP/MC/COP.6/1", "A/RES/78/1"]));
        Assert.Null(MeetingResolver.Resolve(null, ["A/RES/78/1"]));
    }
}
