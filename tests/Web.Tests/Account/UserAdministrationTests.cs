using System.Net;
using System.Text.RegularExpressions;
using Bangfu.Identity.Users;
using Bangfu.Web.Tests.Infrastructure;

namespace Bangfu.Web.Tests.Account;

public sealed partial class UserAdministrationTests : WebTest
{
    private static async Task<HttpResponseMessage> CreateAsync(HttpClient admin, string userName, string region, params string[] roles)
    {
        var page = await admin.GetStringAsync("/Identity/Users/Create");
        var token = System.Net.WebUtility.HtmlDecode(Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"").Groups[1].Value);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token), new("Input.UserName", userName), new("Input.DisplayName", "张三"), new("Input.RegionCode", region),
        };
        fields.AddRange(roles.Select(r => new KeyValuePair<string, string>("Input.Roles", r)));
        return await admin.PostAsync("/Identity/Users/Create", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task The_system_administrator_creates_an_officer_whose_one_time_password_must_be_changed()
    {
        var admin = await SignInAsync("xitong", null);
        var created = await CreateAsync(admin, "zhangsan", "430182106209", Roles.VillageOfficer);
        var page = await created.Content.ReadAsStringAsync();
        Assert.Contains("只显示这一次", page);
        var password = WebUtility.HtmlDecode(OneTimePassword().Match(page).Groups[1].Value);
        Assert.Equal(16, password.Length);

        var officer = Client();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAttemptAsync(officer, "zhangsan", password)).StatusCode);
        Assert.Equal("/Account/ChangePassword", (await officer.GetAsync("/")).Headers.Location!.OriginalString);
        Assert.Contains("zhangsan", await admin.GetStringAsync("/Identity/Users?search=zhang"));
    }

    [Theory]
    [InlineData("", new[] { Roles.SystemAdministrator, Roles.Auditor }, "三权分立")]
    [InlineData("", new[] { Roles.SecurityAdministrator, Roles.SystemAdministrator }, "三权分立")]
    [InlineData("430182", new[] { Roles.Auditor, Roles.CountyOfficer }, "三权分立")]
    [InlineData("430182", new[] { Roles.TownshipOfficer }, "级别不符")]
    [InlineData("430182106209", new[] { Roles.VillageOfficer, Roles.TownshipOfficer }, "级别不符")]
    [InlineData("", new string[0], "至少选择一个角色")]
    public async Task Roles_that_break_three_role_separation_or_the_scope_level_are_refused(string region, string[] roles, string reason)
    {
        var admin = await SignInAsync("xitong", null);
        var response = await CreateAsync(admin, "lisi", region, roles);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(reason, page);
        Assert.DoesNotContain("只显示这一次", page);
    }

    [Fact]
    public async Task Changing_roles_applies_the_same_rules_and_ends_the_users_sessions()
    {
        var officer = await SignInAsync("cunguan", "430182106209");
        var admin = await SignInAsync("xitong", null);
        var id = (await SessionsOfAsync("cunguan"))[0].UserId;
        var edit = $"/Identity/Users/Edit?id={id}&handler=Roles";
        var refused = await PostFormAsync(admin, edit, new() { ["Input.RegionCode"] = "430182106209", ["Input.Roles"] = Roles.Auditor + "x" }, $"/Identity/Users/Edit?id={id}");
        Assert.Contains("没有角色", await refused.Content.ReadAsStringAsync());

        var moved = await PostFormAsync(admin, edit, new() { ["Input.RegionCode"] = "430182106", ["Input.Roles"] = Roles.TownshipOfficer }, $"/Identity/Users/Edit?id={id}");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        AssertSentToSignIn(await officer.GetAsync("/"));
        Assert.Contains("乡镇工作人员", await admin.GetStringAsync("/Identity/Users?search=cunguan"));
    }

    [Fact]
    public async Task Moving_an_officer_to_another_village_with_the_same_role_ends_their_sessions()
    {
        var officer = await SignInAsync("cunguan", "430182106209");
        var admin = await SignInAsync("xitong", null);
        var id = Accounts["cunguan"].User.Id;
        var moved = await PostFormAsync(admin, $"/Identity/Users/Edit?id={id}&handler=Roles",
            new() { ["Input.RegionCode"] = "433124110226", ["Input.Roles"] = Roles.VillageOfficer }, $"/Identity/Users/Edit?id={id}");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        AssertSentToSignIn(await officer.GetAsync("/"));
    }

    [Fact]
    public async Task The_security_administrator_unlocks_a_locked_account()
    {
        await CreateAccountAsync("cunguan", "430182106209");
        for (var i = 0; i < 5; i++) await SignInAttemptAsync(Client(), "cunguan", "Wrong-Mima-" + i);
        var security = await SignInAsync("anquan", null, Roles.SecurityAdministrator);
        var list = await security.GetStringAsync("/Identity/Users");
        Assert.Contains("已锁定", list);
        Assert.DoesNotContain("新建用户", list);
        var id = Accounts["cunguan"].User.Id;
        var unlock = await PostFormAsync(security, $"/Identity/Users/Edit?id={id}&handler=Unlock", [], $"/Identity/Users/Edit?id={id}");
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAttemptAsync(Client(), "cunguan", Password)).StatusCode);

        // Disabling is the system administrator's work, not the security administrator's.
        var disable = await PostFormAsync(security, $"/Identity/Users/Edit?id={id}&handler=Disable", [], $"/Identity/Users/Edit?id={id}");
        Assert.StartsWith("/Account/Denied", disable.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAttemptAsync(Client(), "cunguan", Password)).StatusCode);
    }

    [Fact]
    public async Task Officers_and_auditors_cannot_open_user_administration_and_the_system_administrator_sees_no_person_data()
    {
        var county = await SignInAsync("xianguan", "430182");
        var denied = await county.GetAsync("/Identity/Users");
        Assert.StartsWith("/Account/Denied", denied.Headers.Location!.PathAndQuery);
        var page = await county.GetAsync(denied.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("没有权限", await page.Content.ReadAsStringAsync());
        var auditor = await SignInAsync("shenji", null, Roles.Auditor);
        Assert.NotEqual(HttpStatusCode.OK, (await auditor.GetAsync("/Identity/Users")).StatusCode);
        var admin = await SignInAsync("xitong", null);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Identity/Users")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await admin.GetAsync("/Registry/People")).StatusCode);
    }

    [GeneratedRegex("<code class=\"one-time-password\">([^<]+)</code>")]
    private static partial Regex OneTimePassword();
}
