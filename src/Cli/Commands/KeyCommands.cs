using System.CommandLine;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Platform.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Cli.Commands;

/// <summary>
/// Rotation of the keys that encrypt ID numbers and phones at rest (docs/security.md, "密钥轮换"):
/// <c>keys rotate [--inactive]</c> adds a key with the next id to the key file and makes it active (or only adds it,
/// for several instances), or prints what to add when the keys come from configuration; <c>keys activate ID</c>;
/// <c>keys reencrypt</c> moves every value under an older key to the active one, in batches, while the site serves;
/// <c>keys status</c> shows the ring and what is left to re-encrypt. Key material is never logged; the audit trail
/// records each step (安全).
/// </summary>
internal static class KeyCommands
{
    public static Command Create()
    {
        var inactive = new Option<bool>("--inactive") { Description = "只加入新密钥，暂不启用（多个网站实例时：先让所有实例都有新密钥，再 keys activate）" };
        var rotate = new Command("rotate", "新增一个加密密钥（编号递增）并设为当前密钥；密钥来自配置时打印应加入配置的内容") { inactive };
        rotate.SetAction((parse, ct) => ChangeAsync(keys => keys.AddKey(activate: !parse.GetValue(inactive)), AuditEvents.KeyRotate, ct));

        var id = new Argument<byte>("ID") { Description = "密钥编号" };
        var activate = new Command("activate", "把密钥环中已有的密钥设为当前密钥（新写入的数据用它加密）") { id };
        activate.SetAction((parse, ct) => ChangeAsync(keys =>
        {
            keys.Activate(parse.GetValue(id));
            return parse.GetValue(id);
        }, AuditEvents.KeyActivate, ct));

        var reencrypt = new Command("reencrypt", "把仍用旧密钥加密的证件号码和电话改用当前密钥加密；分批进行，网站可照常使用；可重复运行");
        reencrypt.SetAction(async (_, ct) =>
        {
            var total = await CliHost.RunAsync(async sp =>
            {
                var service = sp.GetRequiredService<PersonalDataReencryption>();
                Console.WriteLine($"当前密钥：{sp.GetRequiredService<PersonalDataProtector>().ActiveKeyId}");
                var progress = new SynchronousProgress(p => Console.Error.WriteLine($"  {p.Column}：{p.Done} / {p.Total}"));
                return await service.ReencryptAsync(progress, ct);
            }, ct);
            Console.WriteLine(total == 0 ? "没有需要重新加密的数据。" : $"已重新加密 {total} 个值。");
            return 0;
        });

        var status = new Command("status", "显示密钥环（编号、当前密钥）和仍用旧密钥加密的数据量");
        status.SetAction(async (_, ct) =>
        {
            await CliHost.RunAsync(async sp =>
            {
                var keys = sp.GetRequiredService<PersonalDataKeys>();
                var file = PersonalDataKeys.FileOf(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<DatabaseSettings>().DataDirectory);
                Console.WriteLine($"密钥来源：{file ?? "配置（PersonalData:*）"}");
                Console.WriteLine($"密钥编号：{string.Join("、", keys.Keys.Keys.Order())}；当前密钥：{keys.ActiveKeyId}");
                foreach (var (column, count) in await sp.GetRequiredService<PersonalDataReencryption>().CountAsync(ct))
                    Console.WriteLine($"  {column}：{count} 个值仍用旧密钥");
                return 0;
            }, ct);
            return 0;
        });
        return new Command("keys", "个人信息加密密钥") { rotate, activate, reencrypt, status };
    }

    // Changes the key file, or says what to change in the configuration; records the step either way.
    private static Task<int> ChangeAsync(Func<PersonalDataKeys, byte> change, string auditEvent, CancellationToken ct) =>
        CliHost.RunAsync(async sp =>
        {
            var file = PersonalDataKeys.FileOf(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<DatabaseSettings>().DataDirectory);
            // One change of the key file at a time: two rotations at once would each write a ring without the other's key.
            using var exclusive = file is null ? null : new FileStream(file + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            var ring = file is null ? Copy(sp.GetRequiredService<PersonalDataKeys>()) : PersonalDataKeys.LoadOrCreate(file);
            var before = new HashSet<string>(ring.Keys.Keys);
            byte keyId;
            try
            {
                keyId = change(ring);
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
            if (file is not null)
            {
                ring.Save(file);
                Console.WriteLine($"已更新密钥文件 {file}：密钥编号 {string.Join("、", ring.Keys.Keys.Order())}，当前密钥 {ring.ActiveKeyId}。");
                Console.WriteLine("请重启所有网站实例（它们在启动时读取密钥），再运行 bangfu keys reencrypt。");
            }
            else
            {
                Console.WriteLine("密钥来自配置（PersonalData:HashKey 已设置），本命令不改动任何配置。请在配置或密钥管理系统中设置：");
                foreach (var (added, value) in ring.Keys.Where(k => !before.Contains(k.Key)))
                    Console.WriteLine($"  PersonalData__Keys__{added}={value}");
                Console.WriteLine($"  PersonalData__ActiveKeyId={ring.ActiveKeyId}");
                Console.WriteLine("保留原有的 PersonalData__Keys__* 不变；全部实例重启后再运行 bangfu keys reencrypt。以上输出含密钥，请勿保存或转发。");
            }
            await sp.GetRequiredService<AuditTrail>().RecordAsync(new AuditEntry(AuditCategories.Security, auditEvent, Target: $"密钥 {keyId}",
                Details: new { keyId, activeKeyId = ring.ActiveKeyId, source = file is null ? "配置" : "密钥文件" }), ct);
            return 0;
        }, ct);

    private static PersonalDataKeys Copy(PersonalDataKeys keys) =>
        new() { HashKey = keys.HashKey, ActiveKeyId = keys.ActiveKeyId, Keys = new Dictionary<string, string>(keys.Keys) };

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and print out of order).</summary>
    private sealed class SynchronousProgress(Action<ReencryptionProgress> report) : IProgress<ReencryptionProgress>
    {
        public void Report(ReencryptionProgress value) => report(value);
    }
}
