using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Bangfu.Platform.Security;

/// <summary>
/// Encrypts personal identifiers (resident ID numbers, phone numbers) for storage and computes the keyed hash
/// used to find and de-duplicate them without decrypting (PIPL art. 51; GB/T 35273-2020 §6.3).
/// <para>Ciphertext layout: <c>[key id: 1 byte][nonce: 12][tag: 16][AES-256-GCM ciphertext]</c>. The key id lets
/// keys be rotated without downtime: new values are written with the active key, old ones stay readable while
/// they are re-encrypted in the background.</para>
/// <para>Lookup hash: the first 16 bytes of HMAC-SHA256(hash key, purpose ":" value). The hash key never rotates
/// (rotating it would mean re-hashing every row); it is kept apart from the encryption keys.</para>
/// </summary>
public sealed class PersonalDataProtector
{
    public const int HashLength = 16;
    private const int NonceLength = 12;
    private const int TagLength = 16;

    private readonly byte[] hashKey;
    private readonly Dictionary<byte, byte[]> keys;
    private readonly byte activeKeyId;

    public PersonalDataProtector(PersonalDataKeys keyRing)
    {
        hashKey = Convert.FromBase64String(keyRing.HashKey);
        if (hashKey.Length < 32) throw new InvalidOperationException("个人信息散列密钥长度不足 32 字节。");
        keys = keyRing.Keys.ToDictionary(k => byte.Parse(k.Key), k => Convert.FromBase64String(k.Value));
        activeKeyId = keyRing.ActiveKeyId;
        if (!keys.TryGetValue(activeKeyId, out var active) || active.Length != 32)
            throw new InvalidOperationException($"个人信息加密密钥 {activeKeyId} 不存在或长度不是 32 字节。");
    }

    public byte ActiveKeyId => activeKeyId;

    // One cipher and one HMAC per thread and key: creating them is most of the cost of encrypting an 18-character value.
    [ThreadStatic] private static Dictionary<(PersonalDataProtector, byte), AesGcm>? ciphers;
    [ThreadStatic] private static Dictionary<PersonalDataProtector, IncrementalHash>? hmacs;

    private AesGcm Cipher(byte keyId)
    {
        ciphers ??= [];
        if (!ciphers.TryGetValue((this, keyId), out var aes))
        {
            if (ciphers.Count > 16) ciphers.Clear();
            ciphers[(this, keyId)] = aes = new AesGcm(keys[keyId], TagLength);
        }
        return aes;
    }

    /// <summary>Encrypts <paramref name="plaintext"/> with the active key.</summary>
    public byte[] Encrypt(string plaintext)
    {
        var length = Encoding.UTF8.GetByteCount(plaintext);
        var blob = new byte[1 + NonceLength + TagLength + length];
        Span<byte> data = length <= 256 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(plaintext, data);
        blob[0] = activeKeyId;
        var nonce = blob.AsSpan(1, NonceLength);
        NextNonce(nonce);
        Cipher(activeKeyId).Encrypt(nonce, data, blob.AsSpan(1 + NonceLength + TagLength), blob.AsSpan(1 + NonceLength, TagLength));
        return blob;
    }

    // Nonces: a random 96-bit start per process, then a counter in the low 64 bits (NIST SP 800-38D §8.2.1,
    // deterministic construction). Unique within a process by construction; across processes the random starts make
    // an overlap as unlikely as a collision of random nonces, at a fraction of the cost of drawing each one.
    private static readonly byte[] NonceStart = RandomNumberGenerator.GetBytes(NonceLength);
    private static long nonceCounter;

    private static void NextNonce(Span<byte> nonce)
    {
        NonceStart.CopyTo(nonce);
        var counter = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(nonce[4..]) + (ulong)Interlocked.Increment(ref nonceCounter);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(nonce[4..], counter);
    }

    /// <summary>Decrypts a value written by <see cref="Encrypt"/> with any key of the ring.</summary>
    /// <exception cref="CryptographicException">The value was tampered with or its key is not in the ring.</exception>
    public string Decrypt(byte[] blob)
    {
        if (blob.Length < 1 + NonceLength + TagLength) throw new CryptographicException("密文长度不对。");
        if (!keys.ContainsKey(blob[0])) throw new CryptographicException($"找不到密钥 {blob[0]}。");
        var data = new byte[blob.Length - 1 - NonceLength - TagLength];
        Cipher(blob[0]).Decrypt(blob.AsSpan(1, NonceLength), blob.AsSpan(1 + NonceLength + TagLength),
            blob.AsSpan(1 + NonceLength, TagLength), data);
        return Encoding.UTF8.GetString(data);
    }

    /// <summary>The key for encrypted files under a key id: derived from that AES key (HKDF-SHA256, its own label), so
    /// files and field values never share a key while rotating together.</summary>
    internal byte[] FileKey(byte keyId) =>
        keys.TryGetValue(keyId, out var key)
            ? HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: "bangfu:file"u8.ToArray())
            : throw new CryptographicException($"找不到密钥 {keyId}。");

    /// <summary>The key id a stored value was written with (to find values still to re-encrypt).</summary>
    public static byte KeyIdOf(byte[] blob) => blob[0];

    /// <summary>The 16-byte lookup hash of an already normalised value for a purpose ("id", "phone").</summary>
    public byte[] Hash(string purpose, string normalisedValue)
    {
        hmacs ??= [];
        if (!hmacs.TryGetValue(this, out var hmac))
        {
            if (hmacs.Count > 16) hmacs.Clear();
            hmacs[this] = hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, hashKey);
        }
        var length = Encoding.UTF8.GetByteCount(purpose) + 1 + Encoding.UTF8.GetByteCount(normalisedValue);
        Span<byte> input = length <= 512 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(purpose, input);
        input[written++] = (byte)':';
        Encoding.UTF8.GetBytes(normalisedValue, input[written..]);
        hmac.AppendData(input);
        Span<byte> full = stackalloc byte[32];
        hmac.GetHashAndReset(full);
        return full[..HashLength].ToArray();
    }
}

/// <summary>
/// The key ring: <c>PersonalData:HashKey</c>, <c>PersonalData:ActiveKeyId</c> and <c>PersonalData:Keys:{id}</c>
/// (base64, 32 bytes each) from configuration; for the embedded default a key file under the data directory,
/// created on first start with keys from the system's cryptographic random source.
/// </summary>
public sealed class PersonalDataKeys
{
    public string HashKey { get; set; } = "";
    public byte ActiveKeyId { get; set; } = 1;
    public Dictionary<string, string> Keys { get; set; } = [];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static PersonalDataKeys CreateNew() => new()
    {
        HashKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ActiveKeyId = 1,
        Keys = new() { ["1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
    };

    /// <summary>
    /// Adds a new random 256-bit key under the next id (1-255) and, when <paramref name="activate"/>, makes it the key
    /// new values are written with. Older keys stay in the ring: values written with them stay readable until
    /// re-encrypted, and backups need them as long as they are kept.
    /// </summary>
    /// <returns>The new key's id.</returns>
    /// <exception cref="InvalidOperationException">All 255 ids are used.</exception>
    public byte AddKey(bool activate)
    {
        var last = Keys.Keys.Select(k => int.Parse(k, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
        if (last >= byte.MaxValue) throw new InvalidOperationException("密钥编号已用完（最多 255 个）。");
        var id = (byte)(last + 1);
        Keys[id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        if (activate) ActiveKeyId = id;
        return id;
    }

    /// <summary>Makes an existing key the one new values are written with.</summary>
    /// <exception cref="InvalidOperationException">No key with that id.</exception>
    public void Activate(byte id)
    {
        if (!Keys.ContainsKey(id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            throw new InvalidOperationException($"密钥环中没有编号为 {id} 的密钥。");
        ActiveKeyId = id;
    }

    /// <summary>
    /// Writes the ring to <paramref name="path"/>: a temporary file readable by the owner only, then renamed over the
    /// old one, so a reader never sees half a file.
    /// </summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temp, options))
        {
            JsonSerializer.Serialize(stream, this, Json);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The ring from configuration (when <c>PersonalData:HashKey</c> is set), else the key file (created if missing).</summary>
    public static PersonalDataKeys Load(IConfiguration configuration, string dataDirectory)
    {
        if (FileOf(configuration, dataDirectory) is not { } file)
        {
            var keys = new PersonalDataKeys();
            configuration.GetSection("PersonalData").Bind(keys);
            return keys;
        }
        return LoadOrCreate(file);
    }

    /// <summary>
    /// The key file in use: <c>PersonalData:KeyFile</c>, else <c>{data}/keys/personal-data.json</c>; null when the keys come
    /// from configuration (<c>PersonalData:HashKey</c> set, e.g. environment variables from a secret store).
    /// </summary>
    public static string? FileOf(IConfiguration configuration, string dataDirectory)
    {
        var section = configuration.GetSection("PersonalData");
        if (!string.IsNullOrWhiteSpace(section["HashKey"])) return null;
        return section["KeyFile"] ?? Path.Combine(dataDirectory, "keys", "personal-data.json");
    }

    /// <summary>Reads the key file, creating it (readable by the owner only) when it does not exist.</summary>
    public static PersonalDataKeys LoadOrCreate(string path)
    {
        if (File.Exists(path))
            return JsonSerializer.Deserialize<PersonalDataKeys>(File.ReadAllText(path))
                   ?? throw new InvalidOperationException($"密钥文件 {path} 内容无效。");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var keys = CreateNew();
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(keys, Json));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; use that one.
            File.Delete(temp);
            return LoadOrCreate(path);
        }
        return keys;
    }
}
