using System.Net;
using System.Text;

namespace Minamata.Integration.Tests;

[Collection(StorageCollection.Name)]
public sealed class SearchTests(ServerFixture fixture)
{
    [Theory]
    [InlineData("Coopération internationale et exposition des enfants", "COOPERATION enfants")]
    [InlineData("Coopération internationale et exposition des enfants", "coopération")]
    [InlineData("Сотрудничество с Всемирной организацией здравоохранения", "сотрудничество ВСЕМИРНОЙ")]
    [InlineData("El informe sobre la minería artesanal de oro", "mineria ORO")]
    [InlineData("世界卫生组织关于汞接触对健康影响的报告", "健康影响")]
    [InlineData("تقرير منظمة الصحة العالمية عن الزئبق", "الزئبق")]
    public async Task Words_are_found_in_the_text_whatever_their_case_and_accents(string text, string query)
    {
        var (partner, key) = await fixture.NewPartnerAsync();
        using var client = fixture.Client(key);
        var id = await ReportsApi.UploadAsync(client, Encoding.UTF8.GetBytes(text), "r.txt");
        await ReportsApi.WaitUntilProcessedAsync(client, id, TimeSpan.FromSeconds(5));
        using var secretariat = fixture.Secretariat();

        var found = (await ReportsApi.JsonAsync(await secretariat.GetAsync($"/api/reports?partner={partner}&q={Uri.EscapeDataString(query)}"))).GetProperty("items").EnumerateArray();
        var notFound = (await ReportsApi.JsonAsync(await secretariat.GetAsync($"/api/reports?partner={partner}&q={Uri.EscapeDataString(query + " mercurio-absent")}"))).GetProperty("items").EnumerateArray();

        Assert.Equal(id, Assert.Single(found).GetProperty("id").GetString());
        Assert.Empty(notFound);
    }

    [Fact]
    public async Task Results_come_in_pages_with_a_continuation_token()
    {
        var (partner, key) = await fixture.NewPartnerAsync();
        using var client = fixture.Client(key);
        var ids = new HashSet<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await ReportsApi.UploadAsync(client, Encoding.UTF8.GetBytes($"report number {i}"), $"r{i}.txt"));
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var url = $"/api/reports?pageSize=1" + (token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}");
            var page = await ReportsApi.JsonAsync(await client.GetAsync(url));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()!));
            token = page.GetProperty("continuationToken").GetString();
        }
        while (token is not null);

        Assert.Equal(ids.Order(), seen.Order());
    }

    [Theory]
    [InlineData("q", "' or PartitionKey ne '")]
    [InlineData("q", "x' or 1 eq 1 or Status eq 'y")]
    public async Task Query_text_never_reaches_the_table_filter(string name, string value)
    {
        var (_, key) = await fixture.NewPartnerAsync();
        var (_, otherKey) = await fixture.NewPartnerAsync();
        await ReportsApi.UploadAsync(fixture.Client(otherKey), Encoding.UTF8.GetBytes("other partner's report or PartitionKey ne"), "o.txt");
        using var client = fixture.Client(key);

        using var response = await client.GetAsync($"/api/reports?{name}={Uri.EscapeDataString(value)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await ReportsApi.JsonAsync(response)).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("partner", "' or PartitionKey ne '")]
    [InlineData("cycle", "COP-7' or '1' eq '1")]
    [InlineData("status", "indexed' or Status ne '")]
    [InlineData("language", "en' or 'a' eq 'a")]
    public async Task Malformed_filters_are_refused(string name, string value)
    {
        using var secretariat = fixture.Secretariat();
        await ReportsApi.AssertProblemAsync(await secretariat.GetAsync($"/api/reports?{name}={Uri.EscapeDataString(value)}"), HttpStatusCode.BadRequest, "validation");
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("..%2F..%2Fx")]
    [InlineData("WHO-' or PartitionKey ne '")]
    public async Task Report_ids_that_are_not_ids_are_not_found(string id)
    {
        using var secretariat = fixture.Secretariat();
        using var response = await secretariat.GetAsync($"/api/reports/{id}");
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
