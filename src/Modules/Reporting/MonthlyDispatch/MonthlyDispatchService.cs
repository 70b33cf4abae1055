using Bangfu.Employment.Contracts;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Time;
using Bangfu.Registry.Regions;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Reporting.MonthlyDispatch;

/// <summary>
/// The monthly dispatch (月调度) for any region in the caller's scope and any month: one GROUP BY over the situations
/// covering the month at village level, rolled up the region tree in memory. The region scope filter of the context
/// applies, so a caller never counts people outside their scope.
/// </summary>
public sealed class MonthlyDispatchService(AppDbContext db, RegionDirectory regions, RegionScopeAccessor scope)
{
    /// <param name="regionCode">2-12 digit code; null or empty for everything in scope.</param>
    /// <exception cref="KeyNotFoundException">The region does not exist or is outside the caller's scope.</exception>
    public async Task<MonthlyDispatchReport> GetAsync(string? regionCode, Period period, CancellationToken cancellationToken = default)
    {
        var prefix = string.IsNullOrWhiteSpace(regionCode) ? scope.Scope.Prefix ?? throw new KeyNotFoundException("没有管辖范围") : regionCode.Trim();
        if (!InScope(prefix)) throw new KeyNotFoundException("该区域不存在或不在您的管辖范围内。");
        var region = prefix.Length == 0 ? null : await regions.FindAsync(prefix, cancellationToken) ?? throw new KeyNotFoundException("该区域不存在。");

        var villages = await VillageFiguresAsync(prefix, period, cancellationToken);
        var lastYear = await VillageFiguresAsync(prefix, period.SameMonthLastYear(), cancellationToken);
        var closed = (await db.Set<VillageMonth>().AsNoTracking()
                .Where(v => v.Period == period && v.RegionCode.StartsWith(prefix))
                .Select(v => v.RegionCode).ToListAsync(cancellationToken))
            .ToHashSet();

        var childLength = prefix.Length switch { 0 => 2, 2 => 4, 4 => 6, 6 => 9, _ => 12 };
        DispatchRow Row(string code, string name, Func<string, bool> contains)
        {
            var mine = villages.Where(v => contains(v.Key)).ToList();
            var before = lastYear.Where(v => contains(v.Key)).ToList();
            return new DispatchRow(code, name,
                mine.Aggregate(DispatchFigures.Zero, (a, v) => a.Add(v.Value)),
                before.Count == 0 ? null : before.Aggregate(DispatchFigures.Zero, (a, v) => a.Add(v.Value)),
                mine.Count, mine.Count(v => closed.Contains(v.Key)));
        }

        var total = Row(prefix, region?.Name ?? "全国", _ => true);
        var children = new List<DispatchRow>();
        if (prefix.Length < 12)
        {
            var childCodes = villages.Keys.Concat(lastYear.Keys).Select(c => c[..childLength]).Distinct().Order().ToList();
            foreach (var code in childCodes)
            {
                var child = await regions.FindAsync(code, cancellationToken);
                children.Add(Row(code, child?.Name ?? code, v => v.StartsWith(code, StringComparison.Ordinal)));
            }
        }
        return new MonthlyDispatchReport(period, total, children);
    }

    private bool InScope(string prefix) =>
        scope.Scope.Prefix is { } s && (prefix.StartsWith(s, StringComparison.Ordinal) || (s.Length == 0));

    private IQueryable<EmploymentSituation> Covering(string prefix, Period period) =>
        db.Set<EmploymentSituation>().AsNoTracking()
            .Where(s => s.RegionCode.StartsWith(prefix) && s.FromPeriod <= period && (s.ToPeriod == null || s.ToPeriod > period));

    private async Task<Dictionary<string, DispatchFigures>> VillageFiguresAsync(string prefix, Period period, CancellationToken ct)
    {
        var first = period.FirstDay;
        var last = period.LastDay;
        var rows = await Covering(prefix, period)
            .GroupBy(s => s.RegionCode)
            .Select(g => new
            {
                Village = g.Key,
                Figures = new DispatchFigures(
                    g.Count(),
                    g.Select(s => s.HouseholdId).Distinct().Count(),
                    g.Count(s => s.InLabourForce),
                    g.Count(s => s.Employed),
                    g.Count(s => s.Employed && s.Workplace == WorkplaceKind.OutsideProvince),
                    g.Count(s => s.Employed && s.Workplace == WorkplaceKind.InProvinceOutsideCounty),
                    g.Count(s => s.Employed && s.Workplace == WorkplaceKind.InCounty),
                    g.Count(s => s.Workshop),
                    g.Count(s => s.PublicWelfareJob),
                    g.Count(s => s.InLabourForce && !s.Employed && !s.PublicWelfareJob),
                    g.Count(s => s.ReturnedOn >= first && s.ReturnedOn <= last)),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Village, r => r.Figures);
    }

    /// <summary>The situations behind one figure of a region's row (for the list of people), keyset-paged by id.</summary>
    public IQueryable<EmploymentSituation> Behind(string regionCode, Period period, DispatchFigure figure)
    {
        var first = period.FirstDay;
        var last = period.LastDay;
        var q = Covering(regionCode, period);
        return figure switch
        {
            DispatchFigure.Persons => q,
            DispatchFigure.LabourForce => q.Where(s => s.InLabourForce),
            DispatchFigure.Employed => q.Where(s => s.Employed),
            DispatchFigure.EmployedOutsideProvince => q.Where(s => s.Employed && s.Workplace == WorkplaceKind.OutsideProvince),
            DispatchFigure.EmployedInProvinceOutsideCounty => q.Where(s => s.Employed && s.Workplace == WorkplaceKind.InProvinceOutsideCounty),
            DispatchFigure.EmployedInCounty => q.Where(s => s.Employed && s.Workplace == WorkplaceKind.InCounty),
            DispatchFigure.WorkshopWorkers => q.Where(s => s.Workshop),
            DispatchFigure.PublicWelfareJobs => q.Where(s => s.PublicWelfareJob),
            DispatchFigure.AbleNotEmployed => q.Where(s => s.InLabourForce && !s.Employed && !s.PublicWelfareJob),
            DispatchFigure.ReturnedThisMonth => q.Where(s => s.ReturnedOn >= first && s.ReturnedOn <= last),
            _ => q.Where(_ => false),
        };
    }
}
