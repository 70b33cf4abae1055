using System.Security.Cryptography;
using Bangfu.Platform.Security;

namespace Bangfu.Platform.Tests;

public sealed class PersonalDataProtectorTests
{
    private static readonly PersonalDataKeys Keys = PersonalDataKeys.CreateNew();

    [Fact]
    public void A_value_decrypts_to_itself_and_never_encrypts_the_same_way_twice()
    {
        var protector = new PersonalDataProtector(Keys);
        var a = protector.Encrypt("430182195208270011");
        var b = protector.Encrypt("430182195208270011");
        Assert.NotEqual(a, b);
        Assert.Equal(a[..1], b[..1]); // the key id
        Assert.NotEqual(a[1..13], b[1..13]); // the nonce
        Assert.Equal("430182195208270011", protector.Decrypt(a));
        Assert.DoesNotContain("430182195208270011", System.Text.Encoding.Latin1.GetString(a));
    }

    [Fact]
    public void A_tampered_value_is_refused()
    {
        var protector = new PersonalDataProtector(Keys);
        var blob = protector.Encrypt("13629135219");
        blob[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => protector.Decrypt(blob));
    }

    [Fact]
    public void After_a_key_rotation_old_values_still_decrypt_and_new_ones_use_the_new_key()
    {
        var old = new PersonalDataProtector(Keys);
        var stored = old.Encrypt("43312419941017213X");
        var rotated = new PersonalDataKeys
        {
            HashKey = Keys.HashKey,
            ActiveKeyId = 2,
            Keys = new(Keys.Keys) { ["2"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
        };
        var protector = new PersonalDataProtector(rotated);
        Assert.Equal("43312419941017213X", protector.Decrypt(stored));
        Assert.Equal(2, PersonalDataProtector.KeyIdOf(protector.Encrypt("x")));
        Assert.Equal(old.Hash("id", "43312419941017213X"), protector.Hash("id", "43312419941017213X"));
    }

    [Fact]
    public void The_lookup_hash_is_keyed_stable_and_separated_by_purpose()
    {
        var a = new PersonalDataProtector(Keys);
        var other = new PersonalDataProtector(PersonalDataKeys.CreateNew());
        Assert.Equal(a.Hash("id", "430182195208270011"), a.Hash("id", "430182195208270011"));
        Assert.Equal(PersonalDataProtector.HashLength, a.Hash("id", "x").Length);
        Assert.NotEqual(a.Hash("id", "13629135219"), a.Hash("phone", "13629135219"));
        Assert.NotEqual(a.Hash("id", "430182195208270011"), other.Hash("id", "430182195208270011"));
        var expected = HMACSHA256.HashData(Convert.FromBase64String(Keys.HashKey), "id:430182195208270011"u8)[..16];
        Assert.Equal(expected, a.Hash("id", "430182195208270011"));
    }

    [Fact]
    public void The_key_file_is_created_once_readable_by_its_owner_only()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        try
        {
            var path = Path.Combine(dir, "keys", "personal-data.json");
            var first = PersonalDataKeys.LoadOrCreate(path);
            var second = PersonalDataKeys.LoadOrCreate(path);
            Assert.Equal(first.HashKey, second.HashKey);
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("430182195208270011", "430182********0011")]
    [InlineData("13629135219", "136****5219")]
    public void Identifiers_are_masked_for_display(string value, string masked)
    {
        Assert.Equal(masked, value.Length == 11 ? Masking.Phone(value) : Masking.IdNumber(value));
    }
}
