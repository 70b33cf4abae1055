using System.Security.Claims;
using Bangfu.Platform.Audit;

namespace Bangfu.Web.Api;

/// <summary>
/// Audit entries of API calls: the same categories and event names as the pages (人员 person.view, 导入 import.check …),
/// with <c>channel = api</c> and the id of the token used, so an auditor can tell a program's reads from an officer's.
/// </summary>
internal static class ApiAudit
{
    public static Task RecordAsync(HttpContext http, string category, string name, string? target = null, string? regionCode = null,
        IReadOnlyDictionary<string, object?>? details = null, string result = AuditEntry.Success)
    {
        var services = http.RequestServices;
        var actor = services.GetRequiredService<AuditActor>();
        actor.UserId ??= http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        actor.UserName ??= http.User.Identity?.Name;
        actor.ClientIp ??= http.Connection.RemoteIpAddress?.ToString();
        actor.CorrelationId ??= http.TraceIdentifier;
        var all = new Dictionary<string, object?> { ["channel"] = ApiPaths.IsApi(http.Request.Path) ? "api" : "web" };
        if (http.User.FindFirstValue(AccessTokenAuthentication.TokenIdClaim) is { } token) all["token"] = token;
        foreach (var (key, value) in details ?? new Dictionary<string, object?>()) all[key] = value;
        return services.GetRequiredService<AuditTrail>().RecordAsync(
            new AuditEntry(category, name, result, target, all, regionCode), CancellationToken.None);
    }
}
