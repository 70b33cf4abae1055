using System.Net;
using Bangfu.Identity;
using Bangfu.Identity.Users;
using Bangfu.Platform.Audit;
using Bangfu.Testing;
using Bangfu.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Web.Tests.Account;

public sealed class AuthenticationAuditTests : WebTest
{
    [Fact]
    public async Task Every_authentication_event_appears_in_the_audit_trail_with_who_and_the_result()
    {
        // user.created (by the administrator), 2fa enrolment, sign-in with a code, role change, disabling.
        var admin = await SignInAsync("xitong", null);
        await CreateAccountAsync("xianguan", "430182", enrol: false);
        var county = Client();
        await SignInAttemptAsync(county, "xianguan", Password);
        await PostFormAsync(county, "/Account/Authenticator?handler=Start", [], formPage: "/Account/Authenticator");
        string key;
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Bangfu.Platform.Users.AppUser>>();
            key = (await users.GetAuthenticatorKeyAsync((await users.FindByNameAsync("xianguan"))!))!;
        }
        await PostFormAsync(county, "/Account/Authenticator", new() { ["Code"] = TestAccounts.Code(key) });
        Accounts["xianguan"] = Accounts["xianguan"] with { AuthenticatorKey = key };
        _ = NextCode("xianguan"); // the enrolment used this step's code; it cannot be used again

        // sign-in.failed, lockout; password.changed; sign-out; session.ended by idle timeout.
        var village = await SignInAsync("cunguan", "430182106209");
        await SignInAttemptAsync(Client(), "cunguan", "Wrong-Mima-1");
        await PostFormAsync(village, "/Account/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = Password, ["Input.NewPassword"] = "Qingshan-Lushui-9", ["Input.ConfirmPassword"] = "Qingshan-Lushui-9",
        });
        await PostFormAsync(village, "/Account/Logout", [], formPage: "/");
        await CreateAccountAsync("suoding", "430182106210");
        for (var i = 0; i < 5; i++) await SignInAttemptAsync(Client(), "suoding", "Wrong-Mima-" + i);
        var idle = await SignInAgainAsync("xianguan");
        Clock.Advance(TimeSpan.FromMinutes(16));
        AssertSentToSignIn(await idle.GetAsync("/"));

        var id = Accounts["xianguan"].User.Id;
        var edit = $"/Identity/Users/Edit?id={id}";
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(admin = await SignInAgainAsync("xitong"), edit + "&handler=Roles",
            new() { ["Input.RegionCode"] = "4301", ["Input.Roles"] = Roles.CityOfficer }, edit)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(admin, edit + "&handler=Disable", [], edit)).StatusCode);

        var events = await AuthenticationEventsAsync();
        var names = events.Select(e => e.Name).ToHashSet();
        foreach (var expected in new[]
                 {
                     AuthenticationEvents.SignIn, AuthenticationEvents.SignInFailed, AuthenticationEvents.SignOut, AuthenticationEvents.Lockout,
                     AuthenticationEvents.PasswordChanged, AuthenticationEvents.SecondFactorEnrolled, AuthenticationEvents.SessionEnded,
                     AuthenticationEvents.UserCreated, AuthenticationEvents.UserDisabled, AuthenticationEvents.RoleChanged,
                 })
            Assert.Contains(expected, names);

        var failed = events.First(e => e.Name == AuthenticationEvents.SignInFailed);
        Assert.Equal("cunguan", failed.UserName);
        Assert.StartsWith(AuditEntry.Failure, failed.Result);
        var enrolled = events.Single(e => e.Name == AuthenticationEvents.SecondFactorEnrolled);
        Assert.Equal("xianguan", enrolled.UserName);
        var disabled = events.Single(e => e.Name == AuthenticationEvents.UserDisabled);
        Assert.Equal("xitong", disabled.UserName);
        Assert.Equal("xianguan", disabled.Target);
        Assert.Contains(events, e => e.Name == AuthenticationEvents.SessionEnded && e.Details!.Contains("空闲超时") && e.UserName == "xianguan");
        // Everything done through the site says which request did it (accounts made by the test itself are not).
        Assert.All(events.Where(e => e.UserName is not null), e => Assert.False(string.IsNullOrEmpty(e.CorrelationId)));

        await using var verify = Services.CreateAsyncScope();
        Assert.True((await verify.ServiceProvider.GetRequiredService<AuditTrail>().VerifyAsync()).Intact);
    }
}
