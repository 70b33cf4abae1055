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

        // The month's figures and the year-ago column are two queries run side by side (on two connections): the first
        // is the hand-written dispatch GROUP BY, the second reads only the year-ago month's rows.
        Task<Dictionary<string, YearAgoFigures>> yearAgo;
        Dictionary<string, DispatchFigures> villages;
        await using (var sibling = db.CreateSibling())
        {
            yearAgo = YearAgoAsync(sibling, prefix, period.SameMonthLastYear(), cancellationToken);
            try
            {
                villages = await VillageFiguresAsync(prefix, period, cancellationToken);
            }
            finally
            {
                await Task.WhenAny(yearAgo);
            }
        }
        var lastYear = await yearAgo;
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
                before.Count == 0 ? null : before.Aggregate(new YearAgoFigures(0, 0), (a, v) => a.Add(v.Value)),
                mine.Count, mine.Count(v => closed.Contains(v.Key)));
        }

        var total = Row(prefix, region is null ? "全国" : NameOf(region), _ => true);
        var children = new List<DispatchRow>();
        if (prefix.Length < 12)
        {
            var childCodes = villages.Keys.Concat(lastYear.Keys).Select(c => c[..childLength]).Distinct().Order().ToList();
            foreach (var code in childCodes)
            {
                var child = await regions.FindAsync(code, cancellationToken);
                children.Add(Row(code, child is null ? code : NameOf(child), v => v.StartsWith(code, StringComparison.Ordinal)));
            }
        }
        return new MonthlyDispatchReport(period, total, children);
    }

    /// <summary>Villages by the name people use (贺家湾村), other levels by their official name.</summary>
    private static string NameOf(Region region) => region.Level == RegionLevel.Village ? region.PlainName : region.Name;

    /// <summary>The latest month with employment data in the caller's scope, not after <paramref name="notAfter"/>.</summary>
    public async Task<Period?> LatestPeriodAsync(Period notAfter, CancellationToken cancellationToken = default)
    {
        var prefix = scope.Scope.Prefix;
        if (prefix is null) return null;
        var latest = await db.Set<EmploymentSituation>().AsNoTracking()
            .Where(s => s.RegionCode.StartsWith(prefix) && s.FromPeriod <= notAfter)
            .Select(s => (int?)EF.Property<int>(s, nameof(EmploymentSituation.FromPeriod))).MaxAsync(cancellationToken);
        return latest is { } value ? Period.FromValue(value) : null;
    }

    /// <summary>Whether a region code lies in the caller's scope (to refuse out-of-scope drill-downs with 404).</summary>
    public bool IsInScope(string regionCode) => scope.Scope.Contains(regionCode);

    private bool InScope(string prefix) =>
        scope.Scope.Prefix is { } s && (prefix.StartsWith(s, StringComparison.Ordinal) || (s.Length == 0));

    private IQueryable<EmploymentSituation> Covering(string prefix, Period period) =>
        db.Set<EmploymentSituation>().AsNoTracking()
            .Where(s => s.RegionCode.StartsWith(prefix) && s.FromPeriod <= period && (s.ToPeriod == null || s.ToPeriod > period));

    // The dispatch at village level: the situations covering the month, grouped by village as they come off the
    // (region_code, from_period) index.
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
                    g.Count(s => s.ReturnedOn >= first && s.ReturnedOn <= last),
                    g.Count(s => s.Employed && s.Workplace != WorkplaceKind.OutsideProvince
                                 && s.Workplace != WorkplaceKind.InProvinceOutsideCounty && s.Workplace != WorkplaceKind.InCounty)),
            })
            .ToListAsync(ct);
        return rows.Where(r => r.Figures.Persons > 0).ToDictionary(r => r.Village, r => r.Figures);
    }

    // The year-ago column (persons and employed), on its own context. On PostgreSQL it runs as one process: it runs beside
    // the month's query, and parallel workers of its own would take the core that query is using.
    private static async Task<Dictionary<string, YearAgoFigures>> YearAgoAsync(AppDbContext context, string prefix, Period ago, CancellationToken ct)
    {
        // A transaction only for the SET LOCAL: on SQLite one would be a write lock, held against imports and the round.
        await using var tx = context.Database.IsNpgsql() ? await context.Database.BeginTransactionAsync(ct) : null;
        if (tx is not null) await context.Database.ExecuteSqlRawAsync("SET LOCAL max_parallel_workers_per_gather = 0", ct);
        var rows = await context.Set<EmploymentSituation>().AsNoTracking()
            .Where(s => s.RegionCode.StartsWith(prefix) && s.FromPeriod <= ago && (s.ToPeriod == null || s.ToPeriod > ago))
            .GroupBy(s => s.RegionCode)
            .Select(g => new { Village = g.Key, Figures = new YearAgoFigures(g.Count(), g.Count(s => s.Employed)) })
            .ToListAsync(ct);
        return rows.Where(r => r.Figures.Persons > 0).ToDictionary(r => r.Village, r => r.Figures);
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
            DispatchFigure.EmployedWorkplaceUnknown => q.Where(s => s.Employed && s.Workplace != WorkplaceKind.OutsideProvince
                && s.Workplace != WorkplaceKind.InProvinceOutsideCounty && s.Workplace != WorkplaceKind.InCounty),
            _ => q.Where(_ => false),
        };
    }
}
