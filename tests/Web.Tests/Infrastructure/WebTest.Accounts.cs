using System.Net;
using Bangfu.Identity.Sessions;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Web.Tests.Infrastructure;

/// <summary>Helpers for the account tests: raw cookies, the session table and the audit trail.</summary>
public abstract partial class WebTest
{
    public const string AuthCookie = "bangfu.auth";

    /// <summary>A client that keeps no cookies of its own, for replaying a cookie by hand.</summary>
    protected HttpClient BareClient() => Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>Signs in with the password only (an account without a second factor) and returns the session cookie it set.</summary>
    protected async Task<(HttpClient Client, string Cookie)> SignInWithCookieAsync(string userName)
    {
        var client = Client();
        var response = await PostFormAsync(client, "/Account/Login", new() { ["Input.UserName"] = userName, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, CookieOf(response) ?? throw new InvalidOperationException("no session cookie"));
    }

    protected static string? CookieOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).Where(v => v.StartsWith(AuthCookie + "=", StringComparison.Ordinal))
                .Select(v => v[(AuthCookie.Length + 1)..]).LastOrDefault(v => v.Length > 0)
            : null;

    /// <summary>GET <paramref name="path"/> with only the given session cookie.</summary>
    protected async Task<HttpResponseMessage> GetWithCookieAsync(string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"{AuthCookie}={cookie}");
        return await BareClient().SendAsync(request);
    }

    protected static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    protected async Task<List<UserSession>> SessionsOfAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return await db.Set<UserSession>().AsNoTracking().Where(s => s.UserId == id).OrderBy(s => s.CreatedAt).ToListAsync();
    }

    /// <summary>The authentication events of the audit trail (category 认证), oldest first.</summary>
    protected async Task<List<AuditEvent>> AuthenticationEventsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AuditEvent>().AsNoTracking()
            .Where(e => e.Category == Bangfu.Identity.AuthenticationEvents.Category || e.Category == Bangfu.Identity.AuthenticationEvents.AdministrationCategory).OrderBy(e => e.Id).ToListAsync();
    }

    protected static Task<HttpResponseMessage> SignInAttemptAsync(HttpClient client, string userName, string password) =>
        PostFormAsync(client, "/Account/Login", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
}
