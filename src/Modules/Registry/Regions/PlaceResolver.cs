namespace Bangfu.Registry.Regions;

/// <summary>
/// What <see cref="PlaceResolver"/> read from a place written as free text.
/// </summary>
/// <param name="Region">
/// The most specific region read: a province, city, county or township; for an ambiguous text the deepest region
/// all candidates share; null when nothing was recognised. Never a placeholder (市辖区, 省直辖县级行政区划).
/// </param>
/// <param name="ProvinceCode">2 digits, or null.</param>
/// <param name="CityCode">
/// 4 digits, or null. For counties under a placeholder it is the placeholder's code (429004 仙桃市 → 4290).
/// </param>
/// <param name="CountyCode">6 digits, or null; known only when the county is unambiguous.</param>
/// <param name="MatchedText">The part of the normalised text that was read (广东省深圳市坪山区).</param>
/// <param name="Remainder">The normalised text after it, not interpreted (某电子厂, 打工); "" when all was read.</param>
/// <param name="Ambiguous">True when the text names several regions and nothing after it tells them apart.</param>
/// <param name="Candidates">The regions an ambiguous text may mean, by code; empty otherwise.</param>
/// <param name="Message">
/// In Chinese, why the county is not known: nothing recognised, only a province or city recognised, or several
/// candidates (“朝阳区”对应多个区县：北京市朝阳区、长春市朝阳区，请写明城市). Null when a county or township was read.
/// </param>
public sealed record PlaceResolution(
    Region? Region,
    string? ProvinceCode,
    string? CityCode,
    string? CountyCode,
    string MatchedText,
    string Remainder,
    bool Ambiguous,
    IReadOnlyList<Region> Candidates,
    string? Message)
{
    /// <summary>True when the county (or a township in it) is known.</summary>
    public bool CountyKnown => CountyCode is not null;
}

/// <summary>
/// Reads the region out of a place as people write it for where someone works (务工所在地) or lives:
/// 广东省深圳市坪山区 → 440310; 广东深圳 → 4403; 湘西州花垣县 → 433124; 浙江慈溪 → 330282; 广东省东莞市长安镇 → 441900119;
/// 朝阳区 → ambiguous (北京市朝阳区, 长春市朝阳区); 广东打工 → 44 with “打工” left over; 省外, 在家, 不详 → nothing.
/// <para>
/// Source: the statistical division codes of the National Bureau of Statistics (2023 edition, see Regions/Data/SOURCE.md),
/// levels 1 to 4. Each region is known by its official name and a short form (<see cref="PlaceNames"/>). The text is
/// normalised (full-width to half-width, white space removed) and read from the start, the longest alias first, each
/// region inside the one before it; levels may be skipped (湖北仙桃, 北京朝阳区) and placeholder levels are never written.
/// Townships are read only inside a known county, or a city that has a single county (东莞, 中山, 儋州, 嘉峪关); a city
/// alone that has a single county resolves to that county. Reading stops at the first text that is not a place below
/// the last one read; villages are not read. Whatever follows is returned as <see cref="PlaceResolution.Remainder"/>.
/// </para>
/// <para>
/// Never throws for any text (null, empty, garbage, emoji, very long). Results are cached per distinct string, so an
/// import that repeats a few hundred values costs a dictionary lookup per row.
/// </para>
/// </summary>
public sealed class PlaceResolver(RegionDirectory directory)
{
    // Province, city, county, township, plus a repeated name or two (北京市北京市朝阳区); bounds the work on long text.
    private const int MaxSteps = 8;

    private readonly Lock building = new();
    private volatile PlaceAliasTable? table;

    /// <summary>Loads the region index (if needed) and builds the alias table, so that <see cref="Resolve(string?)"/> can run.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default) =>
        TableFor(await directory.IndexAsync(cancellationToken));

    /// <inheritdoc cref="Resolve(string?)"/>
    public async Task<PlaceResolution> ResolveAsync(string? text, CancellationToken cancellationToken = default) =>
        Cached(TableFor(await directory.IndexAsync(cancellationToken)), text);

    /// <summary>Resolves <paramref name="text"/>; synchronous, for bulk use once the table is built.</summary>
    /// <exception cref="InvalidOperationException">
    /// Neither <see cref="LoadAsync"/> nor <see cref="ResolveAsync"/> has run yet, and the region index is not loaded.
    /// (After the directory is invalidated for a new edition, the previous table is used until the index is loaded again.)
    /// </exception>
    public PlaceResolution Resolve(string? text) => Cached(CurrentTable(), text);

    private PlaceAliasTable CurrentTable()
    {
        var loaded = directory.LoadedIndex;
        var current = table;
        if (current is not null && (loaded is null || ReferenceEquals(current.Index, loaded))) return current;
        if (loaded is null)
            throw new InvalidOperationException("区划尚未加载：请先调用 PlaceResolver.LoadAsync 或 ResolveAsync。");
        return TableFor(loaded);
    }

    private PlaceAliasTable TableFor(RegionIndex index)
    {
        var current = table;
        if (current is not null && ReferenceEquals(current.Index, index)) return current;
        lock (building)
        {
            current = table;
            if (current is not null && ReferenceEquals(current.Index, index)) return current;
            return table = new PlaceAliasTable(index);
        }
    }

    private static PlaceResolution Cached(PlaceAliasTable table, string? raw)
    {
        raw ??= "";
        if (table.TryGetCached(raw, out var cached)) return cached;
        var resolution = Read(table, PlaceNames.Normalise(raw));
        table.Remember(raw, resolution);
        return resolution;
    }

    private static PlaceResolution Read(PlaceAliasTable table, string text)
    {
        var start = Skip(text, 0);
        if (text.AsSpan(start).StartsWith("中国") && text.Length > start + 2) start = Skip(text, start + 2);
        if (start == text.Length) return Result(null, "", "", false, [], "没有填写地点");

        var path = Walk(table, text, start, null, 0);
        var matched = text[start..path.End];
        var remainder = text[Skip(text, path.End)..];
        if (path.Tied is { } tied)
        {
            var ancestor = CommonAncestor(table, tied);
            var token = text[path.TokenStart..path.TokenEnd];
            return Result(ancestor, matched, remainder, true, tied, Ambiguity(table, token, tied, ancestor));
        }
        var region = path.Final;
        if (region is null) return Result(null, "", remainder, false, [], $"未能识别出地名：{Abbreviate(text)}");
        if (PlaceNames.Placeholders.Contains(region.Name)) region = table.Index.Find(region.Code[..2])!; // 湖北省省直辖县级行政区划
        if (region.Level == RegionLevel.City && table.OnlyCountyOf(region) is { } county) region = county;
        var message = region.Level switch
        {
            RegionLevel.Province => $"只识别到省份：{region.Name}",
            RegionLevel.City => $"只识别到地市：{table.Label(region)}",
            _ => null,
        };
        return Result(region, matched, remainder, false, [], message);
    }

    /// <summary>One way of reading the text: where it ended, and the region it ended at or the regions it could not tell apart.</summary>
    private readonly record struct Reading(int End, Region? Final, Region[]? Tied, int TokenStart, int TokenEnd);

    private static Reading Walk(PlaceAliasTable table, string text, int end, Region? context, int steps)
    {
        var start = Skip(text, end);
        if (steps == MaxSteps || start == text.Length) return new Reading(end, context, null, 0, 0);
        var found = new List<Region>(2);
        var length = table.Match(text.AsSpan(start), context, found, out var repeat);
        if (length == 0) return new Reading(end, context, null, 0, 0);
        var next = start + length;
        if (repeat) return Walk(table, text, next, context, steps + 1);
        if (found.Count == 1) return Walk(table, text, next, found[0], steps + 1);

        // Several regions share the name (朝阳区): what follows may tell them apart (朝阳区望京街道), so read on below
        // each and keep the readings that get furthest.
        var best = new List<Reading>(found.Count);
        foreach (var region in found)
        {
            var path = Walk(table, text, next, region, steps + 1);
            if (best.Count > 0 && path.End < best[0].End) continue;
            if (best.Count > 0 && path.End > best[0].End) best.Clear();
            best.Add(path);
        }
        if (best.Count == 1) return best[0];
        var tied = best.SelectMany(p => p.Tied ?? [p.Final!]).Distinct().OrderBy(r => r.Code, StringComparer.Ordinal).ToArray();
        return new Reading(best[0].End, null, tied, start, next);
    }

    /// <summary>The deepest region that is not a placeholder and contains all <paramref name="regions"/>, or null.</summary>
    private static Region? CommonAncestor(PlaceAliasTable table, Region[] regions)
    {
        var prefix = regions[0].Code.AsSpan();
        foreach (var region in regions) prefix = prefix[..prefix.CommonPrefixLength(region.Code)];
        foreach (var level in new[] { RegionLevel.Township, RegionLevel.County, RegionLevel.City, RegionLevel.Province })
        {
            var length = Region.LengthOf(level);
            if (prefix.Length >= length && table.Index.Find(prefix[..length].ToString()) is { } ancestor
                && !PlaceNames.Placeholders.Contains(ancestor.Name))
                return ancestor;
        }
        return null;
    }

    private static string Ambiguity(PlaceAliasTable table, string token, Region[] candidates, Region? ancestor)
    {
        var level = candidates.Min(c => c.Level);
        var kind = level switch
        {
            RegionLevel.City => "地市",
            RegionLevel.County => "区县",
            _ => "乡镇（街道）",
        };
        var hint = ancestor?.Level switch
        {
            RegionLevel.County or RegionLevel.Township => "乡镇全称",
            RegionLevel.City => "区县",
            _ => level == RegionLevel.City ? "省份" : "城市",
        };
        const int shown = 10;
        var labels = string.Join("、", candidates.Take(shown).Select(table.Label));
        if (candidates.Length > shown) labels += $"等 {candidates.Length} 处";
        return $"“{token}”对应多个{kind}：{labels}，请写明{hint}";
    }

    private static PlaceResolution Result(Region? region, string matched, string remainder, bool ambiguous,
        IReadOnlyList<Region> candidates, string? message)
    {
        var code = region?.Code;
        return new PlaceResolution(region,
            code?[..2],
            code is { Length: >= 4 } ? code[..4] : null,
            code is { Length: >= 6 } ? code[..6] : null,
            matched, remainder, ambiguous, candidates, message);
    }

    private static int Skip(string text, int position)
    {
        while (position < text.Length && PlaceNames.IsSeparator(text[position])) position++;
        return position;
    }

    private static string Abbreviate(string text)
    {
        if (text.Length <= 20) return text;
        var length = char.IsHighSurrogate(text[19]) ? 19 : 20; // do not cut an emoji in half
        return text[..length] + "…";
    }
}
