using Microsoft.OpenApi;
using Minamata.Reporting.Api;

namespace Minamata.Server;

/// <summary>
/// The OpenAPI document (<c>/api/openapi.json</c>), made by Microsoft.AspNetCore.OpenApi from the
/// server's routes and what each declares it answers. The Functions app serves a copy of the same
/// document, which a test holds equal to this one.
/// </summary>
internal static class ApiDescription
{
    public const string Scheme = "bearer";

    public static IServiceCollection AddApiDescription(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Minamata report pipeline",
                    Version = "1",
                    Description = "Partners submit reports for a meeting of the Conference of the Parties; the secretariat follows, reviews and compiles them. Errors are problem+json with a stable `code` (docs/http-api.md lists them).",
                };
                // The same server answers wherever it is deployed: paths are relative to where the document was fetched.
                document.Servers = [new OpenApiServer { Url = "/" }];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [Scheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        Description = "The secretariat's key or a partner's key (mk_...), as 'Authorization: Bearer <key>'.",
                    },
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] }];
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(async (operation, context, cancellationToken) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                foreach (var (status, response) in operation.Responses ?? [])
                {
                    if (response is OpenApiResponse problem && int.TryParse(status, out var code) && ApiProblemCodes.ByStatus.TryGetValue(code, out var codes))
                    {
                        problem.Description = $"{problem.Description}; code: {string.Join(", ", codes)}";
                    }
                }

                foreach (var query in metadata.OfType<QueryParameter>())
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = query.Name,
                        In = ParameterLocation.Query,
                        Description = query.Description,
                        Schema = new OpenApiSchema { Type = query.IsInteger ? JsonSchemaType.Integer : JsonSchemaType.String },
                    });
                }

                if (metadata.OfType<RequestBody>().FirstOrDefault() is { } body)
                {
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            [body.ContentType] = new() { Schema = await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken) },
                        },
                    };
                }
            });
        });

    /// <summary>
    /// A query parameter the handler reads. The handlers read the query themselves (to answer a bad
    /// value with the API's own problem), so the route says what they read.
    /// </summary>
    public static RouteHandlerBuilder Query(this RouteHandlerBuilder route, string name, string description, bool isInteger = false) =>
        route.WithMetadata(new QueryParameter(name, description, isInteger));

    /// <summary>What a route reads from the request body, for the document only.</summary>
    private sealed record RequestBody(Type Type, string ContentType);

    private sealed record QueryParameter(string Name, string Description, bool IsInteger);

    /// <summary>
    /// The problems a route may answer besides those of any authenticated call, which its typed
    /// result (<see cref="ApiProblemResult"/>) declares: what the handler throws is not in its type.
    /// </summary>
    public static RouteHandlerBuilder Fails(this RouteHandlerBuilder route, params int[] statuses) =>
        route.WithMetadata([.. ApiProblemResult.Answers(statuses)]);

    /// <summary>A file in the answer, with its media types; a stream's type cannot say them.</summary>
    public static RouteHandlerBuilder AnswersFile(this RouteHandlerBuilder route, params string[] mediaTypes) =>
        route.Produces(StatusCodes.Status200OK, typeof(Stream), mediaTypes[0], mediaTypes[1..]).Fails(StatusCodes.Status404NotFound);

    /// <summary>
    /// The request body the route reads. Not <c>Accepts</c>: that also makes routing refuse other
    /// content types with a bare 415, where the handler answers with the API's own problem.
    /// </summary>
    public static RouteHandlerBuilder Takes<T>(this RouteHandlerBuilder route, string contentType = "application/json") =>
        route.WithMetadata(new RequestBody(typeof(T), contentType));
}
