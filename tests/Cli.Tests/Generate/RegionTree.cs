using System.IO.Compression;
using System.Text;
using Bangfu.Registry.Regions;
using Sylvan.Data.Csv;

namespace Bangfu.Cli.Tests.Generate;

/// <summary>Code → official name for every division of one province (and all provinces, cities and counties), read
/// straight from the vendored files, independently of the generator's own reading.</summary>
public sealed class RegionTree
{
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);

    public RegionTree(string provinceCode)
    {
        foreach (var level in new[] { "provinces", "cities", "areas", "streets", "villages" })
        {
            using var gzip = new GZipStream(File.OpenRead(Path.Combine(RegionTreeLoader.VendoredDirectory, level + ".csv.gz")), CompressionMode.Decompress);
            using var text = new StreamReader(gzip, Encoding.UTF8);
            using var csv = CsvDataReader.Create(text);
            while (csv.Read())
            {
                var code = csv.GetString(0);
                if (code.Length <= 6 || code.StartsWith(provinceCode, StringComparison.Ordinal)) names[code] = csv.GetString(1);
            }
        }
    }

    public string? Name(string code) => names.GetValueOrDefault(code);

    /// <summary>All county-level divisions (6-digit codes) with their province and city names.</summary>
    public IEnumerable<(string Province, string City, string County)> Counties() =>
        names.Where(n => n.Key.Length == 6).Select(n => (names[n.Key[..2]], names[n.Key[..4]], n.Value));
}
