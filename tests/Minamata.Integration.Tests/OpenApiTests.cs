using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Minamata.Functions;
using Minamata.Reporting.Api;

namespace Minamata.Integration.Tests;

/// <summary>The API's OpenAPI document: every route of both hosts in it, the same document from both.</summary>
[Collection(StorageCollection.Name)]
public sealed class OpenApiTests(ServerFixture fixture)
{
    /// <summary>Routes for browsers, not for API clients.</summary>
    private static readonly string[] NotApi = [ApiRoutes.Portal, ApiRoutes.Root, ApiRoutes.OpenApi, ApiRoutes.ApiReference];

    [Fact]
    public async Task The_document_describes_every_api_route_of_both_hosts_with_the_bearer_scheme()
    {
        var document = await ServerDocumentAsync();
        var described = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => $"{operation.Key.ToUpperInvariant()} {path.Key}"))
            .Order()
            .ToList();
        var functionRoutes = RouteParityTests.FunctionsMetadata()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() == "httpTrigger" && !NotApi.Contains(b.GetProperty("route").GetString()))
            .SelectMany(b => b.GetProperty("methods").EnumerateArray().Select(m => $"{m.GetString()!.ToUpperInvariant()} /{b.GetProperty("route").GetString()}"))
            .Order()
            .ToList();

        Assert.Equal(25, described.Count);
        Assert.Equal(functionRoutes, described);
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>());
        Assert.Equal("http", document["components"]!["securitySchemes"]!["bearer"]!["type"]!.GetValue<string>());
        Assert.NotNull(document["security"]![0]!["bearer"]);
        Assert.All(document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()), operation => Assert.False(string.IsNullOrWhiteSpace(operation.Value!["summary"]?.GetValue<string>())));
        Assert.Equal(
            ["partner", "cycle", "language", "status", "q", "pageSize", "continuationToken"],
            document["paths"]!["/api/reports"]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Answers_and_problems_name_their_schemas()
    {
        var document = await ServerDocumentAsync();
        var createPartner = document["paths"]!["/api/partners"]!["post"]!;
        var problem = document["components"]!["schemas"]!["ApiProblemBody"]!;

        var partnerBody = createPartner["requestBody"]!["content"]!["application/json"]!["schema"]!;
        Assert.Equal(["id", "name", "email", "language", "cc"], partnerBody["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["id", "name", "email"], partnerBody["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("#/components/schemas/IssuedKey", createPartner["responses"]!["201"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal(["400", "401", "403", "409", "429", "500", "503"], createPartner["responses"]!.AsObject().Select(r => r.Key).Where(k => k != "201").Order());
        Assert.Equal("#/components/schemas/ApiProblemBody", createPartner["responses"]!["409"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal(["type", "title", "status", "detail", "code", "errors"], problem["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal("Bad Request; code: validation, missing-file, empty, invalid-file-name, too-many-parts, unknown-cycle, not-expected, unknown-partner", createPartner["responses"]!["400"]!["description"]!.GetValue<string>());
        Assert.Equal("Conflict; code: conflict, not-indexed, not-issued", createPartner["responses"]!["409"]!["description"]!.GetValue<string>());
        var uploadForm = document["paths"]!["/api/reports"]!["post"]!["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!;
        Assert.Equal("binary", uploadForm["properties"]!["file"]!["format"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_functions_app_serves_the_document_the_server_makes()
    {
        var context = new DefaultHttpContext { RequestServices = fixture.Server.Services };
        context.Response.Body = new MemoryStream();

        await new OpenApiFunctions(new ApiReferenceHandler()).OpenApi(context.Request).ExecuteAsync(context);
        var served = JsonNode.Parse(((MemoryStream)context.Response.Body).ToArray());

        var made = await ServerDocumentAsync();
        Assert.True(
            JsonNode.DeepEquals(made, served),
            "src/Minamata.Functions/openapi.json differs from what the server makes: run the server and save its /api/openapi.json there.");
        Assert.StartsWith("application/json", context.Response.ContentType);
    }

    [Fact]
    public async Task The_api_reference_lists_every_problem_code()
    {
        var reference = await File.ReadAllTextAsync(Path.Combine(ServerFixture.RepositoryRoot, "docs", "http-api.md"));

        Assert.All(ApiProblemCodes.ByStatus, entry => Assert.All(entry.Value, code => Assert.Contains($"`{code}`", reference)));
    }

    private async Task<JsonNode> ServerDocumentAsync()
    {
        using var client = fixture.Client();
        using var response = await client.GetAsync("/" + ApiRoutes.OpenApi);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
