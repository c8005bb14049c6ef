using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Minamata.Reporting.Api;

/// <summary>Reads a small JSON request body, refusing anything larger than a JSON body needs to be.</summary>
public static class JsonBody
{
    private const int MaxBytes = 64 * 1024;

    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw new ApiProblem(StatusCodes.Status413PayloadTooLarge, ApiProblemCodes.TooLarge, $"A JSON body may be at most {MaxBytes} bytes.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new ApiProblem(StatusCodes.Status413PayloadTooLarge, ApiProblemCodes.TooLarge, $"A JSON body may be at most {MaxBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return JsonSerializer.Deserialize(buffer.ToArray(), ReportingJson.TypeInfo<T>())
                ?? throw ApiProblem.Validation("The body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw ApiProblem.Validation($"The body is not valid JSON: {e.Message}");
        }
    }
}
