using Bangfu.Platform.Data;

namespace Bangfu.Web.Infrastructure;

/// <summary>
/// Uploaded roster files, kept under <c>{data}/uploads</c> (owner-only permissions) only between the check and the
/// commit of an import: deleted once the import is committed or cancelled, and swept after a day if abandoned.
/// The file is the officer's own spreadsheet; Bangfu's copy never outlives the import it was uploaded for.
/// </summary>
public sealed class RosterUploads(DatabaseSettings settings, TimeProvider clock)
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
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var target = new FileStream(path, options);
        await file.CopyToAsync(target, ct);
        return path;
    }

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
