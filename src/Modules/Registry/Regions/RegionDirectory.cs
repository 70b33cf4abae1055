using System.Collections.Concurrent;
using Bangfu.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Registry.Regions;

/// <summary>
/// Lookups on the region tree. Provinces, cities, counties and townships (about 45,000) are held in memory;
/// villages (620,000) are read per township when asked for and cached, so a process never holds the whole tree.
/// </summary>
public sealed class RegionDirectory(IServiceScopeFactory scopes)
{
    // Placeholders in the statistical data that stand for "the districts of this city / province-administered counties".
    private static readonly string[] PlaceholderNames = ["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"];

    private volatile RegionIndex? index;
    private readonly SemaphoreSlim loading = new(1, 1);
    private readonly ConcurrentDictionary<string, IReadOnlyList<Region>> villagesByTownship = new(StringComparer.Ordinal);

    /// <summary>Forgets everything cached (after a new edition is loaded).</summary>
    public void Invalidate()
    {
        index = null;
        villagesByTownship.Clear();
    }

    /// <summary>
    /// The index if it is loaded, without loading it: null before the first <see cref="IndexAsync"/> and after
    /// <see cref="Invalidate"/>. Lets synchronous readers (PlaceResolver) notice that a new edition was loaded.
    /// </summary>
    public RegionIndex? LoadedIndex => index;

    public async ValueTask<RegionIndex> IndexAsync(CancellationToken cancellationToken = default)
    {
        if (index is { } ready) return ready;
        await loading.WaitAsync(cancellationToken);
        try
        {
            if (index is { } loaded) return loaded;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var regions = await db.Set<Region>().AsNoTracking()
                .Where(r => r.Level != RegionLevel.Village)
                .ToListAsync(cancellationToken);
            return index = new RegionIndex(regions);
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>
    /// A region's full name as written, province first, leaving out the placeholder levels of the statistical data (市辖区,
    /// 省直辖县级行政区划): 湖南省长沙市宁乡市, 北京市朝阳区, 北京市 for 北京市市辖区. Null when the code is not a region.
    /// </summary>
    public async Task<string?> FullNameAsync(string? code, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var path = new List<Region>();
        foreach (var length in new[] { 2, 4, 6, 9, 12 }.Where(l => l <= code.Length))
            if (await FindAsync(code[..length], cancellationToken) is { } region) path.Add(region);
        return path.Count > 0 && path[^1].Code == code ? string.Concat(path.Where(r => !r.IsPlaceholder).Select(r => r.PlainName)) : null;
    }

    public async Task<Region?> FindAsync(string? code, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        code = code.Trim();
        if (code.Length != 12) return (await IndexAsync(cancellationToken)).Find(code);
        var villages = await VillagesOfAsync(code[..9], cancellationToken);
        return villages.FirstOrDefault(v => v.Code == code);
    }

    /// <summary>The children of a region (provinces when <paramref name="parentCode"/> is null), current ones first by code.</summary>
    public async Task<IReadOnlyList<Region>> ChildrenAsync(string? parentCode, CancellationToken cancellationToken = default)
    {
        if (parentCode is { Length: 9 }) return await VillagesOfAsync(parentCode, cancellationToken);
        return (await IndexAsync(cancellationToken)).Children(parentCode);
    }

    public async Task<IReadOnlyList<Region>> VillagesOfAsync(string townshipCode, CancellationToken cancellationToken = default)
    {
        if (villagesByTownship.TryGetValue(townshipCode, out var cached)) return cached;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var villages = await db.Set<Region>().AsNoTracking()
            .Where(r => r.ParentCode == townshipCode)
            .OrderBy(r => r.Code)
            .ToListAsync(cancellationToken);
        if (villagesByTownship.Count > 20_000) villagesByTownship.Clear();
        villagesByTownship[townshipCode] = villages;
        return villages;
    }

    /// <summary>
    /// Finds a region by its names from the province down, stopping at any depth:
    /// <c>湖南省/长沙市/宁乡市/煤炭坝镇/贺家湾村</c>, <c>湖南省/长沙市</c>. Each name may be the official or the plain form
    /// (贺家湾村委会 or 贺家湾村). Placeholder levels (市辖区, 省直辖县级行政区划) may be written or left out.
    /// </summary>
    public async Task<RegionPathMatch> FindByNamePathAsync(IReadOnlyList<string?> names, CancellationToken cancellationToken = default)
    {
        var parts = names.Select(n => n?.Trim() ?? "").ToList();
        while (parts.Count > 0 && parts[^1].Length == 0) parts.RemoveAt(parts.Count - 1);
        if (parts.Count == 0) return RegionPathMatch.Fail(0, "没有给出区划名称。");
        var idx = await IndexAsync(cancellationToken);
        Region? current = null;
        for (var depth = 0; depth < parts.Count; depth++)
        {
            var name = parts[depth];
            if (name.Length == 0)
                return RegionPathMatch.Fail(depth, $"第 {depth + 1} 级区划名称为空。");
            IReadOnlyList<Region> candidates;
            if (current is { Level: RegionLevel.Township })
                candidates = Match(await VillagesOfAsync(current.Code, cancellationToken), name);
            else
                candidates = idx.ChildrenNamed(current?.Code, name);

            if (candidates.Count == 0 && current is not null)
            {
                // The name may skip a placeholder level, or repeat the parent for municipalities (北京市/北京市/东城区).
                if (current.Level == RegionLevel.Province && (name == current.Name || name == current.PlainName))
                {
                    var placeholder = idx.Children(current.Code).Where(c => PlaceholderNames.Contains(c.Name)).ToList();
                    if (placeholder.Count >= 1) { current = placeholder[0]; continue; }
                }
                candidates = idx.Children(current.Code)
                    .Where(c => PlaceholderNames.Contains(c.Name))
                    .SelectMany(c => idx.ChildrenNamed(c.Code, name))
                    .ToList();
            }
            if (candidates.Count == 0)
            {
                var where = current is null ? "全国" : current.Name;
                return RegionPathMatch.Fail(depth, $"在“{where}”下找不到“{name}”。");
            }
            if (candidates.Count > 1)
            {
                var current2 = candidates.Where(c => c.RetiredInEdition is null).ToList();
                if (current2.Count != 1)
                    return RegionPathMatch.Fail(depth, $"“{name}”对应多个区划（{string.Join("、", candidates.Select(c => c.Code))}），请写全称。");
                candidates = current2;
            }
            current = candidates[0];
        }
        return new RegionPathMatch(current, parts.Count, null);
    }

    private static List<Region> Match(IReadOnlyList<Region> regions, string name)
    {
        var exact = regions.Where(r => r.Name == name || r.PlainName == name).ToList();
        if (exact.Count > 0) return exact;
        return regions.Where(r => RegionNames.Aliases(r.Name, r.PlainName, r.Level).Contains(name)).ToList();
    }
}

/// <summary>The outcome of a name-path lookup: the region found, or a Chinese message saying which name failed.</summary>
public sealed record RegionPathMatch(Region? Region, int Depth, string? Error)
{
    public static RegionPathMatch Fail(int depth, string error) => new(null, depth, error);
    public bool Found => Region is not null;
}

/// <summary>The upper four levels of the tree, indexed by code, parent and name.</summary>
public sealed class RegionIndex
{
    private readonly Dictionary<string, Region> byCode;
    private readonly Dictionary<string, List<Region>> children;
    private readonly Dictionary<(string Parent, string Name), List<Region>> byParentAndName;

    public RegionIndex(IEnumerable<Region> regions)
    {
        var all = regions.OrderBy(r => r.RetiredInEdition is null ? 0 : 1).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
        byCode = all.ToDictionary(r => r.Code, StringComparer.Ordinal);
        children = all.GroupBy(r => r.ParentCode ?? "").ToDictionary(g => g.Key, g => g.ToList());
        byParentAndName = new();
        foreach (var r in all)
        foreach (var alias in RegionNames.Aliases(r.Name, r.PlainName, r.Level).Distinct())
        {
            var key = (r.ParentCode ?? "", alias);
            if (!byParentAndName.TryGetValue(key, out var list)) byParentAndName[key] = list = [];
            list.Add(r);
        }
        All = all;
    }

    /// <summary>Provinces, cities, counties and townships.</summary>
    public IReadOnlyList<Region> All { get; }

    public Region? Find(string code) => byCode.GetValueOrDefault(code);

    public IReadOnlyList<Region> Children(string? parentCode) =>
        children.TryGetValue(parentCode ?? "", out var list) ? list : [];

    public IReadOnlyList<Region> ChildrenNamed(string? parentCode, string name) =>
        byParentAndName.TryGetValue((parentCode ?? "", name), out var list) ? list : [];
}
