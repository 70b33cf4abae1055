using Bangfu.Employment.Contracts;
using Bangfu.Employment.Situations;
using Bangfu.Reporting.MonthlyDispatch;

namespace Bangfu.Web.Infrastructure;

/// <summary>
/// One status a cadre can pick in the monthly round (月度走访): wage work is split by where it is, as the dispatch
/// counts it (省外 / 省内县外 / 县内). <see cref="Value"/> is what the form posts.
/// </summary>
public sealed record StatusChoice(string Value, string Label, EmploymentStatus Status, WorkplaceKind Workplace);

/// <summary>Chinese labels of employment statuses, workplaces and dispatch figures.</summary>
public static class SituationText
{
    /// <summary>The round's statuses, in the order the form lists them.</summary>
    public static IReadOnlyList<StatusChoice> Choices { get; } =
    [
        new("OutsideProvince", "省外务工", EmploymentStatus.WageEmployed, WorkplaceKind.OutsideProvince),
        new("InProvinceOutsideCounty", "省内县外务工", EmploymentStatus.WageEmployed, WorkplaceKind.InProvinceOutsideCounty),
        new("InCounty", "县内务工", EmploymentStatus.WageEmployed, WorkplaceKind.InCounty),
        new("Workshop", "帮扶车间就业", EmploymentStatus.Workshop, WorkplaceKind.InCounty),
        new("PublicWelfareJob", "公益性岗位", EmploymentStatus.PublicWelfareJob, WorkplaceKind.None),
        new("SelfEmployed", "自主创业", EmploymentStatus.SelfEmployed, WorkplaceKind.None),
        new("UnemployedWilling", "未就业有意愿", EmploymentStatus.UnemployedWilling, WorkplaceKind.None),
        new("UnemployedNotWilling", "未就业无意愿", EmploymentStatus.UnemployedNotWilling, WorkplaceKind.None),
        new("NotInLabourForce", "非劳动力", EmploymentStatus.NotInLabourForce, WorkplaceKind.None),
    ];

    /// <summary>The choice that describes a situation; null when there is none or wage work has no known place.</summary>
    public static StatusChoice? ChoiceOf(EmploymentSituation? situation) => situation switch
    {
        null => null,
        { Status: EmploymentStatus.WageEmployed } s => Choices.FirstOrDefault(c => c.Status == s.Status && c.Workplace == s.Workplace),
        var s => Choices.FirstOrDefault(c => c.Status == s.Status),
    };

    /// <summary>The round's label of a situation: 省外务工, 未就业有意愿, … ; 务工（地点不明）; 未登记 when there is none.</summary>
    public static string Label(EmploymentSituation? situation) =>
        situation is null ? "未登记" : ChoiceOf(situation)?.Label ?? Status(situation.Status) + "（地点不明）";

    public static string Status(EmploymentStatus status) => status switch
    {
        EmploymentStatus.NotInLabourForce => "非劳动力",
        EmploymentStatus.WageEmployed => "务工",
        EmploymentStatus.Workshop => "帮扶车间就业",
        EmploymentStatus.PublicWelfareJob => "公益性岗位",
        EmploymentStatus.SelfEmployed => "自主创业",
        EmploymentStatus.UnemployedWilling => "未就业有意愿",
        EmploymentStatus.UnemployedNotWilling => "未就业无意愿",
        _ => status.ToString(),
    };

    public static string Workplace(WorkplaceKind kind) => kind switch
    {
        WorkplaceKind.OutsideProvince => "省外",
        WorkplaceKind.InProvinceOutsideCounty => "省内县外",
        WorkplaceKind.InCounty => "县内",
        WorkplaceKind.Unknown => "地点不明",
        _ => "",
    };

    public static string Figure(DispatchFigure figure) => figure switch
    {
        DispatchFigure.Persons => "人员",
        DispatchFigure.LabourForce => "劳动力",
        DispatchFigure.Employed => "务工就业",
        DispatchFigure.EmployedOutsideProvince => "省外务工",
        DispatchFigure.EmployedInProvinceOutsideCounty => "省内县外务工",
        DispatchFigure.EmployedInCounty => "县内务工",
        DispatchFigure.WorkshopWorkers => "帮扶车间就业",
        DispatchFigure.PublicWelfareJobs => "公益性岗位",
        DispatchFigure.AbleNotEmployed => "有劳动力未就业",
        DispatchFigure.ReturnedThisMonth => "本月返乡",
        DispatchFigure.EmployedWorkplaceUnknown => "务工地点不明",
        _ => figure.ToString(),
    };

    /// <summary>The Bootstrap badge colour of a situation in lists: work green, jobs blue, the 311 group amber.</summary>
    public static string BadgeClass(EmploymentSituation? situation) => situation?.Status switch
    {
        EmploymentStatus.WageEmployed or EmploymentStatus.SelfEmployed => "text-bg-success",
        EmploymentStatus.Workshop or EmploymentStatus.PublicWelfareJob => "text-bg-primary",
        EmploymentStatus.UnemployedWilling => "text-bg-warning",
        EmploymentStatus.UnemployedNotWilling => "text-bg-secondary",
        _ => "text-bg-light border",
    };
}
