namespace Bangfu.Registry.Regions;

/// <summary>The five names of a village's place in the tree, as a roster writes them in 省, 市, 县, 乡, 村.</summary>
public sealed record RegionPath(string Province, string City, string County, string Township, string Village);

/// <summary>
/// Names of regions for lists and exports, cached for the lifetime of one instance (one page or one export): a
/// village is written by its plain name (贺家湾村, not 贺家湾村委会), the levels above by their official names.
/// A village whose plain name another village of the same township shares keeps its official name, so the name path
/// still leads back to exactly one village when the file is imported again.
/// </summary>
public sealed class RegionPaths(RegionDirectory regions)
{
    private readonly Dictionary<string, RegionPath?> paths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);

    /// <summary>The name path of a 12-digit village code; null when the code is not in the tree.</summary>
    public async Task<RegionPath?> PathAsync(string villageCode, CancellationToken cancellationToken = default)
    {
        if (paths.TryGetValue(villageCode, out var known)) return known;
        RegionPath? path = null;
        if (villageCode.Length == 12)
        {
            var index = await regions.IndexAsync(cancellationToken);
            var villages = await regions.VillagesOfAsync(villageCode[..9], cancellationToken);
            var village = villages.FirstOrDefault(v => v.Code == villageCode);
            if (village is not null && index.Find(villageCode[..2]) is { } province && index.Find(villageCode[..4]) is { } city
                && index.Find(villageCode[..6]) is { } county && index.Find(villageCode[..9]) is { } township)
            {
                var plainShared = villages.Any(v => v.PlainName == village.PlainName && v.Code != village.Code);
                path = new RegionPath(province.Name, city.Name, county.Name, township.Name, plainShared ? village.Name : village.PlainName);
            }
        }
        if (paths.Count < 50_000) paths[villageCode] = path;
        return path;
    }

    /// <summary>The name a list shows for a region code (plain name for villages); the code itself when unknown.</summary>
    public async Task<string> NameAsync(string code, CancellationToken cancellationToken = default)
    {
        if (names.TryGetValue(code, out var known)) return known;
        var name = code.Length == 0 ? "全国" : (await regions.FindAsync(code, cancellationToken))?.PlainName ?? code;
        if (names.Count < 50_000) names[code] = name;
        return name;
    }

    /// <summary>Names of several codes at once, for a page of rows.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> codes, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in codes.Distinct()) result[code] = await NameAsync(code, cancellationToken);
        return result;
    }
}
