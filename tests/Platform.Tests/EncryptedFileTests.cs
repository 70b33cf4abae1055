using System.Security.Cryptography;
using Bangfu.Platform.Security;

namespace Bangfu.Platform.Tests;

public sealed class EncryptedFileTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory().FullName;
    private readonly PersonalDataProtector protector = new(PersonalDataKeys.CreateNew());

    public void Dispose() => Directory.Delete(dir, true);

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(EncryptedFile.ChunkSize)]
    [InlineData(EncryptedFile.ChunkSize * 3 + 17)]
    public async Task A_file_reads_back_byte_for_byte_in_any_order_and_holds_nothing_in_clear(int size)
    {
        var data = new byte[size];
        for (var i = 0; i < size; i++) data[i] = (byte)"430182195208270011,"[i % 19];
        var path = Path.Combine(dir, $"f{size}");
        await EncryptedFile.WriteAsync(protector, new MemoryStream(data), path, CancellationToken.None);

        Assert.DoesNotContain("430182195208270011", System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(path)));
        using var stream = EncryptedFile.OpenRead(protector, path);
        Assert.Equal(size, stream.Length);
        var all = new MemoryStream();
        await stream.CopyToAsync(all);
        Assert.Equal(data, all.ToArray());
        if (size > 100)
        {
            stream.Position = size - 50;
            var tail = new byte[50];
            stream.ReadExactly(tail);
            Assert.Equal(data[^50..], tail);
        }
    }

    [Fact]
    public async Task A_changed_or_cut_file_is_refused()
    {
        var path = Path.Combine(dir, "x");
        await EncryptedFile.WriteAsync(protector, new MemoryStream(new byte[EncryptedFile.ChunkSize * 2 + 5]), path, CancellationToken.None);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[100] ^= 1;
        await File.WriteAllBytesAsync(path, bytes);
        using (var changed = EncryptedFile.OpenRead(protector, path))
            Assert.ThrowsAny<CryptographicException>(() => changed.ReadExactly(new byte[10]));
        await File.WriteAllBytesAsync(path, bytes[..^100]);
        using var cut = EncryptedFile.OpenRead(protector, path);
        Assert.ThrowsAny<Exception>(() => cut.CopyTo(Stream.Null));
    }
}
