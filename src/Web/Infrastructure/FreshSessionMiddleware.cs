using Bangfu.Identity.Sessions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Bangfu.Web.Infrastructure;

/// <summary>
/// Makes every sign-in start a new session with a new key (ASVS 5.0 7.2.4; against session fixation). The cookie handler
/// keeps a browser's current session key when it signs in again (it renews the stored ticket under the old key), so
/// before a sign-in is posted this ends the session the browser still holds; the handler then finds no session and
/// stores a new one. Runs before authentication.
/// </summary>
internal sealed class FreshSessionMiddleware(RequestDelegate next, IOptionsMonitor<CookieAuthenticationOptions> cookies)
{
    // The claim in which the cookie handler keeps the session key (CookieAuthenticationHandler.SessionIdClaim).
    private const string SessionIdClaim = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase))
        {
            var options = cookies.Get(IdentityConstants.ApplicationScheme);
            var cookie = options.CookieManager.GetRequestCookie(context, options.Cookie.Name!);
            if (!string.IsNullOrEmpty(cookie) && options.SessionStore is { } store
                && options.TicketDataFormat.Unprotect(cookie)?.Principal.FindFirst(SessionIdClaim)?.Value is { } key)
            {
                context.Items[SessionTicketStore.EndReasonItem] = SessionEndReason.Renewed;
                await store.RemoveAsync(key, context, context.RequestAborted);
                context.Items.Remove(SessionTicketStore.EndReasonItem);
            }
        }
        await next(context);
    }
}
