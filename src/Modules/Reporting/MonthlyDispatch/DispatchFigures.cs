namespace Bangfu.Reporting.MonthlyDispatch;

/// <summary>
/// The figures of the monthly dispatch (月调度) for one region and month, counted over the employment situations
/// covering that month:
/// persons (人数); households (户数, distinct households); labour force (劳动力: 普通劳动力, 技能劳动力, 弱劳动力或半劳动力);
/// employed (务工就业: 务工时间 &gt; 0 or a job recorded in the round), split by workplace relative to the home village
/// (省外 / 省内县外 / 县内); workshop workers (帮扶车间); public-welfare jobs (公益性岗位); able but not employed
/// (labour force, not employed, no public-welfare job); returned this month (本月返乡); employed whose workplace could
/// not be placed (地点不明; so that the three places and it add up to the employed).
/// </summary>
public sealed record DispatchFigures(
    int Persons,
    int Households,
    int LabourForce,
    int Employed,
    int EmployedOutsideProvince,
    int EmployedInProvinceOutsideCounty,
    int EmployedInCounty,
    int WorkshopWorkers,
    int PublicWelfareJobs,
    int AbleNotEmployed,
    int ReturnedThisMonth,
    int EmployedWorkplaceUnknown = 0)
{
    public static DispatchFigures Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public DispatchFigures Add(DispatchFigures o) => new(
        Persons + o.Persons, Households + o.Households, LabourForce + o.LabourForce, Employed + o.Employed,
        EmployedOutsideProvince + o.EmployedOutsideProvince, EmployedInProvinceOutsideCounty + o.EmployedInProvinceOutsideCounty,
        EmployedInCounty + o.EmployedInCounty, WorkshopWorkers + o.WorkshopWorkers, PublicWelfareJobs + o.PublicWelfareJobs,
        AbleNotEmployed + o.AbleNotEmployed, ReturnedThisMonth + o.ReturnedThisMonth, EmployedWorkplaceUnknown + o.EmployedWorkplaceUnknown);
}

/// <summary>The figures a report row links to: each is a list of people.</summary>
public enum DispatchFigure
{
    Persons,
    LabourForce,
    Employed,
    EmployedOutsideProvince,
    EmployedInProvinceOutsideCounty,
    EmployedInCounty,
    WorkshopWorkers,
    PublicWelfareJobs,
    AbleNotEmployed,
    ReturnedThisMonth,
    EmployedWorkplaceUnknown,
}

/// <summary>The same month a year before: persons and employed (同比).</summary>
public sealed record YearAgoFigures(int Persons, int Employed)
{
    public YearAgoFigures Add(YearAgoFigures o) => new(Persons + o.Persons, Employed + o.Employed);
}

/// <summary>One row of the dispatch: a region, its figures, the same month a year before (when there are data), and
/// its reporting: villages with registered people, and how many of them have closed the month.</summary>
public sealed record DispatchRow(string RegionCode, string RegionName, DispatchFigures Figures, YearAgoFigures? SameMonthLastYear,
    int Villages, int VillagesClosed)
{
    /// <summary>报送率: closed villages / villages with people, 0-1; null when there are no villages with people.</summary>
    public double? ReportingRate => Villages == 0 ? null : (double)VillagesClosed / Villages;
}

/// <summary>The dispatch of a region for a month: its own row and a row per child region.</summary>
public sealed record MonthlyDispatchReport(Bangfu.Platform.Time.Period Period, DispatchRow Total, IReadOnlyList<DispatchRow> Children);
