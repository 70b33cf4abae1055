using System.Security.Claims;
using System.Threading.RateLimiting;
using Bangfu.Identity.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Bangfu.Web.Infrastructure;

/// <summary>
/// Request limits against automated use (ASVS 5.0 2.4.1 and 6.3.1; GB/T 22239-2019 8.1.4.1 b 限制非法登录次数): sign-in per client
/// address; person lists and searches, exports and roster uploads per user, on the pages and the API alike. Over a limit the answer is 429 with the
/// Chinese error page and a Retry-After header. Limits: section <c>Security</c> (<see cref="SecurityOptions"/>).
/// </summary>
public static class RateLimits
{
    private static readonly string[] SignInPages = ["/Account/Login", "/Account/TwoFactor"];
    private static readonly string[] ListPages = ["/Registry/People", "/Registry/Quality", "/Employment/Lists", "/Reporting/Monthly/People"];
    private static readonly string[] ExportHandlers = ["Export", "Roster", "Download"];
    private static readonly string[] ApiListPaths = ["/api/v1/registry/people", "/api/v1/reports/monthly-dispatch/people"];

    public static IServiceCollection AddBangfuRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString();
                return ValueTask.CompletedTask;
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
        });

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var request = context.Request;
        var path = request.Path;
        var post = HttpMethods.IsPost(request.Method);
        var handler = request.Query["handler"].ToString();
        if (post && SignInPages.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)))
            return Fixed("sign-in|" + Address(context), limits.SignInPerMinute, TimeSpan.FromMinutes(1));
        if (ExportHandlers.Any(h => h.Equals(handler, StringComparison.OrdinalIgnoreCase)))
            return Fixed("export|" + Caller(context), limits.ExportsPerHour, TimeSpan.FromHours(1));
        if (post && (path.Equals("/Registry/Imports", StringComparison.OrdinalIgnoreCase) || path.Equals("/api/v1/imports", StringComparison.OrdinalIgnoreCase)))
            return Fixed("import|" + Caller(context), limits.ImportsPerHour, TimeSpan.FromHours(1));
        if (post && path.StartsWithSegments("/Fair", StringComparison.OrdinalIgnoreCase))
            return Fixed("interest|" + Address(context), limits.InterestsPerHour, TimeSpan.FromHours(1));
        if (ListPages.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            || ApiListPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            return Fixed("list|" + Caller(context), limits.ListsPerMinute, TimeSpan.FromMinutes(1));
        return RateLimitPartition.GetNoLimiter("");
    }

    private static RateLimitPartition<string> Fixed(string key, int permits, TimeSpan window) =>
        permits <= 0
            ? RateLimitPartition.GetNoLimiter(key)
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
                AutoReplenishment = true,
            });

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "-";

    private static string Caller(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? "user:" + id : "ip:" + Address(context);
}
