using Bangfu.Employment.Occupations;
using Bangfu.Registry.CodeLists;
using Bangfu.Registry.Regions;

namespace Bangfu.Employment.Vacancies;

/// <summary>
/// What a form or an import row gives for a vacancy, already typed (wages in whole yuan per month, ages in years).
/// <see cref="Check"/> gives the Chinese errors by property name; pages show them by field, the import by column.
/// </summary>
public sealed record VacancyInput
{
    public string? Title { get; init; }
    public string? OccupationCode { get; init; }
    public int? Headcount { get; init; }
    public int? WageMin { get; init; }
    public int? WageMax { get; init; }
    public string? WorkplaceRegionCode { get; init; }
    public string? WorkplaceText { get; init; }
    public int? AgeMin { get; init; }
    public int? AgeMax { get; init; }
    public string? EducationCode { get; init; }
    public string? Skills { get; init; }
    public string? HealthRequirement { get; init; }
    public string? Shifts { get; init; }
    public bool HousingProvided { get; init; }
    public bool MealsProvided { get; init; }
    public bool SuitableForRuralLabour { get; init; }
    public bool HomeDaily { get; init; }
    public DateOnly? ExpiresOn { get; init; }

    /// <summary>Highest monthly wage accepted, yuan: above it the figure is taken as a typing error (an extra zero, a yearly wage).</summary>
    public const int WageLimit = 200_000;

    /// <summary>
    /// The workplace rule, beside <see cref="Check"/> because it reads the region tree: a code of the tree at county level
    /// (县、区、县级市, 6 digits) or below (乡镇 9, 村 12), so that matching can tell 本县 / 本省 / 省外 and the public pages
    /// can name the place. Null when the code is good or blank (a blank one gets <see cref="Check"/>'s 请填写工作地点).
    /// Applied to every vacancy saved: the form, the API and the Excel import.
    /// </summary>
    public static async Task<string?> WorkplaceErrorAsync(RegionDirectory regions, string? code, CancellationToken ct)
    {
        var c = code?.Trim() ?? "";
        if (c.Length == 0) return null;
        if (!c.All(char.IsAsciiDigit) || await regions.FindAsync(c, ct) is null)
            return $"工作地点“{c}”不是行政区划代码，请填写县（市、区）或乡镇、村的区划代码，如 430182（湖南省长沙市宁乡市）";
        if (c.Length < 6) return $"工作地点请具体到县（市、区）：“{await regions.FullNameAsync(c, ct)}”是省、市一级，如 430182（湖南省长沙市宁乡市）";
        return null;
    }

    /// <summary>
    /// Checks: title 1–100 characters; occupation a code of the occupation list; headcount 1–100,000; wages 0–200,000
    /// with minimum ≤ maximum; workplace a 2–12 digit region code; ages 16–70 with minimum ≤ maximum (the legal working
    /// age starts at 16, Labour Law art. 15); education a code of the registry's education list; closing date not
    /// before <paramref name="today"/> and at most a year ahead.
    /// </summary>
    public IReadOnlyDictionary<string, string> Check(OccupationCatalog occupations, DateOnly today)
    {
        var e = new Dictionary<string, string>();
        var title = Title?.Trim() ?? "";
        if (title.Length == 0) e[nameof(Title)] = "请填写岗位名称";
        else if (title.Length > 100) e[nameof(Title)] = "岗位名称不能超过 100 字";
        if (string.IsNullOrWhiteSpace(OccupationCode)) e[nameof(OccupationCode)] = "请选择职业";
        else if (!occupations.Contains(OccupationCode)) e[nameof(OccupationCode)] = $"职业代码“{OccupationCode}”不在职业分类代码表中";
        if (Headcount is null) e[nameof(Headcount)] = "请填写招聘人数";
        else if (Headcount is < 1 or > 100_000) e[nameof(Headcount)] = "招聘人数应在 1 至 100000 之间";
        if (WageMin is null) e[nameof(WageMin)] = "请填写月薪下限（元/月）";
        else if (WageMin is < 0 or > WageLimit) e[nameof(WageMin)] = $"月薪下限应在 0 至 {WageLimit} 元之间";
        if (WageMax is null) e[nameof(WageMax)] = "请填写月薪上限（元/月）";
        else if (WageMax is < 0 or > WageLimit) e[nameof(WageMax)] = $"月薪上限应在 0 至 {WageLimit} 元之间";
        else if (WageMin is not null && WageMin > WageMax) e[nameof(WageMax)] = "月薪上限不能低于月薪下限";
        var place = WorkplaceRegionCode?.Trim() ?? "";
        if (place.Length == 0) e[nameof(WorkplaceRegionCode)] = "请填写工作地点";
        else if (place.Length is not (2 or 4 or 6 or 9 or 12) || !place.All(char.IsAsciiDigit))
            e[nameof(WorkplaceRegionCode)] = "工作地点应为 2、4、6、9 或 12 位区划代码";
        if (AgeMin is < 16 or > 70) e[nameof(AgeMin)] = "最低年龄应在 16 至 70 岁之间";
        if (AgeMax is < 16 or > 70) e[nameof(AgeMax)] = "最高年龄应在 16 至 70 岁之间";
        else if (AgeMin is not null && AgeMax is not null && AgeMin > AgeMax) e[nameof(AgeMax)] = "最高年龄不能低于最低年龄";
        if (!string.IsNullOrWhiteSpace(EducationCode) && CodeLists.Default.Education.ByCode(EducationCode) is null)
            e[nameof(EducationCode)] = $"学历要求应为：{CodeLists.Default.Education.AllowedValues()}";
        if (ExpiresOn is null) e[nameof(ExpiresOn)] = "请填写截止日期";
        else if (ExpiresOn < today) e[nameof(ExpiresOn)] = "截止日期不能早于今天";
        else if (ExpiresOn > today.AddYears(1)) e[nameof(ExpiresOn)] = "截止日期不能晚于一年以后";
        return e;
    }

    /// <summary>Copies the checked values onto <paramref name="v"/>.</summary>
    internal void ApplyTo(Vacancy v)
    {
        v.Title = Title!.Trim();
        v.OccupationCode = OccupationCode!.Trim();
        v.Headcount = Headcount!.Value;
        v.WageMin = WageMin!.Value;
        v.WageMax = WageMax!.Value;
        v.WorkplaceRegionCode = WorkplaceRegionCode!.Trim();
        v.WorkplaceText = Employers.EmployerService.Trim(WorkplaceText, 200);
        v.AgeMin = AgeMin;
        v.AgeMax = AgeMax;
        v.EducationCode = string.IsNullOrWhiteSpace(EducationCode) ? null : EducationCode.Trim();
        v.Skills = Employers.EmployerService.Trim(Skills, 500);
        v.HealthRequirement = Employers.EmployerService.Trim(HealthRequirement, 200);
        v.Shifts = Employers.EmployerService.Trim(Shifts, 200);
        v.HousingProvided = HousingProvided;
        v.MealsProvided = MealsProvided;
        v.SuitableForRuralLabour = SuitableForRuralLabour;
        v.HomeDaily = HomeDaily;
        v.ExpiresOn = ExpiresOn!.Value;
    }

    /// <summary>The input that edits <paramref name="v"/> as it is.</summary>
    public static VacancyInput From(Vacancy v) => new()
    {
        Title = v.Title, OccupationCode = v.OccupationCode, Headcount = v.Headcount, WageMin = v.WageMin, WageMax = v.WageMax,
        WorkplaceRegionCode = v.WorkplaceRegionCode, WorkplaceText = v.WorkplaceText, AgeMin = v.AgeMin, AgeMax = v.AgeMax,
        EducationCode = v.EducationCode, Skills = v.Skills, HealthRequirement = v.HealthRequirement, Shifts = v.Shifts,
        HousingProvided = v.HousingProvided, MealsProvided = v.MealsProvided, SuitableForRuralLabour = v.SuitableForRuralLabour,
        HomeDaily = v.HomeDaily, ExpiresOn = v.ExpiresOn,
    };
}
