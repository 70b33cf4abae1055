namespace Bangfu.Web.Infrastructure;

/// <summary>
/// <c>Cache-Control: no-store</c> on every response to a signed-in user: pages and downloads may carry personal data,
/// and no browser or proxy cache may keep a copy (GB/T 35273-2020 §7.2; ASVS 5.0 V14.3: sensitive data not cached).
/// Static files are served before authentication and stay cacheable.
/// </summary>
internal sealed class NoStoreMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.Pragma = "no-cache";
                return Task.CompletedTask;
            });
        }
        return next(context);
    }
}
