using Bangfu.Employment.Contracts;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Platform.Time;
using Bangfu.Registry.Contracts;
using Bangfu.Registry.Regions;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Services;

/// <summary>
/// Records services and keeps the 311 ledger: counts per person and year, the worklist of who still lacks what, coverage
/// by region with drill-down to the people.
/// <para>Target group of a year (decision, following the dispatch's 未就业有意愿 list): everyone whose employment situation
/// was <see cref="EmploymentStatus.UnemployedWilling"/> in any month of the year up to the ledger's month (December for a
/// past year, the current month for this year). Someone who found work in March was owed 311 service until then and stays
/// in the year's coverage; the worklist shows only those still unemployed and willing in the ledger's month.</para>
/// <para>Year boundaries: a service counts in the calendar year of its date (local date, 1 January to 31 December).</para>
/// </summary>
public sealed class Ledger311Service(AppDbContext db, IPersonDirectory people, RegionDirectory regions, TimeProvider clock, AuditTrail audit)
{
    public const string RecordEvent = "services.record";

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The month whose situations say who is still seeking: December of a past year, else the current month.</summary>
    public Period LedgerMonth(int year)
    {
        var today = Today;
        return year < today.Year ? new Period(year, 12) : new Period(today.Year, today.Month);
    }

    /// <summary>
    /// Records one service for each of the people (one <see cref="ServiceRecord"/> each) and returns the records.
    /// </summary>
    /// <exception cref="ArgumentException">The input is invalid (message in Chinese; ParamName = the field).</exception>
    /// <exception cref="KeyNotFoundException">A person is unknown or outside the caller's scope.</exception>
    public async Task<IReadOnlyList<ServiceRecord>> RecordAsync(IReadOnlyCollection<Guid> personIds, ServiceInput input, string? userName,
        Guid? outboxMessageId = null, CancellationToken ct = default)
    {
        if (input.Check(Today) is [var first, ..]) throw new ArgumentException(first.Message, first.Field);
        if (personIds.Count == 0) throw new ArgumentException("请至少选择一人。", "People");
        var found = await people.FindManyAsync(personIds, ct);
        if (personIds.Any(id => !found.ContainsKey(id))) throw new KeyNotFoundException("找不到此人，或不在您的管辖范围内。");
        var records = personIds.Distinct().Select(id => new ServiceRecord
        {
            CountyCode = found[id].CountyCode,
            RegionCode = found[id].RegionCode,
            PersonId = id,
            Kind = input.Kind,
            Date = input.Date,
            By = userName,
            Channel = input.Channel,
            What = string.IsNullOrWhiteSpace(input.What) ? null : input.What.Trim(),
            VacancyIds = input.Kind == ServiceKind.JobPush ? ServiceRecord.JoinVacancies(input.VacancyIds) : null,
            OutboxMessageId = outboxMessageId,
            CreatedAt = clock.GetUtcNow(),
        }).ToList();
        db.AddRange(records);
        await db.SaveChangesAsync(ct);
        foreach (var village in records.GroupBy(r => r.RegionCode))
            await audit.RecordAsync(new AuditEntry(AuditCategories.Person, RecordEvent, Target: village.Key,
                Details: new { kind = ServiceText.Kind(input.Kind), date = input.Date.ToString("yyyy-MM-dd"), channel = ServiceText.Channel(input.Channel),
                    people = village.Select(r => r.PersonId).ToArray() }, RegionCode: village.Key), ct);
        return records;
    }

    /// <summary>A person's services, newest first (within the caller's scope).</summary>
    public async Task<IReadOnlyList<ServiceRecord>> HistoryAsync(Guid personId, CancellationToken ct = default) =>
        await db.Set<ServiceRecord>().AsNoTracking().Where(r => r.PersonId == personId)
            .OrderByDescending(r => r.Date).ThenByDescending(r => r.CreatedAt).ToListAsync(ct);

    /// <summary>The year's counts of each person of the target group under a region prefix, with village and whether still seeking.</summary>
    public async Task<IReadOnlyList<(Guid PersonId, string Village, ServiceCounts Counts, bool StillSeeking)>> CountsAsync(string prefix, int year, CancellationToken ct = default)
    {
        var january = new Period(year, 1);
        var month = LedgerMonth(year);
        if (month < january) return [];
        var target = await db.Set<EmploymentSituation>().AsNoTracking()
            .Where(s => s.RegionCode.StartsWith(prefix) && s.Status == EmploymentStatus.UnemployedWilling
                        && s.FromPeriod <= month && (s.ToPeriod == null || s.ToPeriod > january))
            .Select(s => new { s.PersonId, s.RegionCode, Seeking = s.FromPeriod <= month && (s.ToPeriod == null || s.ToPeriod > month) })
            .ToListAsync(ct);
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var counts = (await db.Set<ServiceRecord>().AsNoTracking()
                .Where(r => r.RegionCode.StartsWith(prefix) && r.Date >= from && r.Date <= to)
                .GroupBy(r => new { r.PersonId, r.Kind })
                .Select(g => new { g.Key.PersonId, g.Key.Kind, Count = g.Count() })
                .ToListAsync(ct))
            .GroupBy(c => c.PersonId)
            .ToDictionary(g => g.Key, g => g.Aggregate(ServiceCounts.None, (sum, c) => sum.Add(c.Kind, c.Count)));
        return target.GroupBy(t => t.PersonId)
            .Select(g => (g.Key, g.First().RegionCode, counts.GetValueOrDefault(g.Key, ServiceCounts.None), g.Any(t => t.Seeking)))
            .ToList();
    }

    /// <summary>
    /// A village's ledger for a year: every person of the target group with the year's counts, by person number.
    /// With <paramref name="worklistOnly"/>, only those still seeking who still lack something (the worklist).
    /// </summary>
    public async Task<IReadOnlyList<LedgerLine>> LedgerAsync(string villageCode, int year, bool worklistOnly = false, CancellationToken ct = default)
    {
        var counts = (await CountsAsync(villageCode, year, ct)).ToDictionary(c => c.PersonId);
        var summaries = await people.FindManyAsync(counts.Keys, ct);
        return counts.Values.Where(c => summaries.ContainsKey(c.PersonId))
            .Select(c => new LedgerLine(summaries[c.PersonId], c.Counts, c.StillSeeking))
            .Where(l => !worklistOnly || (l.StillSeeking && !l.Counts.Complete))
            .OrderBy(l => l.Person.PersonNumber, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Coverage of a region (a code prefix: "" nationwide, 2 province … 9 township, 12 village) for a year, with its
    /// children one level down (townships under a county, villages under a township) that have a target group.
    /// </summary>
    public async Task<CoverageReport> CoverageAsync(string regionCode, int year, CancellationToken ct = default)
    {
        var childLength = regionCode.Length switch { 0 => 2, 2 => 4, 4 => 6, 6 => 9, _ => 12 };
        var children = new List<CoverageRow>();
        var january = new Period(year, 1);
        var month = LedgerMonth(year);
        if (month >= january)
        {
            // Counted in the database, one row per child region: a province's target group is millions of people. Each
            // person's services are counted through the (county, person, date) index.
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            var records = db.Set<ServiceRecord>().Where(r => r.RegionCode.StartsWith(regionCode) && r.Date >= from && r.Date <= to);
            var people = db.Set<EmploymentSituation>().AsNoTracking()
                .Where(s => s.RegionCode.StartsWith(regionCode) && s.Status == EmploymentStatus.UnemployedWilling
                            && s.FromPeriod <= month && (s.ToPeriod == null || s.ToPeriod > january))
                .GroupBy(s => new { s.CountyCode, s.PersonId })
                .Select(g => new
                {
                    Child = g.Min(s => s.RegionCode)!.Substring(0, childLength),
                    Pushes = records.Count(r => r.CountyCode == g.Key.CountyCode && r.PersonId == g.Key.PersonId && r.Kind == ServiceKind.JobPush),
                    Guidance = records.Count(r => r.CountyCode == g.Key.CountyCode && r.PersonId == g.Key.PersonId && r.Kind == ServiceKind.CareerGuidance),
                    Training = records.Count(r => r.CountyCode == g.Key.CountyCode && r.PersonId == g.Key.PersonId && r.Kind == ServiceKind.TrainingReferral),
                })
                .Select(p => new
                {
                    p.Child,
                    Complete = p.Pushes >= Ledger311.RequiredPushes && p.Guidance >= Ledger311.RequiredGuidance && p.Training >= Ledger311.RequiredTraining ? 1 : 0,
                    PushesMet = p.Pushes >= Ledger311.RequiredPushes ? 1 : 0,
                    GuidanceMet = p.Guidance >= Ledger311.RequiredGuidance ? 1 : 0,
                    TrainingMet = p.Training >= Ledger311.RequiredTraining ? 1 : 0,
                });
            var rows = await people.GroupBy(p => p.Child)
                .Select(g => new
                {
                    Code = g.Key,
                    Target = g.Count(),
                    Complete = g.Sum(p => p.Complete),
                    PushesMet = g.Sum(p => p.PushesMet),
                    GuidanceMet = g.Sum(p => p.GuidanceMet),
                    TrainingMet = g.Sum(p => p.TrainingMet),
                })
                .ToListAsync(ct);
            foreach (var row in rows.OrderBy(r => r.Code, StringComparer.Ordinal))
                children.Add(new CoverageRow(row.Code, (await regions.FindAsync(row.Code, ct))?.PlainName ?? row.Code, row.Target, row.Complete,
                    row.PushesMet, row.GuidanceMet, row.TrainingMet));
        }
        var name = regionCode.Length == 0 ? "全国" : (await regions.FindAsync(regionCode, ct))?.PlainName ?? regionCode;
        var total = new CoverageRow(regionCode, name, children.Sum(c => c.Target), children.Sum(c => c.Complete), children.Sum(c => c.PushesMet),
            children.Sum(c => c.GuidanceMet), children.Sum(c => c.TrainingMet));
        return new CoverageReport(year, total, regionCode.Length >= 12 ? [] : children);
    }
}
