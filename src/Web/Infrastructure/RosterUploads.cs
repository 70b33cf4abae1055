using Bangfu.Platform.Data;
using Bangfu.Platform.Security;

namespace Bangfu.Web.Infrastructure;

/// <summary>
/// Uploaded roster files, kept under <c>{data}/uploads</c> only between the check and the commit of an import,
/// encrypted (<see cref="EncryptedFile"/>: ID numbers and phones are never on disk in clear) and owner-only; deleted
/// once the import is committed or cancelled, and swept after a day if abandoned.
/// </summary>
public sealed class RosterUploads(DatabaseSettings settings, PersonalDataProtector protector, TimeProvider clock)
{
    public const long MaxBytes = 512L * 1024 * 1024;
    private static readonly string[] Extensions = [".xlsx", ".csv", ".txt", ".xls"];

    private string Directory => Path.Combine(settings.DataDirectory, "uploads");

    /// <summary>Saves an upload under a random name; returns its path.</summary>
    /// <exception cref="InvalidOperationException">Not a roster file type (Chinese message).</exception>
    public async Task<string> SaveAsync(IFormFile file, CancellationToken ct)
    {
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (!Extensions.Contains(extension)) throw new InvalidOperationException("只能上传 .xlsx 或 .csv 文件。");
        System.IO.Directory.CreateDirectory(Directory);
        Sweep();
        var path = Path.Combine(Directory, Guid.NewGuid().ToString("N") + extension);
        await using var source = file.OpenReadStream();
        await EncryptedFile.WriteAsync(protector, source, path, ct);
        return path;
    }

    /// <summary>Opens a stored upload for reading (decrypting as it is read).</summary>
    public Stream Open(string path) => EncryptedFile.OpenRead(protector, path);

    /// <summary>Renames an upload after the import it belongs to, so the commit finds it.</summary>
    public string Adopt(string path, Guid importId)
    {
        var target = Path.Combine(Directory, importId.ToString("N") + Path.GetExtension(path));
        if (path != target) File.Move(path, target, overwrite: true);
        return target;
    }

    public string? PathOf(Guid importId) =>
        System.IO.Directory.Exists(Directory) ? System.IO.Directory.GetFiles(Directory, importId.ToString("N") + ".*").FirstOrDefault() : null;

    public void Delete(Guid importId)
    {
        if (PathOf(importId) is { } path) File.Delete(path);
    }

    public void Delete(string path)
    {
        if (File.Exists(path)) File.Delete(path);
    }

    private void Sweep()
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        foreach (var file in System.IO.Directory.GetFiles(Directory))
            if (File.GetLastWriteTimeUtc(file) < cutoff) File.Delete(file);
    }
}
