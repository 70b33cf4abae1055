using System.Globalization;
using Bangfu.Employment.Occupations;
using Bangfu.Employment.Vacancies;

namespace Bangfu.Web.Pages.Employment.Vacancies;

/// <summary>The vacancy form as typed (numbers as text, so a typo gets a Chinese message naming the field).</summary>
public sealed class VacancyForm
{
    public string? Title { get; set; }
    public string? OccupationCode { get; set; }
    public string? Headcount { get; set; }
    public string? WageMin { get; set; }
    public string? WageMax { get; set; }
    public string? WorkplaceRegionCode { get; set; }
    public string? WorkplaceText { get; set; }
    public string? AgeMin { get; set; }
    public string? AgeMax { get; set; }
    public string? EducationCode { get; set; }
    public string? Skills { get; set; }
    public string? HealthRequirement { get; set; }
    public string? Shifts { get; set; }
    public bool HousingProvided { get; set; }
    public bool MealsProvided { get; set; }
    public bool SuitableForRuralLabour { get; set; } = true;
    public bool HomeDaily { get; set; }
    public string? ExpiresOn { get; set; }

    public static VacancyForm Blank(DateOnly today) => new() { Headcount = "1", ExpiresOn = today.AddMonths(1).ToString("yyyy-MM-dd") };

    public static VacancyForm From(VacancyInput i) => new()
    {
        Title = i.Title, OccupationCode = i.OccupationCode, Headcount = i.Headcount?.ToString(), WageMin = i.WageMin?.ToString(),
        WageMax = i.WageMax?.ToString(), WorkplaceRegionCode = i.WorkplaceRegionCode, WorkplaceText = i.WorkplaceText,
        AgeMin = i.AgeMin?.ToString(), AgeMax = i.AgeMax?.ToString(), EducationCode = i.EducationCode, Skills = i.Skills,
        HealthRequirement = i.HealthRequirement, Shifts = i.Shifts, HousingProvided = i.HousingProvided, MealsProvided = i.MealsProvided,
        SuitableForRuralLabour = i.SuitableForRuralLabour, HomeDaily = i.HomeDaily, ExpiresOn = i.ExpiresOn?.ToString("yyyy-MM-dd"),
    };

    /// <summary>The typed input; unreadable numbers and dates are reported through <paramref name="error"/>.</summary>
    public VacancyInput ToInput(OccupationCatalog occupations, Action<string, string> error) => new()
    {
        Title = Title,
        OccupationCode = occupations.Find(OccupationCode)?.Code ?? OccupationCode,
        Headcount = Int(Headcount, nameof(Headcount), "招聘人数", error),
        WageMin = Int(WageMin, nameof(WageMin), "月薪下限", error),
        WageMax = Int(WageMax, nameof(WageMax), "月薪上限", error),
        WorkplaceRegionCode = WorkplaceRegionCode,
        WorkplaceText = WorkplaceText,
        AgeMin = Int(AgeMin, nameof(AgeMin), "最低年龄", error),
        AgeMax = Int(AgeMax, nameof(AgeMax), "最高年龄", error),
        EducationCode = EducationCode,
        Skills = Skills,
        HealthRequirement = HealthRequirement,
        Shifts = Shifts,
        HousingProvided = HousingProvided,
        MealsProvided = MealsProvided,
        SuitableForRuralLabour = SuitableForRuralLabour,
        HomeDaily = HomeDaily,
        ExpiresOn = Date(ExpiresOn, error),
    };

    private static int? Int(string? text, string field, string label, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        error(field, $"{label}应为整数");
        return null;
    }

    private static DateOnly? Date(string? text, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        error(nameof(ExpiresOn), "截止日期应写作 2026-12-31");
        return null;
    }
}
