using System.Net;
using System.Net.Http.Json;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Access;
using Minamata.Reporting.Storage;

namespace Minamata.Integration.Tests;

[Collection(StorageCollection.Name)]
public sealed class AccessTests(ServerFixture fixture)
{
    [Fact]
    public async Task A_partner_cannot_see_another_partners_report()
    {
        var (_, ownerKey) = await fixture.NewPartnerAsync("WHO");
        var (_, otherKey) = await fixture.NewPartnerAsync("ILO");
        using var owner = fixture.Client(ownerKey);
        using var other = fixture.Client(otherKey);
        var id = await ReportsApi.UploadAsync(owner, Encoding.UTF8.GetBytes("confidential draft"), "draft.txt");

        await ReportsApi.AssertProblemAsync(await other.GetAsync($"/api/reports/{id}"), HttpStatusCode.NotFound, "not-found");
        await ReportsApi.AssertProblemAsync(await other.GetAsync($"/api/reports/{id}/file"), HttpStatusCode.NotFound, "not-found");
        using var listed = await other.GetAsync("/api/reports");
        Assert.Empty((await ReportsApi.JsonAsync(listed)).GetProperty("items").EnumerateArray());
        using var asked = await owner.GetAsync($"/api/reports/{id}");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
    }

    [Fact]
    public async Task A_partner_listing_another_partner_gets_only_its_own_reports()
    {
        var (_, ownerKey) = await fixture.NewPartnerAsync("GMP");
        var (otherId, otherKey) = await fixture.NewPartnerAsync("BRS");
        using var other = fixture.Client(otherKey);
        await ReportsApi.UploadAsync(other, Encoding.UTF8.GetBytes("brs text"), "brs.txt");
        using var owner = fixture.Client(ownerKey);

        using var listed = await owner.GetAsync($"/api/reports?partner={otherId}");

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Empty((await ReportsApi.JsonAsync(listed)).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("mk_not-a-key-anyone-was-given")]
    [InlineData("test-secretariat-key-0123456789abcdeX")]
    public async Task A_missing_or_unknown_key_gets_401_naming_the_bearer_scheme(string? key)
    {
        using var client = fixture.Client(key);
        using var reports = await client.GetAsync("/api/reports");

        Assert.Equal("Bearer", Assert.Single(reports.Headers.WwwAuthenticate).Scheme);
        await ReportsApi.AssertProblemAsync(reports, HttpStatusCode.Unauthorized, "unauthorized");
        await ReportsApi.AssertProblemAsync(await client.GetAsync("/api/partners"), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Api_answers_are_neither_sniffed_nor_cached_and_a_new_key_least_of_all()
    {
        using var secretariat = fixture.Secretariat();
        var id = $"NS-{Guid.NewGuid().ToString("n")[..8].ToUpperInvariant()}";

        using var created = await secretariat.PostAsJsonAsync("/api/partners", new { id, name = "No Store", email = "focal@nostore.example", language = "en" });
        using var listed = await secretariat.GetAsync("/api/reports");
        using var refused = await fixture.Client().GetAsync("/api/reports");

        foreach (var response in new[] { created, listed, refused })
        {
            Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
            Assert.True(response.Headers.CacheControl?.NoStore, $"{response.RequestMessage?.RequestUri}: no Cache-Control: no-store");
        }
    }

    [Fact]
    public async Task A_partner_or_cycle_id_ending_in_a_newline_is_refused_as_invalid_not_a_server_error()
    {
        using var secretariat = fixture.Secretariat();

        using var partner = await secretariat.PostAsJsonAsync("/api/partners", new { id = "NL-PARTNER\n", name = "Newline", email = "focal@newline.example", language = "en" });
        using var cycle = await secretariat.PutAsJsonAsync("/api/cycles/NL-7%0A", new { title = "Newline", meetingStart = "2099-11-01", submissionDeadline = "2099-08-15", expectedPartners = Array.Empty<string>() });

        await ReportsApi.AssertProblemAsync(partner, HttpStatusCode.BadRequest, "validation");
        await ReportsApi.AssertProblemAsync(cycle, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task A_partner_key_gets_403_on_secretariat_routes()
    {
        var (id, key) = await fixture.NewPartnerAsync();
        using var partner = fixture.Client(key);

        await ReportsApi.AssertProblemAsync(await partner.GetAsync("/api/partners"), HttpStatusCode.Forbidden, "forbidden");
        await ReportsApi.AssertProblemAsync(
            await partner.PostAsJsonAsync("/api/partners", new { id = "EVIL", name = "x", email = "x@x.example" }), HttpStatusCode.Forbidden, "forbidden");
        await ReportsApi.AssertProblemAsync(await partner.PostAsync($"/api/partners/{id}/keys", null), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Issuing_a_new_key_revokes_the_old_one()
    {
        var (id, oldKey) = await fixture.NewPartnerAsync();
        using var secretariat = fixture.Secretariat();

        using var issued = await secretariat.PostAsync($"/api/partners/{id}/keys", null);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var newKey = (await ReportsApi.JsonAsync(issued)).GetProperty("apiKey").GetString()!;

        Assert.NotEqual(oldKey, newKey);
        using var withOld = fixture.Client(oldKey);
        await ReportsApi.AssertProblemAsync(await withOld.GetAsync("/api/reports"), HttpStatusCode.Unauthorized, "unauthorized");
        using var withNew = fixture.Client(newKey);
        Assert.Equal(HttpStatusCode.OK, (await withNew.GetAsync("/api/reports")).StatusCode);
    }

    [Fact]
    public async Task Partners_are_listed_for_the_secretariat_without_keys_and_ids_are_unique()
    {
        var (id, key) = await fixture.NewPartnerAsync("UNEP", language: "fr");
        using var secretariat = fixture.Secretariat();

        using var listed = await secretariat.GetAsync("/api/partners");
        var text = await listed.Content.ReadAsStringAsync();
        var partner = (await ReportsApi.JsonAsync(listed)).GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);

        Assert.Equal("fr", partner.GetProperty("language").GetString());
        Assert.Equal($"Partner {id}", partner.GetProperty("name").GetString());
        Assert.DoesNotContain(key, text);
        Assert.DoesNotContain("keyHash", text, StringComparison.OrdinalIgnoreCase);
        await ReportsApi.AssertProblemAsync(
            await secretariat.PostAsJsonAsync("/api/partners", new { id, name = "Again", email = "a@b.example" }), HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task A_partner_can_have_focal_points_in_copy_and_the_list_shows_them()
    {
        using var secretariat = fixture.Secretariat();
        var id = $"CC-{Guid.NewGuid().ToString("n")[..8].ToUpperInvariant()}";

        using var created = await secretariat.PostAsJsonAsync("/api/partners", new { id, name = "Copied", email = "focal@cc.example", language = "en", cc = new[] { "deputy@cc.example", "office@cc.example" } });
        var listed = (await ReportsApi.JsonAsync(await secretariat.GetAsync("/api/partners"))).GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("focal@cc.example", listed.GetProperty("email").GetString());
        Assert.Equal(["deputy@cc.example", "office@cc.example"], listed.GetProperty("cc").EnumerateArray().Select(a => a.GetString()));
    }

    [Theory]
    [InlineData("{\"id\":\"who\",\"name\":\"x\",\"email\":\"a@b.example\"}")]
    [InlineData("{\"id\":\"WHO/../X\",\"name\":\"x\",\"email\":\"a@b.example\"}")]
    [InlineData("{\"id\":\"OKID\",\"name\":\"x\",\"email\":\"not an address\"}")]
    [InlineData("{\"id\":\"OKID\",\"name\":\"\",\"email\":\"a@b.example\"}")]
    [InlineData("{\"id\":\"OKID\",\"name\":\"x\",\"email\":\"a@b.example\",\"language\":\"English\"}")]
    [InlineData("{\"id\":\"OKID\",\"name\":\"x\",\"email\":\"a@b.example\",\"cc\":[\"a@b.example\"]}")]
    [InlineData("{\"id\":\"OKID\",\"name\":\"x\",\"email\":\"a@b.example\",\"cc\":[\"c@b.example; d@b.example\"]}")]
    [InlineData("{\"id\":\"OKID\",\"name\":\"x\",\"email\":\"a@b.example\",\"cc\":[null]}")]
    [InlineData("not json")]
    public async Task Invalid_partners_are_refused_with_a_validation_problem(string body)
    {
        using var secretariat = fixture.Secretariat();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        await ReportsApi.AssertProblemAsync(await secretariat.PostAsync("/api/partners", content), HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Concurrent_key_reissues_for_one_partner_give_a_working_key_or_409_never_a_revoked_key()
    {
        var (id, _) = await fixture.NewPartnerAsync("RACE");
        using var secretariat = fixture.Secretariat();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => secretariat.PostAsync($"/api/partners/{id}/keys", null)));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.All(responses.Where(r => r.StatusCode == HttpStatusCode.Conflict), r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        var keys = new List<string>();
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.Created))
        {
            keys.Add((await ReportsApi.JsonAsync(response)).GetProperty("apiKey").GetString()!);
        }

        // Every key handed out was live when handed out; now only the last one committed works.
        Assert.NotEmpty(keys);
        var working = 0;
        foreach (var key in keys)
        {
            using var client = fixture.Client(key);
            using var me = await client.GetAsync("/api/me");
            working += me.StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        Assert.Equal(1, working);
    }

    [Fact]
    public async Task A_reissued_key_stops_working_at_once_where_it_was_reissued_and_elsewhere_when_the_key_cache_lifetime_is_over()
    {
        var (id, oldKey) = await fixture.NewPartnerAsync("CACHE");
        var clock = new TestClock();
        var settings = new AccessOptions { SecretariatKey = ServerFixture.SecretariatKey, KeyCacheLifetime = TimeSpan.FromSeconds(30) };
        // Three instances of one deployment: two that trust a found key for 30 seconds, one that never does.
        var here = new PartnerDirectory(fixture.Storage, Options.Create(settings), clock);
        var elsewhere = new PartnerDirectory(fixture.Storage, Options.Create(settings), clock);
        var uncached = new PartnerDirectory(fixture.Storage, Options.Create(new AccessOptions { SecretariatKey = settings.SecretariatKey, KeyCacheLifetime = TimeSpan.Zero }), clock);
        foreach (var instance in new[] { here, elsewhere, uncached })
        {
            Assert.Equal(id, await instance.FindPartnerByKeyAsync(oldKey, default));
        }

        var newKey = (await here.ReissueKeyAsync(id, default))!.ApiKey;

        Assert.Null(await here.FindPartnerByKeyAsync(oldKey, default));
        Assert.Null(await uncached.FindPartnerByKeyAsync(oldKey, default));
        Assert.Equal(id, await elsewhere.FindPartnerByKeyAsync(oldKey, default));
        clock.Set(clock.GetUtcNow() + TimeSpan.FromSeconds(31));
        Assert.Null(await elsewhere.FindPartnerByKeyAsync(oldKey, default));
        foreach (var instance in new[] { here, elsewhere, uncached })
        {
            Assert.Equal(id, await instance.FindPartnerByKeyAsync(newKey, default));
        }
    }

    [Fact]
    public async Task A_key_read_just_before_it_is_reissued_is_not_kept_where_it_was_reissued()
    {
        var (id, oldKey) = await fixture.NewPartnerAsync("LEAK");
        var held = new HoldAnswers(ApiKeys.HashHex(oldKey));
        var tables = new TableClientOptions();
        tables.AddPolicy(held, HttpPipelinePosition.PerCall);
        var storage = new ReportStorageClients(fixture.Storage.Blobs, new TableServiceClient(fixture.StorageConnectionString, tables), fixture.Storage.Queues);
        var directory = new PartnerDirectory(storage, Options.Create(new AccessOptions { SecretariatKey = ServerFixture.SecretariatKey, KeyCacheLifetime = TimeSpan.FromMinutes(5) }), TimeProvider.System);

        // A leaked key in use: its lookup has read the key's row, and its answer is on the way while
        // the secretariat replaces the key.
        var lookup = directory.FindPartnerByKeyAsync(oldKey, default);
        await held.Answered.Task;
        await directory.ReissueKeyAsync(id, default);
        held.Release.SetResult();
        Assert.Equal(id, await lookup);

        Assert.Null(await directory.FindPartnerByKeyAsync(oldKey, default));
    }

    /// <summary>Holds back the first answer to a request naming <paramref name="row"/> until released.</summary>
    private sealed class HoldAnswers(string row) : HttpPipelinePolicy
    {
        private int holding;

        public TaskCompletionSource Answered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw new NotSupportedException();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (message.Request.Uri.ToString().Contains(row, StringComparison.Ordinal) && Interlocked.Exchange(ref holding, 1) == 0)
            {
                Answered.SetResult();
                await Release.Task;
            }
        }
    }
}
