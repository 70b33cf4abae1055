namespace Bangfu.Registry.Regions;

/// <summary>
/// The names people write for provinces, cities, counties and townships in free text (务工所在地 and the like),
/// derived from the official names of the statistical division codes: the official name, and a short form
/// without the administrative suffix and, for autonomous units, without the ethnic part
/// (广西壮族自治区 → 广西; 湘西土家族苗族自治州 → 湘西, 湘西州; 江华瑶族自治县 → 江华, 江华县; 宁乡市 → 宁乡).
/// A short form is never a single character.
/// </summary>
internal static class PlaceNames
{
    /// <summary>Placeholder rows of the statistical data that stand for a grouping, not a place (see RegionDirectory).</summary>
    public static readonly HashSet<string> Placeholders = new(StringComparer.Ordinal)
    {
        "市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划",
    };

    // Names that are also everyday words, so that text such as “公安局”, “温泉山庄”, “合作社” or “阿里巴巴” does not
    // resolve to a county on its own; they still resolve after a province or city (“湖北公安”, “西藏阿里”).
    // 城区/郊区/矿区 are official county names in several cities and mean “in town” when written alone.
    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "城区", "郊区", "矿区", "东方", "合作", "共和", "公安", "温泉", "富裕", "通道", "互助", "新星", "白杨",
        "大方", "方正", "无为", "平和", "乐业", "兴业", "清流", "中方", "阿里",
    };

    // Ethnic groups as they appear in the names of autonomous units (GB/T 3304 names; some names drop the 族:
    // 巴里坤哈萨克自治县, 博尔塔拉蒙古自治州, 鄂伦春自治旗). One-character names are only stripped with 族.
    private static readonly string[] EthnicNames =
    [
        "乌孜别克", "柯尔克孜", "维吾尔", "哈萨克", "塔吉克", "达斡尔", "鄂温克", "鄂伦春", "俄罗斯", "塔塔尔",
        "土家", "蒙古", "锡伯", "朝鲜", "布依", "哈尼", "傈僳", "拉祜", "布朗", "景颇", "纳西", "普米", "独龙", "阿昌",
        "德昂", "基诺", "毛南", "仫佬", "仡佬", "撒拉", "保安", "东乡", "裕固", "门巴", "珞巴", "赫哲", "高山",
    ];

    private static readonly string[] OneCharacterEthnicNames =
        ["回", "藏", "苗", "瑶", "彝", "壮", "满", "白", "黎", "傣", "侗", "水", "羌", "佤", "畲", "怒", "京", "土", "汉", "各"];

    /// <summary>One alias of a region; <see cref="NeedsContext"/> aliases match only below a province or city already read.</summary>
    public readonly record struct Alias(string Text, bool NeedsContext);

    /// <summary>
    /// The aliases of a province, city, county or township, normalised like the text they are matched against; none for
    /// villages. Placeholders (市辖区, 省直辖县级行政区划) are known by their name only inside their province, since exports of
    /// the statistical tree sometimes write them (湖北省省直辖县级行政区划仙桃市).
    /// </summary>
    public static IEnumerable<Alias> AliasesOf(Region region)
    {
        var name = Normalise(region.Name);
        if (region.Level == RegionLevel.Village) yield break;
        if (Placeholders.Contains(name))
        {
            if (name.Length >= 2) yield return new Alias(name, true);
            yield break;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Some names carry a note in brackets (洮北区（工业园区）城南街道, 大安经济开发区（省级）) that people leave out.
        var names = name.Contains('(') ? new[] { name, WithoutBrackets(name) } : [name];
        foreach (var (text, derived) in names.SelectMany(n => Forms(n, region.Level)))
        {
            if (text.Length < 2 || !seen.Add(text)) continue;
            // A district's short form (朝阳 for 朝阳区, 白云 for 白云区, 光明 for 光明区) collides with other districts and
            // with ordinary words far more than a county's (江华, 慈溪, 宁乡), so it is read only inside a known city or province.
            var district = derived && region.Level == RegionLevel.County && IsDistrict(name);
            yield return new Alias(text, district || CommonWords.Contains(text));
        }
    }

    /// <summary>
    /// The name a county-level city or district had as a county, which rosters keep writing (宁乡县 for 宁乡市 since 2017,
    /// 望城县 for 望城区): the stem with 县. Only used where it names no other region and is nobody's alias.
    /// </summary>
    public static string? FormerCountyName(Region region)
    {
        if (region.Level != RegionLevel.County) return null;
        var name = Normalise(region.Name);
        var stem = Strip(name, "市") ?? (IsDistrict(name) ? Strip(name, "区") : null);
        return stem is null || stem.Contains('(') ? null : stem + "县";
    }

    private static string WithoutBrackets(string name)
    {
        var kept = new System.Text.StringBuilder(name.Length);
        var depth = 0;
        foreach (var c in name)
        {
            if (c == '(') depth++;
            else if (c == ')') depth = Math.Max(0, depth - 1);
            else if (depth == 0) kept.Append(c);
        }
        return kept.ToString();
    }

    private static bool IsDistrict(string name) =>
        name.EndsWith('区') && !name.EndsWith("林区", StringComparison.Ordinal) && !name.EndsWith("特区", StringComparison.Ordinal);

    private static IEnumerable<(string Text, bool Derived)> Forms(string name, RegionLevel level)
    {
        yield return (name, false);
        switch (level)
        {
            case RegionLevel.Province:
                if (Strip(name, "自治区") is { } region)
                {
                    var stem = WithoutEthnicGroups(region);
                    yield return (stem, true);
                    yield return (stem + "省", true); // 广西省, 新疆省: wrong but common
                    if (stem == "内蒙古") yield return ("内蒙", true);
                }
                else if ((Strip(name, "省") ?? Strip(name, "市")) is { } stem) yield return (stem, true);
                break;
            case RegionLevel.City:
                if (Strip(name, "自治州") is { } prefecture)
                {
                    var stem = WithoutEthnicGroups(prefecture);
                    yield return (stem, true);
                    yield return (stem + "州", true);
                }
                else if ((Strip(name, "地区") ?? Strip(name, "盟") ?? Strip(name, "市")) is { } stem) yield return (stem, true);
                break;
            case RegionLevel.County:
                if (Strip(name, "自治县") is { } county)
                {
                    var stem = WithoutEthnicGroups(county);
                    yield return (stem, true);
                    yield return (stem + "县", true);
                }
                else if (Strip(name, "自治旗") is { } banner)
                {
                    var stem = WithoutEthnicGroups(banner);
                    yield return (stem, true);
                    yield return (stem + "旗", true);
                }
                else if ((Strip(name, "新区") ?? Strip(name, "林区") ?? Strip(name, "特区") ?? Strip(name, "县")
                             ?? Strip(name, "区") ?? Strip(name, "市") ?? Strip(name, "旗")) is { } stem)
                    yield return (stem, true);
                break;
            case RegionLevel.Township:
                // 民族乡: 大坪民族乡 → 大坪, 大坪乡; 小河瑶族乡 → 小河, 小河乡
                if ((Strip(name, "民族乡") ?? (Strip(name, "乡") is { } township && township.EndsWith('族') ? WithoutEthnicGroups(township) : null))
                    is { } ethnicTownship)
                {
                    yield return (ethnicTownship, true);
                    yield return (ethnicTownship + "乡", true);
                }
                else if ((Strip(name, "街道") ?? Strip(name, "镇") ?? Strip(name, "乡") ?? Strip(name, "苏木")) is { } stem)
                    yield return (stem, true);
                break;
        }
    }

    /// <summary>The name without <paramref name="suffix"/>, or null when it does not end with it or too little is left.</summary>
    private static string? Strip(string name, string suffix) =>
        name.Length - suffix.Length >= 2 && name.EndsWith(suffix, StringComparison.Ordinal) ? name[..^suffix.Length] : null;

    /// <summary>
    /// Removes the ethnic groups at the end of an autonomous unit's name (湘西土家族苗族 → 湘西, 伊犁哈萨克 → 伊犁), keeping
    /// at least two characters; a name that is only an ethnic group keeps it without 族 (东乡族 → 东乡, 鄂温克族 → 鄂温克).
    /// </summary>
    private static string WithoutEthnicGroups(string stem)
    {
        while (TrailingEthnicGroup(stem) is { } length && stem.Length - length >= 2) stem = stem[..^length];
        return stem.Length > 2 && stem.EndsWith('族') ? stem[..^1] : stem;
    }

    private static int? TrailingEthnicGroup(string stem)
    {
        foreach (var group in EthnicNames)
        {
            if (stem.EndsWith(group + "族", StringComparison.Ordinal)) return group.Length + 1;
            if (stem.EndsWith(group, StringComparison.Ordinal)) return group.Length;
        }
        foreach (var group in OneCharacterEthnicNames)
            if (stem.EndsWith(group + "族", StringComparison.Ordinal)) return 2;
        return null;
    }

    /// <summary>
    /// The text as matched: full-width ASCII (ＡＢＣ１２３，) becomes half-width, and all white space, including the
    /// ideographic space U+3000 and zero-width characters, is dropped. Null becomes "".
    /// </summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (!NeedsCleaning(text)) return text;
        var buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' || char.IsWhiteSpace(c)) continue;
            buffer[n++] = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
        }
        return new string(buffer[..n]);
    }

    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
            if (c is (>= '\uFF01' and <= '\uFF5E') or '\u200B' or '\u200C' or '\u200D' or '\uFEFF' || char.IsWhiteSpace(c)) return true;
        return false;
    }

    /// <summary>Punctuation people put between the parts of a place (广东省-深圳市, 湖南/长沙, 长沙（岳麓区）).</summary>
    public static bool IsSeparator(char c) => c is '-' or '_' or '/' or '\\' or ',' or '.' or '|' or ':' or ';' or '(' or ')'
        or '[' or ']' or '<' or '>' or '~' or '"' or '\'' or '，' or '、' or '。' or '·' or '：' or '；' or '【' or '】'
        or '《' or '》' or '“' or '”' or '‘' or '’' or '—';
}
