using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bangfu.Registry.CodeLists;

namespace Bangfu.Employment.Occupations;

/// <summary>Level of an occupation code in 职业分类大典 (2022): 大类 `6`, 中类 `6-29`, 小类 `6-29-01`, 细类 `6-29-01-04`.</summary>
public enum OccupationLevel
{
    /// <summary>大类 (one digit).</summary>
    Major = 1,
    /// <summary>中类.</summary>
    Medium = 2,
    /// <summary>小类.</summary>
    Minor = 3,
    /// <summary>细类 (the occupation itself).</summary>
    Detailed = 4,
}

/// <summary>
/// How close two occupations are on the classification tree: the most specific level they share. Matching scores
/// by it (same 细类 best, different 大类 worst).
/// </summary>
public enum OccupationDistance
{
    /// <summary>Same code.</summary>
    Same = 0,
    /// <summary>Different codes in the same 小类 (one may be the 小类 itself).</summary>
    SameMinor = 1,
    /// <summary>Same 中类.</summary>
    SameMedium = 2,
    /// <summary>Same 大类.</summary>
    SameMajor = 3,
    /// <summary>Different 大类.</summary>
    Different = 4,
}

/// <summary>One entry of the occupation list: its code, the classification's name and accepted synonyms.</summary>
public sealed class Occupation
{
    [JsonPropertyName("code")] public string Code { get; init; } = "";
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("synonyms")] public string[] Synonyms { get; init; } = [];

    public OccupationLevel Level => OccupationCatalog.LevelOf(Code);

    /// <summary>The parent's code (null for a 大类).</summary>
    public string? ParentCode => OccupationCatalog.ParentOf(Code);

    /// <summary>"6-29-01-04 钢筋工".</summary>
    public string Display => $"{Code} {Name}";
}

/// <summary>
/// The occupation code list, loaded from the embedded <c>occupations.json</c> (see SOURCE.md next to it: structure
/// of 职业分类大典 2022 edition, a working subset). Codes have the form <c>D</c>, <c>D-DD</c>, <c>D-DD-DD</c>,
/// <c>D-DD-DD-DD</c>; a code's ancestors are its prefixes at the dashes.
/// </summary>
public sealed class OccupationCatalog
{
    /// <summary>The one catalogue of the process (the data is immutable).</summary>
    public static OccupationCatalog Default { get; } = Load();

    private readonly FrozenDictionary<string, Occupation> byCode;
    private readonly FrozenDictionary<string, Occupation> byText;
    private readonly FrozenDictionary<string, Occupation[]> children;

    internal OccupationCatalog(IReadOnlyList<Occupation> items, string edition)
    {
        Edition = edition;
        All = items.OrderBy(o => o.Code, StringComparer.Ordinal).ToArray();
        byCode = All.ToFrozenDictionary(o => o.Code);
        foreach (var o in All)
        {
            if (!IsWellFormed(o.Code)) throw new InvalidOperationException($"职业代码格式不对：{o.Code}");
            if (o.ParentCode is { } p && !byCode.ContainsKey(p))
                throw new InvalidOperationException($"职业代码 {o.Code} 的上级 {p} 不在代码表中");
        }
        byText = All
            .SelectMany(o => new[] { o.Name }.Concat(o.Synonyms).Select(t => (Key: CodeLists.Normalise(t).ToUpperInvariant(), Item: o)))
            .DistinctBy(x => x.Key)
            .ToFrozenDictionary(x => x.Key, x => x.Item);
        children = All.Where(o => o.ParentCode is not null)
            .GroupBy(o => o.ParentCode!)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>The edition the codes follow.</summary>
    public string Edition { get; }

    /// <summary>Every entry, ordered by code.</summary>
    public IReadOnlyList<Occupation> All { get; }

    /// <summary>The entry with this code; null when the code is not in the list.</summary>
    public Occupation? ByCode(string? code) => code is null ? null : byCode.GetValueOrDefault(code.Trim());

    public bool Contains(string? code) => ByCode(code) is not null;

    /// <summary>The direct children of a code (the 大类 when <paramref name="code"/> is null).</summary>
    public IReadOnlyList<Occupation> ChildrenOf(string? code) =>
        code is null ? All.Where(o => o.Level == OccupationLevel.Major).ToArray()
            : children.GetValueOrDefault(code) ?? [];

    /// <summary>
    /// The entry for a text as written in a form or an import: a code, a name or a synonym (full-width characters and
    /// spaces ignored), or "code name" ("6-29-01-04 钢筋工"). Null when nothing matches exactly.
    /// </summary>
    public Occupation? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = CodeLists.Normalise(text).ToUpperInvariant();
        if (byCode.TryGetValue(t, out var byItsCode)) return byItsCode;
        if (byText.TryGetValue(t, out var byName)) return byName;
        var head = text.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries)[0];
        return byCode.GetValueOrDefault(CodeLists.Normalise(head));
    }

    /// <summary>Entries whose code, name or a synonym contains <paramref name="query"/>, most specific first, at most <paramref name="max"/>.</summary>
    public IReadOnlyList<Occupation> Search(string? query, int max = 20)
    {
        if (string.IsNullOrWhiteSpace(query)) return [];
        var q = CodeLists.Normalise(query).ToUpperInvariant();
        return All
            .Where(o => o.Code.StartsWith(q, StringComparison.Ordinal)
                        || o.Name.Contains(q, StringComparison.Ordinal)
                        || o.Synonyms.Any(s => s.ToUpperInvariant().Contains(q, StringComparison.Ordinal)))
            .OrderBy(o => o.Name == q || o.Synonyms.Contains(q) ? 0 : 1)
            .ThenByDescending(o => o.Level)
            .ThenBy(o => o.Code, StringComparer.Ordinal)
            .Take(max)
            .ToArray();
    }

    /// <summary>True when <paramref name="code"/> equals <paramref name="ancestor"/> or lies below it.</summary>
    public static bool IsUnder(string code, string ancestor) =>
        code == ancestor || (code.Length > ancestor.Length && code.StartsWith(ancestor, StringComparison.Ordinal) && code[ancestor.Length] == '-');

    /// <summary>The most specific level two codes share (<see cref="OccupationDistance"/>); codes need not be in the list.</summary>
    public static OccupationDistance Distance(string a, string b)
    {
        if (a == b) return OccupationDistance.Same;
        var pa = a.Split('-');
        var pb = b.Split('-');
        var shared = 0;
        while (shared < pa.Length && shared < pb.Length && pa[shared] == pb[shared]) shared++;
        return shared switch
        {
            >= 3 => OccupationDistance.SameMinor,
            2 => OccupationDistance.SameMedium,
            1 => OccupationDistance.SameMajor,
            _ => OccupationDistance.Different,
        };
    }

    /// <summary>Level from the number of dash-separated parts.</summary>
    public static OccupationLevel LevelOf(string code) => (OccupationLevel)code.Count(c => c == '-') + 1;

    public static string? ParentOf(string code)
    {
        var i = code.LastIndexOf('-');
        return i < 0 ? null : code[..i];
    }

    /// <summary><c>D</c>, <c>D-DD</c>, <c>D-DD-DD</c> or <c>D-DD-DD-DD</c>.</summary>
    public static bool IsWellFormed(string? code)
    {
        if (string.IsNullOrEmpty(code)) return false;
        var parts = code.Split('-');
        if (parts.Length > 4 || parts[0].Length != 1 || !char.IsAsciiDigit(parts[0][0])) return false;
        return parts.Skip(1).All(p => p.Length == 2 && p.All(char.IsAsciiDigit));
    }

    private static OccupationCatalog Load()
    {
        using var stream = typeof(OccupationCatalog).Assembly.GetManifestResourceStream("Bangfu.Employment.occupations.json")
                           ?? throw new InvalidOperationException("缺少职业代码资源 occupations.json");
        var doc = JsonSerializer.Deserialize<OccupationFile>(stream) ?? throw new InvalidOperationException("职业代码资源无效");
        return new OccupationCatalog(doc.Occupations, doc.Edition);
    }

    private sealed class OccupationFile
    {
        [JsonPropertyName("edition")] public string Edition { get; init; } = "";
        [JsonPropertyName("occupations")] public Occupation[] Occupations { get; init; } = [];
    }
}
