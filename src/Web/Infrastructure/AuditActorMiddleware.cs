using System.Diagnostics;
using System.Security.Claims;
using Bangfu.Platform.Audit;

namespace Bangfu.Web.Infrastructure;

/// <summary>
/// Fills the request's <see cref="AuditActor"/> (user, client address, correlation id) once authentication has run, so
/// every audit entry of the request says who acted and from where (GB/T 22239-2019 8.1.4.3 b). Values already set — by
/// the sign-in page for the account being signed in, or by the session store for a session that timed out — are kept.
/// </summary>
internal sealed class AuditActorMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, AuditActor actor)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            actor.UserId ??= context.User.FindFirstValue(ClaimTypes.NameIdentifier);
            actor.UserName ??= context.User.Identity.Name;
        }
        actor.ClientIp ??= context.Connection.RemoteIpAddress?.ToString();
        actor.CorrelationId ??= Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        return next(context);
    }
}
