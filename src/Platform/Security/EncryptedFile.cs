using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Bangfu.Platform.Security;

/// <summary>
/// Files that hold personal data while they wait on the server (an uploaded roster between its check and its commit),
/// encrypted at rest with AES-256-GCM in 64 KiB chunks, each with its own nonce and tag, and read back through a
/// seekable decrypting stream, so no plaintext copy is ever written to disk.
/// <para>Layout: "BFE1", key id (1 byte), nonce prefix (8 bytes), plaintext length (8 bytes, big-endian), then the
/// chunks, each <c>ciphertext || tag</c>. A chunk's nonce is the prefix and its index; its associated data is the
/// header, its index and whether it is the last, so chunks cannot be reordered, dropped or the file cut short.</para>
/// </summary>
public static class EncryptedFile
{
    public const int ChunkSize = 64 * 1024;
    private const int TagLength = 16;
    private const int HeaderLength = 4 + 1 + 8 + 8;
    private static ReadOnlySpan<byte> Magic => "BFE1"u8;

    /// <summary>Encrypts <paramref name="source"/> into a new file at <paramref name="path"/> (owner-only on Unix).</summary>
    public static async Task WriteAsync(PersonalDataProtector protector, Stream source, string path, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var target = new FileStream(path, options);
        var header = new byte[HeaderLength];
        Magic.CopyTo(header);
        header[4] = protector.ActiveKeyId;
        RandomNumberGenerator.Fill(header.AsSpan(5, 8));
        await target.WriteAsync(header, cancellationToken); // the length is filled in at the end
        var key = protector.FileKey(protector.ActiveKeyId);
        using var aes = new AesGcm(key, TagLength);
        var plain = new byte[ChunkSize];
        var next = new byte[ChunkSize];
        var cipher = new byte[ChunkSize + TagLength];
        long length = 0;
        var filled = await FillAsync(source, plain, cancellationToken);
        for (uint index = 0; ; index++)
        {
            var nextFilled = filled == ChunkSize ? await FillAsync(source, next, cancellationToken) : 0;
            var last = nextFilled == 0;
            aes.Encrypt(Nonce(header, index), plain.AsSpan(0, filled), cipher.AsSpan(0, filled), cipher.AsSpan(filled, TagLength),
                AssociatedData(header, index, last));
            await target.WriteAsync(cipher.AsMemory(0, filled + TagLength), cancellationToken);
            length += filled;
            if (last) break;
            (plain, next) = (next, plain);
            filled = nextFilled;
        }
        BinaryPrimitives.WriteInt64BigEndian(header.AsSpan(13, 8), length);
        target.Position = 13;
        await target.WriteAsync(header.AsMemory(13, 8), cancellationToken);
    }

    /// <summary>A read-only, seekable stream of the plaintext.</summary>
    /// <exception cref="CryptographicException">The file is not one of these, or was changed.</exception>
    public static Stream OpenRead(PersonalDataProtector protector, string path) => new DecryptingStream(protector, File.OpenRead(path));

    private static async Task<int> FillAsync(Stream source, byte[] buffer, CancellationToken ct)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = await source.ReadAsync(buffer.AsMemory(total), ct);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    private static byte[] Nonce(ReadOnlySpan<byte> header, uint index)
    {
        var nonce = new byte[12];
        header.Slice(5, 8).CopyTo(nonce);
        BinaryPrimitives.WriteUInt32BigEndian(nonce.AsSpan(8), index);
        return nonce;
    }

    private static byte[] AssociatedData(ReadOnlySpan<byte> header, uint index, bool last)
    {
        var data = new byte[13 + 5];
        header[..13].CopyTo(data);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(13), index);
        data[17] = last ? (byte)1 : (byte)0;
        return data;
    }

    private sealed class DecryptingStream : Stream
    {
        private readonly FileStream file;
        private readonly byte[] header = new byte[HeaderLength];
        private readonly AesGcm aes;
        private readonly long length;
        private readonly long chunks;
        private readonly byte[] chunk = new byte[ChunkSize];
        private readonly byte[] cipher = new byte[ChunkSize + TagLength];
        private long chunkIndex = -1;
        private int chunkLength;
        private long position;

        public DecryptingStream(PersonalDataProtector protector, FileStream file)
        {
            this.file = file;
            if (file.Read(header) != HeaderLength || !header.AsSpan(0, 4).SequenceEqual(Magic))
            {
                file.Dispose();
                throw new CryptographicException("不是加密保存的上传文件。");
            }
            length = BinaryPrimitives.ReadInt64BigEndian(header.AsSpan(13, 8));
            chunks = Math.Max(1, (length + ChunkSize - 1) / ChunkSize);
            aes = new AesGcm(protector.FileKey(header[4]), TagLength);
        }

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;

        public override long Position
        {
            get => position;
            set => position = value is >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (position >= length || buffer.Length == 0) return 0;
            var index = position / ChunkSize;
            if (index != chunkIndex) Load(index);
            var within = (int)(position - index * ChunkSize);
            var n = Math.Min(buffer.Length, chunkLength - within);
            chunk.AsSpan(within, n).CopyTo(buffer);
            position += n;
            return n;
        }

        private void Load(long index)
        {
            var size = (int)Math.Min(ChunkSize, length - index * ChunkSize);
            file.Position = HeaderLength + index * (ChunkSize + TagLength);
            file.ReadExactly(cipher, 0, size + TagLength);
            aes.Decrypt(Nonce(header, (uint)index), cipher.AsSpan(0, size), cipher.AsSpan(size, TagLength), chunk.AsSpan(0, size),
                AssociatedData(header, (uint)index, index == chunks - 1));
            chunkIndex = index;
            chunkLength = size;
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => length + offset,
        };

        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                aes.Dispose();
                file.Dispose();
                Array.Clear(chunk);
            }
            base.Dispose(disposing);
        }
    }
}
