using Bangfu.Platform.Data;
using Bangfu.Platform.Users;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Identity.Users;

/// <summary>
/// When the database has no account, creates the first administrator ("admin") with a random password, printed once
/// on the console and never stored or logged in plain text. There is no default password anywhere.
/// </summary>
internal sealed class FirstAdministratorSeeder(AppDbContext db, UserService users) : IDatabaseSeeder
{
    public const string UserName = "admin";

    public int Order => 100;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await users.EnsureRolesAsync();
        if (await db.Set<AppUser>().AnyAsync(cancellationToken)) return;
        var created = await users.CreateAsync(UserName, "系统管理员", regionCode: null, [Roles.SystemAdministrator]);
        // The console's error stream, not the logger (the password must not reach a log file) and not standard output
        // (the CLI's JSON goes there, and a script piping it would swallow the only copy).
        var console = Console.Error;
        console.WriteLine();
        console.WriteLine("==================================================================");
        console.WriteLine(" 已创建首个管理员账号（只显示这一次，请立即记下）");
        console.WriteLine($"   用户名：{UserName}");
        console.WriteLine($"   初始密码：{created.InitialPassword}");
        console.WriteLine(" 首次登录时必须修改密码。");
        console.WriteLine("==================================================================");
        console.WriteLine();
    }
}
