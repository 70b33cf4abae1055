using Bangfu.Employment.Situations;
using Bangfu.Reporting.MonthlyDispatch;

namespace Bangfu.Web.Infrastructure;

/// <summary>Chinese labels of employment statuses, workplaces and dispatch figures.</summary>
public static class SituationText
{
    public static string Status(EmploymentStatus status) => status switch
    {
        EmploymentStatus.NotInLabourForce => "非劳动力",
        EmploymentStatus.WageEmployed => "务工",
        EmploymentStatus.Workshop => "帮扶车间就业",
        EmploymentStatus.PublicWelfareJob => "公益性岗位",
        EmploymentStatus.SelfEmployed => "自主创业",
        EmploymentStatus.UnemployedWilling => "未就业（有意愿）",
        EmploymentStatus.UnemployedNotWilling => "未就业（无意愿）",
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
        _ => figure.ToString(),
    };
}
