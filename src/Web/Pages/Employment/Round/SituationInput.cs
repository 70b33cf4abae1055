using Bangfu.Employment.Contracts;
using System.Globalization;
using Bangfu.Employment.MonthlyRound;
using Bangfu.Employment.Situations;
using Bangfu.Platform.Time;
using Bangfu.Registry.Regions;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Bangfu.Web.Pages.Employment.Round;

/// <summary>
/// What the round form posts for one person, as typed (text, so nothing typed is lost to a binding error), and its
/// checks: a status from <see cref="SituationText.Choices"/>; a workplace read with <see cref="PlaceResolver"/> that must
/// agree with the status (省外 / 省内县外 / 县内 against the home village); the 返乡 date not after the month or today.
/// </summary>
public sealed class SituationInput
{
    private static readonly DateOnly EarliestReturn = Bangfu.Registry.Contracts.RegistryYears.FirstDay;

    public const int MaxEmployerLength = 200;

    /// <summary>Statuses with a place of work to record.</summary>
    public const string WithWorkplace = "OutsideProvince InProvinceOutsideCounty InCounty SelfEmployed";

    /// <summary>Statuses with an employer (or the workshop, or the public-welfare post).</summary>
    public const string WithEmployer = WithWorkplace + " Workshop PublicWelfareJob";

    /// <summary>Statuses of someone at home, who may have come back from work away (返乡).</summary>
    public const string AtHome = "InCounty Workshop PublicWelfareJob SelfEmployed UnemployedWilling UnemployedNotWilling NotInLabourForce";

    /// <summary>Statuses for which the wish to work away is asked.</summary>
    public const string InLabourForce = "OutsideProvince InProvinceOutsideCounty InCounty Workshop PublicWelfareJob SelfEmployed UnemployedWilling UnemployedNotWilling";

    public string? Status { get; set; }
    public string? Workplace { get; set; }
    public string? Employer { get; set; }
    public string? ReturnedOn { get; set; }

    /// <summary>"true", "false", or empty for not recorded.</summary>
    public string? WillingToWorkAway { get; set; }

    public static async Task<SituationInput> FromAsync(EmploymentSituation? situation, RegionTree tree, CancellationToken ct) => new()
    {
        Status = SituationText.ChoiceOf(situation)?.Value,
        Workplace = situation?.WorkplaceRegionCode is { } code ? await tree.FullNameAsync(code, ct) : null,
        Employer = situation?.EmployerName,
        ReturnedOn = situation?.ReturnedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        WillingToWorkAway = situation?.WillingToWorkAway switch { true => "true", false => "false", _ => "" },
    };

    /// <summary>The change to record, or null with the reasons in <paramref name="errors"/> (keys <c>Input.*</c>).</summary>
    public async Task<SituationChange?> ToChangeAsync(string homeVillage, Period month, DateOnly today, PlaceResolver places,
        ModelStateDictionary errors, CancellationToken ct)
    {
        var choice = SituationText.Choices.FirstOrDefault(c => c.Value == Status);
        if (choice is null) errors.AddModelError("Input.Status", "请选择目前状态。");

        var workplace = choice?.Workplace ?? WorkplaceKind.None;
        string? workplaceCode = null;
        if (choice is not null && WithWorkplace.Split(' ').Contains(choice.Value) && !string.IsNullOrWhiteSpace(Workplace))
        {
            var place = await places.ResolveAsync(Workplace, ct);
            if (place.Region is null || place.Ambiguous)
            {
                errors.AddModelError("Input.Workplace", (place.Message ?? "未能识别务工地点") + "。请写明省、市、县（区），如“广东省深圳市坪山区”，或留空。");
            }
            else
            {
                workplaceCode = place.Region.Code;
                var found = KindOf(workplaceCode, homeVillage);
                if (choice.Status == EmploymentStatus.SelfEmployed) workplace = found;
                else if (found != choice.Workplace && (found != WorkplaceKind.Unknown || choice.Workplace == WorkplaceKind.OutsideProvince))
                    errors.AddModelError("Input.Workplace", $"“{place.MatchedText}”在{(found == WorkplaceKind.Unknown ? "省内" : SituationText.Workplace(found))}，"
                                                            + $"与“{choice.Label}”不符：请改选状态或更正地点。");
            }
        }

        var employer = string.IsNullOrWhiteSpace(Employer) ? null : Employer.Trim();
        if (employer is { Length: > MaxEmployerLength }) errors.AddModelError("Input.Employer", $"用人单位名称不能超过 {MaxEmployerLength} 个字。");

        DateOnly? returnedOn = null;
        // The registry's years start in 2013 (RegistryYears), as the roster import's 年度 rule.
        var atHome = choice is null || AtHome.Split(' ').Contains(choice.Value);
        if (atHome && !string.IsNullOrWhiteSpace(ReturnedOn))
        {
            if (!DateOnly.TryParseExact(ReturnedOn.Trim(), ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                errors.AddModelError("Input.ReturnedOn", "返乡日期格式应为 YYYY-MM-DD，例如 2022-01-15。");
            else if (date < EarliestReturn)
                errors.AddModelError("Input.ReturnedOn", $"返乡日期不能早于{EarliestReturn.Year}年（建档立卡信息从{EarliestReturn.Year}年起），请核对年份。");
            else if (date > month.LastDay)
                errors.AddModelError("Input.ReturnedOn", $"返乡日期不能晚于{month.ToChinese()}。");
            else if (date > today)
                errors.AddModelError("Input.ReturnedOn", "返乡日期不能晚于今天。");
            else
                returnedOn = date;
        }

        bool? willing = WillingToWorkAway switch { "true" => true, "false" => false, _ => null };
        if (choice is null || errors.ErrorCount > 0) return null;
        // Someone who left again is no longer a returnee, so work away clears the date; that field is hidden then.
        return new SituationChange(choice.Status, workplace, workplaceCode, employer, returnedOn, willing);
    }

    /// <summary>
    /// Where a workplace lies relative to the home village: another province; the home county; elsewhere in the province
    /// when the county (or another city) is known; otherwise not known.
    /// </summary>
    public static WorkplaceKind KindOf(string workplaceCode, string homeVillage)
    {
        if (workplaceCode[..2] != homeVillage[..2]) return WorkplaceKind.OutsideProvince;
        if (workplaceCode.Length >= 6) return workplaceCode[..6] == homeVillage[..6] ? WorkplaceKind.InCounty : WorkplaceKind.InProvinceOutsideCounty;
        if (workplaceCode.Length == 4 && workplaceCode != homeVillage[..4]) return WorkplaceKind.InProvinceOutsideCounty;
        return WorkplaceKind.Unknown;
    }
}
