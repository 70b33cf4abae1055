using Bangfu.Employment.Contracts;

namespace Bangfu.Employment.Transport;

/// <summary>
/// Where a workplace lies relative to a home village, by the codes alone (GB/T 2260 and the statistical division codes:
/// 2 digits province, 4 city, 6 county): another province is 省外; the same province but another county is 省内县外; the
/// home county is 县内 (就地就近). A city-level place (4 digits) that contains the home county (长沙市 for a village of
/// 宁乡市, a county-level city of 长沙市) cannot be placed: it may be the city proper or the home county itself, so it
/// counts as employed with the workplace <see cref="WorkplaceKind.Unknown"/>, as the monthly round records such places.
/// </summary>
public static class Workplaces
{
    /// <param name="workplaceCode">A region code of 2, 4, 6, 9 or 12 digits.</param>
    /// <param name="homeVillage">The 12-digit code of the home village.</param>
    public static WorkplaceKind KindOf(string workplaceCode, string homeVillage)
    {
        if (workplaceCode.Length < 2 || homeVillage.Length < 6) return WorkplaceKind.Unknown;
        if (workplaceCode[..2] != homeVillage[..2]) return WorkplaceKind.OutsideProvince;
        if (workplaceCode.Length >= 6) return workplaceCode[..6] == homeVillage[..6] ? WorkplaceKind.InCounty : WorkplaceKind.InProvinceOutsideCounty;
        if (workplaceCode.Length == 4 && workplaceCode != homeVillage[..4]) return WorkplaceKind.InProvinceOutsideCounty;
        return WorkplaceKind.Unknown;
    }

    public static string Text(WorkplaceKind kind) => kind switch
    {
        WorkplaceKind.OutsideProvince => "省外",
        WorkplaceKind.InProvinceOutsideCounty => "省内县外",
        WorkplaceKind.InCounty => "县内",
        WorkplaceKind.Unknown => "不明",
        _ => "",
    };
}
