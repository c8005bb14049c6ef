using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Api;
using Minamata.Reporting.Documents;

namespace Minamata.Server;

/// <summary>
/// What the self-hosted server does about requests before any handler sees them: slow bodies cut
/// off, over-long URLs and headers, callers without a key limited per address, failures and bare
/// status codes answered as problem+json. In Azure the Functions front end plays this part.
/// </summary>
internal static class HttpHardening
{
    /// <summary>What the API accepts; Kestrel is set to twice as much so that it is the API that refuses, with a body.</summary>
    private const int MaxTargetBytes = 8 * 1024;
    private const int MaxHeaderBytes = 32 * 1024;

    public static void AddHttpHardening(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<ExtractionOptions>, IOptions<HttpOptions>>((kestrel, extraction, http) =>
        {
            kestrel.Limits.MaxRequestBodySize = extraction.Value.MaxFileBytes + MultipartUpload.EnvelopeBytes;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(http.Value.MinRequestBodyBytesPerSecond, http.Value.RequestBodyGracePeriod);
            kestrel.Limits.MaxRequestLineSize = 2 * MaxTargetBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 2 * MaxHeaderBytes;
        });
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Headers.Authorization.Count > 0
                    ? RateLimitPartition.GetNoLimiter("keyed")
                    : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<IOptions<HttpOptions>>().Value.AnonymousRequestsPerMinutePerAddress,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    }));
            limiter.OnRejected = async (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                await new ApiProblem(StatusCodes.Status429TooManyRequests, ApiProblemCodes.TooManyRequests, "Too many calls without a key came from this address; wait a little.") { RetryAfter = retryAfter }
                    .ToResult().ExecuteAsync(rejected.HttpContext);
            };
        });
    }

    public static void UseHttpHardening(this WebApplication app)
    {
        // In every environment: a failure outside the API's own frame (ApiCall), e.g. in the portal's
        // files, is logged by the handler and answered without a stack trace.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context => ApiProblem.Internal()
                .ToResult().ExecuteAsync(context),
        });
        app.UseStatusCodePages(context =>
        {
            // Answers that carry only a status (no route, a method not allowed, Kestrel's 408) still get problem+json.
            var status = context.HttpContext.Response.StatusCode;
            var problem = status == StatusCodes.Status404NotFound
                ? ApiProblem.NotFound($"route {context.HttpContext.Request.Method} {context.HttpContext.Request.Path}")
                : new ApiProblem(status, ApiProblemCodes.HttpStatusPrefix + status, "The request cannot be served.");
            return problem.ToResult().ExecuteAsync(context.HttpContext);
        });
        app.Use(async (context, next) =>
        {
            if (TooLong(context) is { } problem)
            {
                await problem.ToResult().ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        app.UseRateLimiter();
    }

    private static ApiProblem? TooLong(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        if (target.Length > MaxTargetBytes)
        {
            return new ApiProblem(StatusCodes.Status414UriTooLong, ApiProblemCodes.UriTooLong, $"The URL is longer than {MaxTargetBytes} characters.");
        }

        var headerBytes = context.Request.Headers.Sum(h => h.Key.Length + h.Value.Sum(v => v?.Length ?? 0));
        return headerBytes > MaxHeaderBytes
            ? new ApiProblem(StatusCodes.Status431RequestHeaderFieldsTooLarge, ApiProblemCodes.HeadersTooLarge, $"The request's headers are longer than {MaxHeaderBytes} characters in all.")
            : null;
    }
}
