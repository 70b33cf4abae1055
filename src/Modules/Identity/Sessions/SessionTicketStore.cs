using System.Security.Claims;
using System.Security.Cryptography;
using Bangfu.Identity.Security;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bangfu.Identity.Sessions;

/// <summary>
/// Keeps the Identity application cookie's tickets in <see cref="UserSession"/> rows, so sessions are decided on the
/// server (ASVS 5.0 7.2.1, 7.3.1, 7.3.2, 7.4.1; GB/T 22239-2019 8.1.4.1 b): every sign-in gets a new random key; each
/// request looks the key up and refuses it once the session has ended, has been idle for <c>Security:IdleMinutes</c> or
/// is older than <c>Security:AbsoluteHours</c>. Each call works in a DI scope of its own so that it never saves a page's
/// pending changes.
/// </summary>
public sealed class SessionTicketStore(
    IServiceScopeFactory scopes,
    IDataProtectionProvider protection,
    IOptions<SecurityOptions> options,
    TimeProvider clock) : ITicketStore
{
    /// <summary><see cref="HttpContext.Items"/> key of the current session's <see cref="UserSession.Id"/>.</summary>
    public const string CurrentSessionItem = "bangfu:session";

    /// <summary><see cref="HttpContext.Items"/> key a caller sets before a sign-in or sign-out to say why the old session ends.</summary>
    public const string EndReasonItem = "bangfu:session-end-reason";

    // Last-seen is written at most once a minute: idle timeouts are minutes long, and a write per request is waste.
    private static readonly TimeSpan SeenResolution = TimeSpan.FromMinutes(1);

    private readonly IDataProtector protector = protection.CreateProtector("Bangfu.Identity.Sessions.v1");

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null!, CancellationToken.None);
    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, null!, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var userId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("登录票据缺少用户编号。");
        var session = new UserSession(SHA256.HashData(key), userId, clock.GetUtcNow(), options.Value.Absolute,
            httpContext?.Connection.RemoteIpAddress?.ToString(), UserAgentSummary.Of(httpContext?.Request.Headers.UserAgent.ToString()),
            Protect(ticket));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        if (httpContext is not null) httpContext.Items[CurrentSessionItem] = session.Id;
        return Base64Url(key);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null!, CancellationToken.None);
    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => RenewAsync(key, ticket, null!, cancellationToken);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (HashOf(key) is not { } hash) return;
        var blob = Protect(ticket);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<UserSession>()
            .Where(s => s.KeyHash == hash && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Ticket, blob), cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null!, CancellationToken.None);
    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, null!, cancellationToken);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (HashOf(key) is not { } hash) return null;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var session = await db.Set<UserSession>().SingleOrDefaultAsync(s => s.KeyHash == hash, cancellationToken);
        if (session is not { EndedAt: null }) return null;
        var ticket = Unprotect(session.Ticket);
        var now = clock.GetUtcNow();
        if ((ticket is null ? SessionEndReason.Unreadable : session.Expiry(now, options.Value.Idle)) is { } reason)
        {
            session.End(now, reason);
            await db.SaveChangesAsync(cancellationToken);
            await RecordEndedAsync(httpContext, session, ticket, reason, cancellationToken);
            return null;
        }
        if (now - session.LastSeenAt >= SeenResolution)
        {
            session.Seen(now);
            await db.SaveChangesAsync(cancellationToken);
        }
        if (httpContext is not null) httpContext.Items[CurrentSessionItem] = session.Id;
        return ticket;
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null!, CancellationToken.None);
    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null!, cancellationToken);

    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (HashOf(key) is not { } hash) return;
        var reason = httpContext?.Items[EndReasonItem] as string ?? SessionEndReason.SignedOut;
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<UserSession>()
            .Where(s => s.KeyHash == hash && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndReason, reason), cancellationToken);
    }

    // A timeout is noticed while authenticating, before the request has an audit actor: the session's user is the actor.
    private static async Task RecordEndedAsync(HttpContext? http, UserSession session, AuthenticationTicket? ticket, string reason, CancellationToken ct)
    {
        if (http is null) return;
        var actor = http.RequestServices.GetRequiredService<AuditActor>();
        actor.UserId ??= session.UserId;
        actor.UserName ??= ticket?.Principal.Identity?.Name;
        actor.ClientIp ??= http.Connection.RemoteIpAddress?.ToString();
        actor.CorrelationId ??= http.TraceIdentifier;
        await http.RequestServices.GetRequiredService<AuditTrail>().RecordAsync(
            new AuditEntry(AuthenticationEvents.Category, AuthenticationEvents.SessionEnded, AuditEntry.Success, session.Id.ToString(), new { reason }), ct);
    }

    private byte[] Protect(AuthenticationTicket ticket) => protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private AuthenticationTicket? Unprotect(byte[] blob)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(protector.Unprotect(blob));
        }
        catch (CryptographicException)
        {
            return null; // keys rotated away or the row was tampered with: the session is not usable
        }
    }

    private static byte[]? HashOf(string key)
    {
        try
        {
            var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(key);
            return bytes.Length == 32 ? SHA256.HashData(bytes) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
