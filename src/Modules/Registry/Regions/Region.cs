namespace Bangfu.Registry.Regions;

/// <summary>Levels of the statistical division code (统计用区划代码), with the length of their codes.</summary>
public enum RegionLevel : short
{
    /// <summary>省级, 2 digits.</summary>
    Province = 1,
    /// <summary>地级 (市、州、盟), 4 digits.</summary>
    City = 2,
    /// <summary>县级 (县、区、县级市、旗), 6 digits.</summary>
    County = 3,
    /// <summary>乡级 (乡、镇、街道), 9 digits.</summary>
    Township = 4,
    /// <summary>村级 (村委会、居委会), 12 digits.</summary>
    Village = 5,
}

/// <summary>
/// One administrative division. Codes are the National Bureau of Statistics' statistical division codes, kept
/// at their natural length per level (43, 4301, 430182, 430182106, 430182106209), so a region's code is a prefix
/// of the codes of everything inside it.
/// </summary>
public sealed class Region
{
    private Region() { }

    public Region(string code, string name, int edition)
    {
        Code = code;
        Level = LevelOf(code);
        ParentCode = ParentOf(code);
        Name = name;
        PlainName = RegionNames.Plain(name, Level);
        Edition = edition;
    }

    public string Code { get; private set; } = "";
    public RegionLevel Level { get; private set; }
    public string? ParentCode { get; private set; }

    /// <summary>Official name as published (贺家湾村委会).</summary>
    public string Name { get; private set; } = "";

    /// <summary>The name people write (贺家湾村).</summary>
    public string PlainName { get; private set; } = "";

    /// <summary>The edition (year) this row was last confirmed by.</summary>
    public int Edition { get; private set; }

    /// <summary>The edition that no longer lists this code; null while current. Retired codes stay for old records.</summary>
    public int? RetiredInEdition { get; private set; }

    /// <summary>
    /// A row of the statistical data that groups the level below rather than naming a place (市辖区, 县,
    /// 省直辖县级行政区划): pickers show it as a grouping, names and paths leave it out.
    /// </summary>
    public bool IsPlaceholder => PlaceNames.Placeholders.Contains(Name);

    public static RegionLevel LevelOf(string code) => code.Length switch
    {
        2 => RegionLevel.Province,
        4 => RegionLevel.City,
        6 => RegionLevel.County,
        9 => RegionLevel.Township,
        12 => RegionLevel.Village,
        _ => throw new ArgumentException($"区划代码“{code}”长度不对（应为 2、4、6、9 或 12 位）。", nameof(code)),
    };

    public static string? ParentOf(string code) => code.Length switch
    {
        2 => null,
        4 => code[..2],
        6 => code[..4],
        9 => code[..6],
        12 => code[..9],
        _ => throw new ArgumentException($"区划代码“{code}”长度不对。", nameof(code)),
    };

    /// <summary>The code of the ancestor at <paramref name="level"/> (the code itself when it is that level).</summary>
    public static string AncestorCode(string code, RegionLevel level) => code[..LengthOf(level)];

    public static int LengthOf(RegionLevel level) => level switch
    {
        RegionLevel.Province => 2,
        RegionLevel.City => 4,
        RegionLevel.County => 6,
        RegionLevel.Township => 9,
        _ => 12,
    };
}
