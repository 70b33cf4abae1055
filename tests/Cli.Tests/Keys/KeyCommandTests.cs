using System.Text.Json;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Platform.Security;
using Bangfu.Registry.Households;
using Bangfu.Registry.People;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Cli.Tests.Keys;

/// <summary>
/// Key rotation without downtime: <c>keys rotate</c> adds the next key and makes it active, <c>keys reencrypt</c> moves
/// every ID number and phone to it; afterwards every person decrypts to what it was and every value is under the new
/// key id; running it again finds nothing to do.
/// </summary>
public sealed class KeyCommandTests : DatabaseTest
{
    [Fact]
    public async Task Rotating_then_reencrypting_leaves_every_person_readable_and_every_value_under_the_new_key()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var (before, keysBefore) = await PlaintextsAsync(Services);
        Assert.Equal(930, before.Count);
        Assert.Equal([1], keysBefore);

        var rotate = await CliProcess.RunAsync(Database, "keys", "rotate");
        Assert.True(rotate.Code == 0, rotate.Error);
        var file = JsonSerializer.Deserialize<PersonalDataKeys>(await File.ReadAllTextAsync(KeyFile))!;
        Assert.Equal(2, file.ActiveKeyId);
        Assert.Equal(["1", "2"], file.Keys.Keys.Order());

        var reencrypt = await CliProcess.RunAsync(Database, "keys", "reencrypt");
        Assert.True(reencrypt.Code == 0, reencrypt.Error);
        Assert.Contains("已重新加密", reencrypt.Output);
        Assert.Contains("reg_person.id_number_cipher：930 / 930", reencrypt.Error); // the progress

        await using var restarted = Database.BuildServices(); // a restart reads the new key file
        var (after, keysAfter) = await PlaintextsAsync(restarted);
        Assert.Equal([2], keysAfter);
        Assert.Equal(before, after); // the same ID numbers, phones and lookup hashes

        var again = await CliProcess.RunAsync(Database, "keys", "reencrypt");
        Assert.Contains("没有需要重新加密的数据", again.Output);
        Assert.Single(await Services.EntriesAsync(AuditEvents.KeyRotate));
        Assert.Equal(2, (await Services.EntriesAsync(AuditEvents.KeyReencrypt)).Count);
    }

    [Fact]
    public async Task A_key_added_inactive_is_activated_later()
    {
        var added = await CliProcess.RunAsync(Database, "keys", "rotate", "--inactive");
        Assert.True(added.Code == 0, added.Error);
        Assert.Equal(1, JsonSerializer.Deserialize<PersonalDataKeys>(await File.ReadAllTextAsync(KeyFile))!.ActiveKeyId);

        var activated = await CliProcess.RunAsync(Database, "keys", "activate", "2");
        Assert.True(activated.Code == 0, activated.Error);
        Assert.Equal(2, JsonSerializer.Deserialize<PersonalDataKeys>(await File.ReadAllTextAsync(KeyFile))!.ActiveKeyId);
        Assert.Equal(1, (await CliProcess.RunAsync(Database, "keys", "activate", "9")).Code);
    }

    [Fact]
    public async Task With_keys_from_configuration_rotate_prints_what_to_add_and_writes_no_file()
    {
        var keyFile = await File.ReadAllTextAsync(KeyFile);
        var configured = PersonalDataKeys.CreateNew();
        var environment = new Dictionary<string, string?>
        {
            ["PersonalData:HashKey"] = configured.HashKey, ["PersonalData:ActiveKeyId"] = "1", ["PersonalData:Keys:1"] = configured.Keys["1"],
        };

        var (code, output, error) = await CliProcess.RunAsync(Database, environment, "keys", "rotate");

        Assert.True(code == 0, error);
        Assert.Matches("PersonalData__Keys__2=[A-Za-z0-9+/]{43}=", output);
        Assert.Contains("PersonalData__ActiveKeyId=2", output);
        Assert.Equal(keyFile, await File.ReadAllTextAsync(KeyFile));
    }

    private string KeyFile => Path.Combine(Database.DataDirectory, "keys", "personal-data.json");

    private sealed record Plain(string IdNumber, string? Phone, string? HouseholdPhone, string Hash);

    // Every person's identifiers in clear, and the key ids of every ciphertext (people's and households').
    private static async Task<(Dictionary<Guid, Plain> People, byte[] KeyIds)> PlaintextsAsync(IServiceProvider services)
    {
        await using var scope = services.InScope();
        var protector = scope.Get<PersonalDataProtector>();
        var db = scope.Get<AppDbContext>();
        var people = await db.Set<Person>().AsNoTracking().ToListAsync();
        var households = await db.Set<Household>().AsNoTracking().ToDictionaryAsync(h => h.Id);
        var ciphers = people.SelectMany(p => new[] { p.IdNumberCipher, p.PhoneCipher }).Concat(households.Values.Select(h => h.PhoneCipher))
            .OfType<byte[]>().ToList();
        Assert.True(ciphers.Count > 1500);
        var plain = people.ToDictionary(p => p.Id, p => new Plain(protector.Decrypt(p.IdNumberCipher),
            p.PhoneCipher is { } phone ? protector.Decrypt(phone) : null,
            households[p.HouseholdId].PhoneCipher is { } h ? protector.Decrypt(h) : null, Convert.ToHexString(p.IdNumberHash)));
        return (plain, ciphers.Select(c => c[0]).Distinct().Order().ToArray());
    }
}
