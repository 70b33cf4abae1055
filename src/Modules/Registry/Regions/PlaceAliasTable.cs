using System.Collections.Concurrent;

namespace Bangfu.Registry.Regions;

/// <summary>
/// Every alias of the provinces, cities, counties and townships of one <see cref="RegionIndex"/> (about 100,000
/// entries), looked up by span so that matching allocates nothing, with the results of <see cref="PlaceResolver"/>
/// cached per distinct input string. Immutable once built, except for the cache; one per loaded index.
/// </summary>
internal sealed class PlaceAliasTable
{
    /// <summary>Distinct input strings remembered; past this the cache starts again (imports repeat a few hundred values).</summary>
    private const int CacheCapacity = 100_000;

    private readonly Dictionary<string, Entry[]> aliases;
    private readonly Dictionary<string, Entry[]>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly byte[] longestByFirstChar = new byte[char.MaxValue + 1];
    private readonly Dictionary<string, Region> onlyCountyOfCity = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PlaceResolution> cache = new(StringComparer.Ordinal);
    private int cached;

    private readonly record struct Entry(Region Region, bool NeedsContext);

    public PlaceAliasTable(RegionIndex index)
    {
        Index = index;
        var lists = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        foreach (var region in index.All)
        foreach (var alias in PlaceNames.AliasesOf(region))
            Add(lists, alias.Text, new Entry(region, alias.NeedsContext));

        var formerNames = index.All
            .Select(region => (Region: region, Name: PlaceNames.FormerCountyName(region)))
            .Where(f => f.Name is not null && !lists.ContainsKey(f.Name))
            .GroupBy(f => f.Name!, StringComparer.Ordinal)
            .Where(g => g.Count() == 1);
        foreach (var former in formerNames) Add(lists, former.Key, new Entry(former.Single().Region, NeedsContext: false));

        aliases = lists.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        lookup = aliases.GetAlternateLookup<ReadOnlySpan<char>>();

        // Cities without districts (东莞, 中山, 儋州, 嘉峪关) have one county-level row of the same name; their towns
        // may follow the city directly (广东省东莞市长安镇), and the city alone means that county.
        foreach (var city in index.All.Where(r => r.Level == RegionLevel.City && !PlaceNames.Placeholders.Contains(r.Name)))
        {
            var counties = index.Children(city.Code).Where(c => c.RetiredInEdition is null).ToList();
            if (counties.Count == 1) onlyCountyOfCity[city.Code] = counties[0];
        }
    }

    public RegionIndex Index { get; }

    private void Add(Dictionary<string, List<Entry>> lists, string alias, Entry entry)
    {
        if (!lists.TryGetValue(alias, out var list)) lists[alias] = list = [];
        list.Add(entry);
        ref var longest = ref longestByFirstChar[alias[0]];
        longest = (byte)Math.Min(byte.MaxValue, Math.Max(longest, alias.Length));
    }

    /// <summary>The county of a city that has exactly one, or null.</summary>
    public Region? OnlyCountyOf(Region city) => onlyCountyOfCity.GetValueOrDefault(city.Code);

    /// <summary>
    /// The longest alias at the start of <paramref name="text"/> that names a region which may follow
    /// <paramref name="context"/> (null: the start of the text): below a province a city or county; below a city a
    /// county (or a town of its only county); below a county a township. At the start, provinces, cities and counties
    /// whose alias needs no context. Of several regions with that alias, those of the highest level are kept
    /// (吉林 the province, not the city; 东莞市 the city, not its county), current ones before retired ones.
    /// </summary>
    /// <returns>
    /// The length of the alias (0: none), with the regions it names in <paramref name="found"/>; or, when the alias
    /// only repeats the context (北京市北京市朝阳区), its length with <paramref name="repeat"/> set and nothing found.
    /// </returns>
    public int Match(ReadOnlySpan<char> text, Region? context, List<Region> found, out bool repeat)
    {
        repeat = false;
        found.Clear();
        if (text.IsEmpty) return 0;
        for (var length = Math.Min(text.Length, longestByFirstChar[text[0]]); length >= 2; length--)
        {
            if (!lookup.TryGetValue(text[..length], out var entries)) continue;
            var best = RegionLevel.Village;
            var repeats = false;
            foreach (var entry in entries)
            {
                var region = entry.Region;
                if (ReferenceEquals(region, context)) { repeats = true; continue; }
                if (!MayFollow(entry, context) || region.Level > best) continue;
                if (region.Level < best) { found.Clear(); best = region.Level; }
                if (!found.Contains(region)) found.Add(region);
            }
            if (found.Count > 1 && found.Exists(r => r.RetiredInEdition is null)) found.RemoveAll(r => r.RetiredInEdition is not null);
            if (found.Count > 0) return length;
            if (repeats) { repeat = true; return length; }
        }
        return 0;
    }

    private bool MayFollow(Entry entry, Region? context)
    {
        var region = entry.Region;
        if (context is null) return !entry.NeedsContext && region.Level <= RegionLevel.County;
        if (!region.Code.StartsWith(context.Code, StringComparison.Ordinal)) return false;
        return context.Level switch
        {
            RegionLevel.Province => region.Level is RegionLevel.City or RegionLevel.County,
            RegionLevel.City => region.Level == RegionLevel.County
                || (region.Level == RegionLevel.Township && onlyCountyOfCity.TryGetValue(context.Code, out var county)
                    && region.ParentCode == county.Code),
            RegionLevel.County => region.Level == RegionLevel.Township,
            _ => false,
        };
    }

    public bool TryGetCached(string text, out PlaceResolution resolution) => cache.TryGetValue(text, out resolution!);

    public void Remember(string text, PlaceResolution resolution)
    {
        if (text.Length > 64) return; // free text this long is rarely repeated
        if (Interlocked.Increment(ref cached) > CacheCapacity)
        {
            cache.Clear();
            Interlocked.Exchange(ref cached, 0);
        }
        cache.TryAdd(text, resolution);
    }

    /// <summary>
    /// How a region is shown to people: a county with its city, or with its province where the city is a placeholder
    /// or has the county's name (长春市朝阳区, 北京市朝阳区, 湖北省仙桃市); a city with its province; a town with its county.
    /// </summary>
    public string Label(Region region)
    {
        var parent = region.ParentCode is { } code ? Index.Find(code) : null;
        return region.Level switch
        {
            RegionLevel.Province => region.Name,
            RegionLevel.City => parent?.Name + region.Name,
            RegionLevel.County when parent is not null && !PlaceNames.Placeholders.Contains(parent.Name) && parent.Name != region.Name
                => parent.Name + region.Name,
            RegionLevel.County => Index.Find(region.Code[..2])?.Name + region.Name,
            _ => (parent is null ? "" : Label(parent)) + region.Name,
        };
    }
}
