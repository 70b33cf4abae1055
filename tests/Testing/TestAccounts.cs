using Bangfu.Identity.Users;
using Bangfu.Platform.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Bangfu.Testing;

/// <summary>An account made for a test: its password is known and, where its role needs one, its authenticator is enrolled.</summary>
public sealed record TestAccount(AppUser User, string Password, string? AuthenticatorKey);

public static class TestAccounts
{
    /// <summary>
    /// Creates an account through <see cref="UserService"/> (roles checked as in production), replaces the one-time
    /// password with <paramref name="password"/> and, when a role requires a second factor, enrols an authenticator
    /// as the enrolment page would, so the account signs in with password and code.
    /// </summary>
    public static async Task<TestAccount> CreateAsync(IServiceProvider services, string userName, string? regionCode, string password,
        IReadOnlyList<string> roles, bool enrol = true)
    {
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<UserService>().CreateAsync(userName, userName, regionCode, roles);
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = created.User;
        Check(await manager.RemovePasswordAsync(user));
        Check(await manager.AddPasswordAsync(user, password));
        user.MustChangePassword = false;
        Check(await manager.UpdateAsync(user));
        string? key = null;
        if (enrol && roles.Any(RolePermissions.RequiresSecondFactor))
        {
            Check(await manager.ResetAuthenticatorKeyAsync(user));
            key = await manager.GetAuthenticatorKeyAsync(user);
            Check(await manager.SetTwoFactorEnabledAsync(user, true));
        }
        return new TestAccount(user, password, key);
    }

    /// <summary>
    /// The time steps from now that successive sign-ins of one account use: Identity accepts codes two steps either way,
    /// and each step is accepted once, so four sign-ins fit in one 30-second step (now first, as an enrolment uses it).
    /// </summary>
    public static int[] Steps { get; } = [0, 1, 2, -1];

    /// <summary>The authenticator's code for <paramref name="key"/>, <paramref name="steps"/> 30-second steps from now (real time, as Identity checks it).</summary>
    public static string Code(string key, int steps = 0) =>
        new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * steps));

    /// <summary>The roles a test account gets by default: the officer role of its scope, or the system administrator's.</summary>
    public static string[] DefaultRoles(string? regionCode) =>
        regionCode is not null ? [Roles.OfficerRoleFor(regionCode)] : [Roles.SystemAdministrator];

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
