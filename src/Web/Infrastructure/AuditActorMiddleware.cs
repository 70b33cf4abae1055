using System.Diagnostics;
using System.Security.Claims;
using Bangfu.Platform.Audit;

namespace Bangfu.Web.Infrastructure;

/// <summary>
/// Fills the request's <see cref="AuditActor"/>: the signed-in user (id and name), the client address and a correlation
/// id (the trace id, also in the request log), so every audit entry of the request says who, from where
/// (GB/T 22239-2019 8.1.4.3 b). The client address is the connection's; behind a reverse proxy, configure forwarded
/// headers so it is the browser's.
/// </summary>
internal sealed class AuditActorMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, AuditActor actor)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            actor.UserId = context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value;
            actor.UserName = context.User.Identity.Name;
        }
        actor.ClientIp = context.Connection.RemoteIpAddress?.ToString();
        actor.CorrelationId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        return next(context);
    }
}
