using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Bangfu.Identity.Tokens;
using Bangfu.Platform.Data;
using Bangfu.Platform.Users;
using Bangfu.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using P = Bangfu.Platform.Security.Permissions;

namespace Bangfu.Web.Tests.Api;

public sealed partial class AccessTokenTests : ApiTest
{
    [Fact]
    public async Task A_token_is_shown_once_stored_only_as_its_hash_works_and_stops_when_revoked()
    {
        var browser = await SignInAsync("hejiawan", Hejiawan);

        var created = await PostFormAsync(browser, "/Account/Tokens", new()
        {
            ["Input.Name"] = "村数据交换", ["Input.ExpiresInDays"] = "30", ["Input.Permissions"] = P.RegistryView,
        });
        var html = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString());
        var secret = Secret().Match(html).Value;
        Assert.Matches("^bfpat_[A-Za-z0-9_-]{43}$", secret);

        var list = await browser.GetStringAsync("/Account/Tokens");
        Assert.DoesNotContain(secret, list);
        Assert.Contains(secret[..10], list);
        Assert.Contains("村数据交换", list);
        await using (var scope = Services.InScope())
        {
            var stored = await scope.Get<AppDbContext>().Set<PersonalAccessToken>().SingleAsync();
            Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), stored.SecretHash);
            Assert.Null(stored.LastUsedAt);
        }

        var program = TokenClient(secret);
        var regions = await JsonAsync(await program.GetAsync("/api/v1/regions"));
        Assert.Equal(Hejiawan, regions[0].GetProperty("code").GetString());
        await ProblemAsync(await program.GetAsync("/api/v1/reports/monthly-dispatch?period=2021-12"), HttpStatusCode.Forbidden);
        Guid id;
        await using (var scope = Services.InScope())
        {
            var stored = await scope.Get<AppDbContext>().Set<PersonalAccessToken>().SingleAsync();
            Assert.NotNull(stored.LastUsedAt);
            id = stored.Id;
        }

        var revoked = await PostFormAsync(browser, $"/Account/Tokens?handler=Revoke&id={id}", [], formPage: "/Account/Tokens");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var problem = await ProblemAsync(await program.GetAsync("/api/v1/regions"), HttpStatusCode.Unauthorized);
        Assert.Contains("撤销", problem.GetProperty("detail").GetString());
        Assert.Contains("已撤销", await browser.GetStringAsync("/Account/Tokens"));
    }

    [Fact]
    public async Task A_token_cannot_be_given_permissions_or_a_region_its_officer_does_not_have()
    {
        var browser = await SignInAsync("hejiawan", Hejiawan);

        var tooMuch = await PostFormAsync(browser, "/Account/Tokens", new()
        {
            ["Input.Name"] = "导入程序", ["Input.ExpiresInDays"] = "30", ["Input.Permissions"] = P.RegistryImport,
        });
        Assert.Contains("不能授予令牌", await tooMuch.Content.ReadAsStringAsync());
        var elsewhere = await PostFormAsync(browser, "/Account/Tokens", new()
        {
            ["Input.Name"] = "别村", ["Input.ExpiresInDays"] = "30", ["Input.Permissions"] = P.RegistryView, ["Input.RegionCode"] = Shibadong,
        });
        Assert.Contains("必须在您的管辖区域之内", await elsewhere.Content.ReadAsStringAsync());
        var tooLong = await PostFormAsync(browser, "/Account/Tokens", new()
        {
            ["Input.Name"] = "长期", ["Input.ExpiresInDays"] = "366", ["Input.Permissions"] = P.RegistryView,
        });
        Assert.Contains("有效期应为 1 至 365 天", await tooLong.Content.ReadAsStringAsync());

        await using var scope = Services.InScope();
        Assert.Equal(0, await scope.Get<AppDbContext>().Set<PersonalAccessToken>().CountAsync());
    }

    [Fact]
    public async Task A_narrower_token_sees_only_its_region_and_never_more_than_its_officer_has_now()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var officer = await OfficerAsync("ningxiang", Ningxiang);
        var narrow = TokenClient(await TokenAsync(officer, [P.RegistryView, P.ReportsView], region: Hejiawan));

        var people = await JsonAsync(await narrow.GetAsync("/api/v1/registry/people"));
        Assert.Equal(246, people.GetProperty("total").GetInt32());
        var county = await JsonAsync(await narrow.GetAsync($"/api/v1/regions/{Ningxiang}"));
        Assert.False(county.GetProperty("in_scope").GetBoolean());
        await ProblemAsync(await narrow.GetAsync($"/api/v1/regions/{Ningxiang}/children"), HttpStatusCode.NotFound);

        // The officer loses their role: the token loses its permissions with it.
        await ChangeOfficerAsync("ningxiang", (users, user) => users.RemoveFromRoleAsync(user, Bangfu.Identity.Users.Roles.CountyOfficer));
        await ProblemAsync(await narrow.GetAsync("/api/v1/registry/people"), HttpStatusCode.Forbidden);

        // The role comes back but the officer moves to another county: the token's village is no longer theirs.
        await ChangeOfficerAsync("ningxiang", async (users, user) =>
        {
            await users.AddToRoleAsync(user, Bangfu.Identity.Users.Roles.CountyOfficer);
            user.RegionCode = Huayuan;
            return await users.UpdateAsync(user);
        });
        var problem = await ProblemAsync(await narrow.GetAsync("/api/v1/registry/people"), HttpStatusCode.Unauthorized);
        Assert.Contains("管辖范围", problem.GetProperty("detail").GetString());
    }

    private async Task ChangeOfficerAsync(string userName, Func<UserManager<AppUser>, AppUser, Task<IdentityResult>> change)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True((await change(users, (await users.FindByNameAsync(userName))!)).Succeeded);
    }

    [Fact]
    public async Task A_disabled_officers_tokens_stop_working()
    {
        var officer = await OfficerAsync("hejiawan", Hejiawan);
        var client = TokenClient(await TokenAsync(officer));
        await JsonAsync(await client.GetAsync("/api/v1/regions"));

        await ChangeOfficerAsync("hejiawan", (users, user) =>
        {
            user.IsDisabled = true;
            return users.UpdateAsync(user);
        });

        var problem = await ProblemAsync(await client.GetAsync("/api/v1/regions"), HttpStatusCode.Unauthorized);
        Assert.Contains("停用", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_token_past_its_expiry_answers_401()
    {
        var clock = new MovableClock();
        await using var clocked = Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));
        var officer = await OfficerAsync("hejiawan", Hejiawan);
        var token = await TokenAsync(officer, days: 30, services: clocked.Services);
        var client = clocked.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await JsonAsync(await client.GetAsync("/api/v1/regions"));

        clock.Advance(TimeSpan.FromDays(30));

        var problem = await ProblemAsync(await client.GetAsync("/api/v1/regions"), HttpStatusCode.Unauthorized);
        Assert.Contains("过期", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Cookie_state_changes_on_the_api_need_the_antiforgery_header_and_token_ones_do_not()
    {
        var browser = await SignInAsync("hejiawan", Hejiawan);
        var program = TokenClient(await TokenAsync(await UserAsync("hejiawan")));

        var withCookie = await browser.PostAsJsonAsync("/api/v1/registry/people/search", new { region = Hejiawan });
        var problem = await ProblemAsync(withCookie, HttpStatusCode.BadRequest);
        Assert.Contains("防伪令牌", problem.GetProperty("detail").GetString());
        await JsonAsync(await browser.GetAsync($"/api/v1/regions/{Hejiawan}"));
        await JsonAsync(await program.PostAsJsonAsync("/api/v1/registry/people/search", new { region = Hejiawan }));
    }

    [Fact]
    public async Task A_token_is_ignored_on_the_pages()
    {
        var program = TokenClient(await TokenAsync(await OfficerAsync("hejiawan", Hejiawan)));

        var page = await program.GetAsync("/Registry/People");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.PathAndQuery);
    }

    private async Task<AppUser> UserAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName))!;
    }

    [GeneratedRegex("bfpat_[A-Za-z0-9_-]{43}")]
    private static partial Regex Secret();

    private sealed class MovableClock : TimeProvider
    {
        private TimeSpan offset;
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
        public void Advance(TimeSpan by) => offset += by;
    }
}
