using System.CommandLine;
using Bangfu.Identity.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Cli.Commands;

internal static class UserCommands
{
    public static Command Create()
    {
        var name = new Argument<string>("USERNAME") { Description = "登录名" };
        var display = new Option<string?>("--name") { Description = "姓名（显示名）" };
        var region = new Option<string?>("--region") { Description = "管辖区划代码（2/4/6/9/12 位）；不填则按角色" };
        var roles = new Option<string[]>("--role") { Description = "角色，可多次：sysadmin secadmin auditor province_officer city_officer county_officer township_officer village_officer", AllowMultipleArgumentsPerToken = true };
        var create = new Command("create", "创建用户；打印一次性初始密码，首次登录必须修改") { name, display, region, roles };
        create.SetAction(async (parse, ct) =>
        {
            var regionCode = parse.GetValue(region)?.Trim();
            if (regionCode is not null && regionCode.Length > 0 && Bangfu.Platform.Scope.RegionScope.TryOf(regionCode) is null)
            {
                Console.Error.WriteLine($"区划代码“{regionCode}”无效，应为 2、4、6、9 或 12 位数字。");
                return 2;
            }
            var roleNames = parse.GetValue(roles) is { Length: > 0 } given ? given
                : regionCode is not null ? [Roles.OfficerRoleFor(regionCode)] : [];
            if (roleNames.Length == 0)
            {
                Console.Error.WriteLine("请用 --region 指定管辖区划，或用 --role 指定角色。");
                return 2;
            }
            try
            {
                var created = await CliHost.RunAsync(async sp =>
                {
                    if (regionCode is { Length: > 0 } && await sp.GetRequiredService<Bangfu.Registry.Regions.RegionDirectory>().FindAsync(regionCode, ct) is null)
                        throw new InvalidOperationException($"区划代码“{regionCode}”不存在。");
                    return await sp.GetRequiredService<UserService>()
                        .CreateAsync(parse.GetValue(name)!, parse.GetValue(display) ?? parse.GetValue(name)!, regionCode, roleNames);
                }, ct);
                Console.WriteLine($"已创建用户 {created.User.UserName}（角色：{string.Join("、", roleNames.Select(r => Roles.DisplayNames.GetValueOrDefault(r, r)))}，区划：{(string.IsNullOrEmpty(regionCode) ? "全国" : regionCode)}）");
                Console.WriteLine($"初始密码（只显示这一次）：{created.InitialPassword}");
                return 0;
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return new Command("user", "用户") { create };
    }
}
