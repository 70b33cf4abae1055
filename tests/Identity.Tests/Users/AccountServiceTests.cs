using Bangfu.Identity.Sessions;
using Bangfu.Identity.Users;
using Bangfu.Platform.Data;
using Bangfu.Platform.Users;
using Bangfu.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Identity.Tests.Users;

public sealed class AccountServiceTests : IAsyncLifetime
{
    private const string Password = "Ceshi-Mima-2026";
    private readonly ManualTimeProvider clock = new();
    private TestDatabase database = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        services = database.BuildServices(configure: s => s.AddSingleton<TimeProvider>(clock));
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Creating_an_account_breaking_the_role_rules_fails_with_a_chinese_message()
    {
        await using var scope = services.InScope();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            scope.Get<UserService>().CreateAsync("lisi", "李四", "430182", [Roles.Auditor, Roles.CountyOfficer]));
        Assert.Contains("三权分立", error.Message);
        Assert.Null(await scope.Get<UserManager<AppUser>>().FindByNameAsync("lisi"));
    }

    [Fact]
    public async Task A_changed_password_keeps_the_old_hash_and_stamps_the_change_on_the_clock()
    {
        var account = await TestAccounts.CreateAsync(services, "cunguan", "430182106209", Password, [Roles.VillageOfficer]);
        clock.Advance(TimeSpan.FromDays(10));
        await using var scope = services.InScope();
        var users = scope.Get<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(account.User.Id))!;
        Assert.True((await users.ChangePasswordAsync(user, Password, "Lantian-Baiyun-1")).Succeeded);
        Assert.Equal(clock.GetUtcNow(), user.PasswordChangedAt);
        var history = await scope.Get<AppDbContext>().Set<Bangfu.Identity.Passwords.PasswordHistoryEntry>().Where(h => h.UserId == user.Id).ToListAsync();
        Assert.Contains(history, h => users.PasswordHasher.VerifyHashedPassword(user, h.PasswordHash, Password) != PasswordVerificationResult.Failed);
        Assert.DoesNotContain(history, h => h.PasswordHash.Contains(Password));
    }

    [Fact]
    public async Task A_lockout_ends_on_the_injected_clock()
    {
        var account = await TestAccounts.CreateAsync(services, "cunguan", "430182106209", Password, [Roles.VillageOfficer]);
        await using var scope = services.InScope();
        var users = scope.Get<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(account.User.Id))!;
        for (var i = 0; i < 5; i++) await users.AccessFailedAsync(user);
        Assert.True(await users.IsLockedOutAsync(user));
        Assert.Equal(clock.GetUtcNow().AddMinutes(30), user.LockoutEnd);
        clock.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromTicks(1));
        Assert.False(await users.IsLockedOutAsync(user));
    }

    [Fact]
    public async Task Disabling_an_account_ends_every_live_session_and_records_why()
    {
        var account = await TestAccounts.CreateAsync(services, "cunguan", "430182106209", Password, [Roles.VillageOfficer]);
        await using (var scope = services.InScope())
        {
            var db = scope.Get<AppDbContext>();
            for (var i = 0; i < 2; i++)
                db.Add(new UserSession(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray(), account.User.Id,
                    clock.GetUtcNow(), TimeSpan.FromHours(12), "127.0.0.1", "Chrome · Windows", [1]));
            await db.SaveChangesAsync();
        }
        await using (var scope = services.InScope())
        {
            Assert.Equal(2, (await scope.Get<SessionService>().ActiveAsync(account.User.Id)).Count);
            await scope.Get<UserService>().DisableAsync(account.User.Id);
        }
        await using (var scope = services.InScope())
        {
            Assert.Empty(await scope.Get<SessionService>().ActiveAsync(account.User.Id));
            var reasons = await scope.Get<AppDbContext>().Set<UserSession>().Select(s => s.EndReason).ToListAsync();
            Assert.All(reasons, r => Assert.Equal(SessionEndReason.Disabled, r));
        }
    }

    [Fact]
    public async Task A_session_unused_for_the_idle_time_is_no_longer_listed()
    {
        var account = await TestAccounts.CreateAsync(services, "cunguan", "430182106209", Password, [Roles.VillageOfficer]);
        await using var scope = services.InScope();
        var db = scope.Get<AppDbContext>();
        db.Add(new UserSession(new byte[32], account.User.Id, clock.GetUtcNow(), TimeSpan.FromHours(12), null, null, [1]));
        await db.SaveChangesAsync();
        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Single(await scope.Get<SessionService>().ActiveAsync(account.User.Id));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty(await scope.Get<SessionService>().ActiveAsync(account.User.Id));
    }
}
