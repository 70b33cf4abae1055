using Bangfu.Registry.Regions;

namespace Bangfu.Employment.Matching;

/// <summary>
/// Names of workplace codes for the matching pages and explanations: a province, city, county or township by its name in the
/// region index (宁乡市, 煤炭坝镇); a village, which the index does not hold, by its township and its plain name
/// (煤炭坝镇贺家湾村), read once per township through <see cref="RegionDirectory.FindAsync"/>. Null for a code not in the tree.
/// </summary>
public static class WorkplaceNames
{
    /// <summary>A lookup for <paramref name="codes"/> (and every code above village level).</summary>
    public static async Task<Func<string, string?>> ForAsync(RegionDirectory regions, IEnumerable<string> codes, CancellationToken ct = default)
    {
        var index = await regions.IndexAsync(ct);
        var villages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in codes.Where(c => c.Length == 12).Distinct(StringComparer.Ordinal))
            if (await regions.FindAsync(code, ct) is { } village)
                villages[code] = (index.Find(code[..9])?.PlainName ?? "") + village.PlainName;
        return code => code.Length == 12 ? villages.GetValueOrDefault(code) : index.Find(code)?.Name;
    }
}
