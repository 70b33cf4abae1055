using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Bangfu.Identity.Tokens;
using Bangfu.Identity.Users;
using Bangfu.Platform.Users;
using Bangfu.Testing;
using Bangfu.Web.Tests.Registry;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Web.Tests.Api;

/// <summary>Functional tests of the JSON API: officers, their personal access tokens, and clients that present them.</summary>
public abstract class ApiTest : RegistryWebTest
{
    public const string Ningxiang = "430182";
    public const string Huayuan = "433124";

    /// <summary>Creates an officer (without signing in) whose password need not be changed; returns their account.</summary>
    protected async Task<AppUser> OfficerAsync(string userName, string? regionCode, params string[] roles) =>
        (await TestAccounts.CreateAsync(Services, userName, regionCode, Password,
            roles.Length > 0 ? roles : [Roles.OfficerRoleFor(regionCode ?? "")])).User;

    /// <summary>A token for the officer with the given permissions (all of the officer's when none are named).</summary>
    protected async Task<string> TokenAsync(AppUser user, string[]? permissions = null, string? region = null, int days = 30, IServiceProvider? services = null)
    {
        await using var scope = (services ?? Services).CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var held = RolePermissions.Of(await manager.GetRolesAsync(user)).ToHashSet();
        var issued = await scope.ServiceProvider.GetRequiredService<AccessTokenService>().CreateAsync(
            new AccessTokenOwner(user.Id, held, user.RegionCode), new AccessTokenRequest("测试", days, permissions ?? held.ToArray(), region));
        return issued.Secret;
    }

    /// <summary>A client that sends the token and no cookie.</summary>
    protected HttpClient TokenClient(string? token)
    {
        var client = Client();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 problem with the status, a Chinese title, and returns it.</summary>
    protected static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("title").GetString());
        return problem;
    }

    /// <summary>Polls an import's status until it is no longer queued or running.</summary>
    protected static async Task<JsonElement> SettledAsync(HttpClient client, string statusUrl)
    {
        for (var i = 0; i < 1200; i++)
        {
            var status = await JsonAsync(await client.GetAsync(statusUrl));
            if (status.GetProperty("state").GetString() is not ("queued" or "running")) return status;
            await Task.Delay(100);
        }
        throw new TimeoutException("import did not finish: " + statusUrl);
    }

    /// <summary>Uploads a roster through the API and waits for its check; returns the settled status.</summary>
    protected static async Task<JsonElement> UploadAsync(HttpClient client, string path, string? period = "2021-12")
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StreamContent(File.OpenRead(path)), "file", Path.GetFileName(path));
        if (period is not null) content.Add(new StringContent(period), "period");
        var accepted = await JsonAsync(await client.PostAsync("/api/v1/imports", content), HttpStatusCode.Accepted);
        return await SettledAsync(client, accepted.GetProperty("status_url").GetString()!);
    }
}
