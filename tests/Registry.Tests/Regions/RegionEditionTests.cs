using System.IO.Compression;
using System.Text;
using Bangfu.Platform.Data;
using Bangfu.Registry.Regions;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Registry.Tests.Regions;

public sealed class RegionEditionTests : DatabaseTest
{
    [Fact]
    public async Task A_newer_edition_renames_adds_and_retires_codes_without_deleting_any()
    {
        // A 2024 edition: one village renamed, one new village, one village gone.
        var dir = Path.Combine(Database.DataDirectory, "regions-2024");
        Directory.CreateDirectory(dir);
        foreach (var file in Directory.GetFiles(RegionTreeLoader.VendoredDirectory, "*.csv.gz"))
        {
            var lines = ReadLines(file);
            if (Path.GetFileName(file) == "villages.csv.gz")
            {
                lines = lines.Where(l => !l.StartsWith("430182106207,", StringComparison.Ordinal))
                    .Select(l => l.StartsWith("430182106209,", StringComparison.Ordinal) ? l.Replace("贺家湾村委会", "贺家湾社区居委会") : l)
                    .Append("430182106299,\"新设村委会\",430182106,43,4301,430182")
                    .ToList();
            }
            WriteLines(Path.Combine(dir, Path.GetFileName(file)), lines);
        }

        await using var scope = Services.InScope();
        var summary = await scope.Get<RegionTreeLoader>().LoadAsync(dir, 2024);

        Assert.Equal((1, 1, 1), (summary.Added, summary.Renamed, summary.Retired));
        var db = scope.Get<AppDbContext>();
        var regions = await db.Set<Region>().Where(r => r.Code.StartsWith("43018210620") || r.Code == "430182106299").ToDictionaryAsync(r => r.Code);
        Assert.Equal("贺家湾社区", regions["430182106209"].PlainName);
        Assert.Equal(2024, regions["430182106207"].RetiredInEdition);
        Assert.Equal("新设村", regions["430182106299"].PlainName);
        var directory = scope.Get<RegionDirectory>();
        Assert.Equal("贺家湾社区居委会", (await directory.FindAsync("430182106209"))!.Name);

        // Loading the same edition again changes nothing.
        var again = await scope.Get<RegionTreeLoader>().LoadAsync(dir, 2024);
        Assert.Equal((0, 0, 0), (again.Added, again.Renamed, again.Retired));
    }

    [Fact]
    public async Task A_directory_without_the_files_is_refused_with_a_message_naming_them()
    {
        await using var scope = Services.InScope();
        var e = await Assert.ThrowsAsync<RegionDataException>(() =>
            scope.Get<RegionTreeLoader>().LoadAsync(Database.DataDirectory, 2024));
        Assert.Contains("provinces", e.Message);
    }

    private static List<string> ReadLines(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return lines;
    }

    private static void WriteLines(string path, IEnumerable<string> lines)
    {
        using var writer = new StreamWriter(new GZipStream(File.Create(path), CompressionLevel.Fastest), new UTF8Encoding(false));
        foreach (var line in lines) writer.WriteLine(line);
    }
}
