using Bangfu.Platform.Scope;
using Bangfu.Platform.Security;
using Bangfu.Platform.Time;
using Bangfu.Registry.Contracts;
using Bangfu.Registry.Regions;
using Bangfu.Reporting.MonthlyDispatch;
using Bangfu.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Web.Api;

/// <summary>The figures of one region (the keys of <see cref="DispatchFigureKeys"/>).</summary>
public sealed record DispatchFiguresItem(
    int Persons, int Households, int LabourForce, int Employed, int EmployedOutsideProvince, int EmployedInProvinceOutsideCounty,
    int EmployedInCounty, int WorkshopWorkers, int PublicWelfareJobs, int AbleNotEmployed)
{
    public static DispatchFiguresItem From(DispatchFigures f) => new(f.Persons, f.Households, f.LabourForce, f.Employed, f.EmployedOutsideProvince,
        f.EmployedInProvinceOutsideCounty, f.EmployedInCounty, f.WorkshopWorkers, f.PublicWelfareJobs, f.AbleNotEmployed);
}

/// <summary>
/// The monthly dispatch of a region, in the shape of the CLI's <c>report monthly --json</c>: the region's figures at the
/// top level, each child region's under <c>children</c> by code; plus which region and month it is.
/// </summary>
public sealed record MonthlyDispatchItem(
    string Region, string RegionName, string Period,
    int Persons, int Households, int LabourForce, int Employed, int EmployedOutsideProvince, int EmployedInProvinceOutsideCounty,
    int EmployedInCounty, int WorkshopWorkers, int PublicWelfareJobs, int AbleNotEmployed,
    IReadOnlyDictionary<string, DispatchFiguresItem> Children);

/// <summary>A person behind a figure, with the employment situation that counts them (identifiers masked).</summary>
public sealed record DispatchPersonItem(
    Guid Id, string RegionCode, string PersonNumber, string Name, string IdNumberMasked, string? PhoneMasked, string Status, string Workplace,
    string? EmployerName, DateOnly? ReturnedOn, string Url);

/// <summary>A page of the people behind a figure; continue with <c>after = next_after</c>.</summary>
public sealed record DispatchPeoplePage(IReadOnlyList<DispatchPersonItem> Items, int Total, Guid? NextAfter, string? Next);

/// <summary>
/// <c>/api/v1/reports</c>: the monthly dispatch (月调度) as the report page shows it, for any region in the caller's scope
/// and any month, and the people behind each figure. Needs <see cref="Permissions.ReportsView"/>.
/// </summary>
internal static class ReportsApi
{
    /// <summary>The figures that have a list of people, by the name the API uses.</summary>
    private static readonly Dictionary<string, DispatchFigure> Figures = new(StringComparer.Ordinal)
    {
        ["persons"] = DispatchFigure.Persons,
        ["labour_force"] = DispatchFigure.LabourForce,
        ["employed"] = DispatchFigure.Employed,
        ["employed_outside_province"] = DispatchFigure.EmployedOutsideProvince,
        ["employed_in_province_outside_county"] = DispatchFigure.EmployedInProvinceOutsideCounty,
        ["employed_in_county"] = DispatchFigure.EmployedInCounty,
        ["workshop_workers"] = DispatchFigure.WorkshopWorkers,
        ["public_welfare_jobs"] = DispatchFigure.PublicWelfareJobs,
        ["able_not_employed"] = DispatchFigure.AbleNotEmployed,
        ["returned_this_month"] = DispatchFigure.ReturnedThisMonth,
    };

    public static void MapReportsApi(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("报表").RequireAuthorization(Permissions.ReportsView);
        reports.MapGet("/monthly-dispatch", MonthlyAsync)
            .WithName("GetMonthlyDispatch")
            .WithSummary("月调度")
            .WithDescription("某区域（默认整个管辖区域）某月（period=YYYY-MM，默认上月）的月调度：人数、户数、劳动力、务工（省外、省内县外、县内）、" +
                             "帮扶车间、公益性岗位、有劳动力未就业，下级区域的同样数字在 children 中（键为区划代码）。键名与命令行 report monthly --json 相同。" +
                             "管辖区域以外的答 404。")
            .Produces<MonthlyDispatchItem>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        reports.MapGet("/monthly-dispatch/people", PeopleAsync)
            .WithName("GetMonthlyDispatchPeople")
            .WithSummary("月调度数字背后的人员")
            .WithDescription("某区域某月某项数字（figure：" + string.Join("、", Figures.Keys) + "）所统计的人员，键集分页（after=next_after）。" +
                             "身份证号码和电话为脱敏形式。管辖区域以外的答 404。")
            .Produces<DispatchPeoplePage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> MonthlyAsync(string? region, string? period, MonthlyDispatchService dispatch, RegionDirectory regions,
        RegionScopeAccessor scope, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var month = Month(period, clock, errors);
        var (code, notFound) = await RegistryApi.RegionInScopeAsync(region, regions, scope.Scope, errors, ct);
        if (errors.Any) return errors.ToResult();
        if (notFound is not null) return notFound;
        MonthlyDispatchReport report;
        try
        {
            report = await dispatch.GetAsync(code, month, ct);
        }
        catch (KeyNotFoundException e)
        {
            return ApiProblems.NotFound(e.Message);
        }
        var f = report.Total.Figures;
        return TypedResults.Ok(new MonthlyDispatchItem(code!, report.Total.RegionName, month.ToString(),
            f.Persons, f.Households, f.LabourForce, f.Employed, f.EmployedOutsideProvince, f.EmployedInProvinceOutsideCounty, f.EmployedInCounty,
            f.WorkshopWorkers, f.PublicWelfareJobs, f.AbleNotEmployed,
            report.Children.ToDictionary(c => c.RegionCode, c => DispatchFiguresItem.From(c.Figures), StringComparer.Ordinal)));
    }

    private static async Task<IResult> PeopleAsync(HttpContext http, string? region, string? period, string? figure, string? after, int? limit,
        MonthlyDispatchService dispatch, IPersonDirectory directory, RegionDirectory regions, RegionScopeAccessor scope, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var month = Month(period, clock, errors);
        var (code, notFound) = await RegistryApi.RegionInScopeAsync(region, regions, scope.Scope, errors, ct);
        if (string.IsNullOrWhiteSpace(figure) || !Figures.TryGetValue(figure.Trim(), out var which))
        {
            errors.Add("figure", "figure 应为以下之一：" + string.Join("、", Figures.Keys));
            which = default;
        }
        Guid? afterId = null;
        if (!string.IsNullOrWhiteSpace(after))
        {
            if (Guid.TryParse(after, out var parsed)) afterId = parsed;
            else errors.Add("after", "after 应为上一页返回的 next_after。");
        }
        var size = limit ?? RegistryApi.DefaultLimit;
        if (size is < 1 or > RegistryApi.MaxLimit) errors.Add("limit", $"limit 应为 1 至 {RegistryApi.MaxLimit}。");
        if (errors.Any) return errors.ToResult();
        if (notFound is not null) return notFound;

        var query = dispatch.Behind(code!, month, which);
        var total = await query.CountAsync(ct);
        var page = await query.Where(s => afterId == null || s.Id.CompareTo(afterId.Value) > 0).OrderBy(s => s.Id).Take(size + 1).ToListAsync(ct);
        Guid? next = page.Count > size ? page[size - 1].Id : null;
        page = page.Take(size).ToList();
        var persons = await directory.FindManyAsync(page.Select(s => s.PersonId).ToList(), ct);
        var masking = new ApiMasking(http.User);
        var items = page.Where(s => persons.ContainsKey(s.PersonId)).Select(s =>
        {
            var p = persons[s.PersonId];
            return new DispatchPersonItem(p.Id, p.RegionCode, p.PersonNumber, masking.Name(p.Name), p.IdNumberMasked, p.PhoneMasked,
                SituationText.Label(s), SituationText.Workplace(s.Workplace), s.EmployerName, s.ReturnedOn, RegistryApi.PersonUrl(p.Id));
        }).ToList();
        var nextUrl = next is { } n
            ? $"{ApiPaths.Version1}/reports/monthly-dispatch/people" + RegistryApi.Query(("region", code), ("period", month.ToString()),
                ("figure", figure!.Trim()), ("after", n.ToString()), ("limit", size.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            : null;
        return TypedResults.Ok(new DispatchPeoplePage(items, total, next, nextUrl));
    }

    /// <summary>The month asked for, or the month before the current one (as the report page opens).</summary>
    private static Period Month(string? text, TimeProvider clock, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            var now = clock.GetLocalNow();
            return new Period(now.Year, now.Month).Previous();
        }
        if (Period.TryParse(text, out var month)) return month;
        errors.Add("period", "月份格式应为 YYYY-MM，例如 2021-12。");
        return default;
    }
}
