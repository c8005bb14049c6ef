using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.Extensions.DependencyInjection;
using Minamata.Reporting.Api;
using Minamata.Reporting.Deadlines;

namespace Minamata.Integration.Tests;

/// <summary>
/// Real answers of every route that answers with JSON, checked against the schema the OpenAPI
/// document gives for that route, status and media type: the document says what is really sent.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class OpenApiResponseTests(ServerFixture fixture)
{
    [Fact]
    public async Task Every_json_answer_matches_the_schema_the_document_gives_it()
    {
        using var anonymous = fixture.Client();
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/" + ApiRoutes.OpenApi))!;
        using var secretariat = fixture.Secretariat();
        var (partnerId, key) = await fixture.NewPartnerAsync("OAS");
        using var partner = fixture.Client(key);
        var cycle = ServerFixture.NewCycleId();
        var file = Encoding.UTF8.GetBytes($"Report of {partnerId} on mercury, {Guid.NewGuid()}.");

        var checkedRoutes = new List<string>
        {
            await CheckAsync(document, "/api/health", await anonymous.GetAsync("/api/health")),
            await CheckAsync(document, "/api/health", await secretariat.GetAsync("/api/health?details=true")),
            await CheckAsync(document, "/api/me", await partner.GetAsync("/api/me")),
            await CheckAsync(document, "/api/me", await secretariat.GetAsync("/api/me")),
            await CheckAsync(document, "/api/cycles/{cycle}", await secretariat.PutAsJsonAsync($"/api/cycles/{cycle}", new { title = "Schema check", meetingStart = "2099-11-01", submissionDeadline = "2099-08-15", expectedPartners = new[] { partnerId } })),
            await CheckAsync(document, "/api/cycles", await partner.GetAsync("/api/cycles")),
            await CheckAsync(document, "/api/cycles/{cycle}/status", await partner.GetAsync($"/api/cycles/{cycle}/status")),
            await CheckAsync(document, "/api/cycles/{cycle}/review", await secretariat.GetAsync($"/api/cycles/{cycle}/review")),
            await CheckAsync(document, "/api/cycles/{cycle}/issue", await secretariat.PostAsJsonAsync($"/api/cycles/{cycle}/issue", new { })),
            await CheckAsync(document, "/api/partners", await secretariat.PostAsJsonAsync("/api/partners", new { id = $"OAS-{Guid.NewGuid().ToString("n")[..6].ToUpperInvariant()}", name = "Schema", email = "focal@schema.example", cc = new[] { "deputy@schema.example" } })),
            await CheckAsync(document, "/api/partners", await secretariat.GetAsync("/api/partners")),
            await CheckAsync(document, "/api/reports", await partner.PostAsync("/api/reports", ReportsApi.Form(file, "report.txt", cycle))),
        };
        using var again = await partner.PostAsync("/api/reports", ReportsApi.Form(file, "report.txt", cycle));
        var id = (await ReportsApi.JsonAsync(again)).GetProperty("id").GetString()!;
        await ReportsApi.WaitUntilProcessedAsync(partner, id, TimeSpan.FromSeconds(10));
        checkedRoutes.AddRange(
        [
            await CheckAsync(document, "/api/reports", await partner.PostAsync("/api/reports", ReportsApi.Form(file, "report.txt", cycle))),
            await CheckAsync(document, "/api/reports/{id}/metadata", await ReportsApi.PatchMetadataAsync(secretariat, id, """{"title":"Corrected","reportingPeriod":{"start":"2025-01","end":"2025-12"}}""")),
            await CheckAsync(document, "/api/reports/{id}/metadata", await ReportsApi.PatchMetadataAsync(secretariat, id, """{"symbol":"no symbol"}""")),
            await CheckAsync(document, "/api/reports/{id}", await partner.GetAsync($"/api/reports/{id}")),
            await CheckAsync(document, "/api/reports/{id}/reextract", await secretariat.PostAsync($"/api/reports/{id}/reextract", null)),
            await CheckAsync(document, "/api/reports/{id}/withdraw", await partner.PostAsJsonAsync($"/api/reports/{id}/withdraw", new { reason = "Schema check" })),
            await CheckAsync(document, "/api/reports/{id}/issued-symbol", await secretariat.PutAsJsonAsync($"/api/reports/{id}/issued-symbol", new { issuedSymbol = "UNEP/MC/COP.7/INF/3" })),
            await CheckAsync(document, "/api/reports", await secretariat.GetAsync($"/api/reports?cycle={cycle}")),
            await CheckAsync(document, "/api/uploads", await partner.PostAsJsonAsync("/api/uploads", new { fileName = "large.pdf", cycle })),
            await CheckAsync(document, "/api/compilations", await secretariat.PostAsJsonAsync("/api/compilations", new { cycle })),
            await CheckAsync(document, "/api/notifications", await secretariat.GetAsync($"/api/notifications?cycle={cycle}")),
            await CheckAsync(document, "/api/outbox/{cycle}/{partner}/{message}", await secretariat.GetAsync(await OutboxMessageAsync(partnerId))),
            await CheckAsync(document, "/api/outbox/{cycle}/{partner}/{message}", await secretariat.GetAsync($"/api/outbox/{cycle}/{partnerId}/reminder-1")),
            await CheckAsync(document, "/api/partners/{id}/keys", await secretariat.PostAsync($"/api/partners/{partnerId}/keys", null)),
            // Problems, with the API's code, as the document says they come.
            await CheckAsync(document, "/api/reports", await anonymous.GetAsync("/api/reports")),
            await CheckAsync(document, "/api/reports/{id}", await secretariat.GetAsync("/api/reports/NOBODY-0")),
            await CheckAsync(document, "/api/partners", await secretariat.PostAsJsonAsync("/api/partners", new { id = "lower", name = "x", email = "x@x.example" })),
            await CheckAsync(document, "/api/notifications", await fixture.Client((await fixture.NewPartnerAsync()).Key).GetAsync("/api/notifications")),
        ]);
        using var queued = await secretariat.PostAsJsonAsync("/api/compilations", new { cycle });
        var compilation = (await ReportsApi.JsonAsync(queued)).GetProperty("id").GetString()!;
        checkedRoutes.Add(await CheckAsync(document, "/api/compilations/{id}", await secretariat.GetAsync($"/api/compilations/{compilation}")));

        // Every route that answers JSON was checked, with its answer and at least one problem of each kind listed.
        var files = new[] { "GET /api/reports/{id}/file", "GET /api/reports/{id}/inf", "GET /api/compilations/{id}/report.{format}" };
        var documented = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => $"{o.Key.ToUpperInvariant()} {p.Key}")).Except(files).Order();
        Assert.Equal(documented, checkedRoutes.Select(r => r[4..]).Distinct().Order());
        Assert.Equal(["400", "401", "403", "404", "409"], checkedRoutes.Select(r => r[..3]).Where(s => s[0] == '4').Distinct().Order());

        // And the check can fail: a new key without the key, or a problem without its code, does not match.
        var issuedKey = document["paths"]!["/api/partners"]!["post"]!["responses"]!["201"]!["content"]!["application/json"]!["schema"]!;
        var problem = document["paths"]!["/api/partners"]!["post"]!["responses"]!["400"]!["content"]!["application/problem+json"]!["schema"]!;
        Assert.False(Compile(document, issuedKey).Evaluate(JsonDocument.Parse("""{"id":"WHO"}""").RootElement).IsValid);
        Assert.False(Compile(document, problem).Evaluate(JsonDocument.Parse("""{"type":"about:blank","title":"Bad request","status":400,"detail":"x"}""").RootElement).IsValid);
    }

    /// <returns>"status METHOD path", for the list of what was checked.</returns>
    private static async Task<string> CheckAsync(JsonNode document, string path, HttpResponseMessage response)
    {
        using (response)
        {
            var method = response.RequestMessage!.Method.Method;
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var mediaType = response.Content.Headers.ContentType!.MediaType!;
            var schema = document["paths"]?[path]?[method.ToLowerInvariant()]?["responses"]?[status]?["content"]?[mediaType]?["schema"]
                ?? throw new Xunit.Sdk.XunitException($"The document gives no {mediaType} answer {status} for {method} {path}.");
            var body = await response.Content.ReadAsStringAsync();

            var results = Compile(document, schema).Evaluate(JsonDocument.Parse(body).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

            Assert.True(results.IsValid, $"{status} {method} {path} does not match its schema: {body}\n{JsonSerializer.Serialize(results)}");
            return $"{status} {method} {path}";
        }
    }

    /// <summary>A reminder to the partner kept in the outbox (no relay in tests), for a cycle due tomorrow: the link to read it.</summary>
    private async Task<string> OutboxMessageAsync(string partnerId)
    {
        var cycle = ServerFixture.NewCycleId();
        await fixture.OpenCycleAsync(cycle, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1), partnerId);
        await fixture.Server.Services.GetRequiredService<DeadlineNotifier>().RunAsync(default);
        return $"/api/outbox/{cycle}/{partnerId}/reminder-1";
    }

    /// <summary>The answer's schema as a JSON Schema of its own: the document's components become its $defs.</summary>
    private static JsonSchema Compile(JsonNode document, JsonNode schema)
    {
        var standalone = schema.DeepClone().AsObject();
        standalone["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        standalone["$defs"] = document["components"]?["schemas"]?.DeepClone() ?? new JsonObject();
        var text = standalone.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }
}
