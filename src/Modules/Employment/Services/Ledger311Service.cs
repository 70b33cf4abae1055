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
        var lines = await CountsAsync(regionCode, year, ct);
        var childLength = regionCode.Length switch { 0 => 2, 2 => 4, 4 => 6, 6 => 9, _ => 12 };
        var children = new List<CoverageRow>();
        foreach (var group in lines.GroupBy(l => l.Village[..childLength]).OrderBy(g => g.Key, StringComparer.Ordinal))
            children.Add(Row(group.Key, (await regions.FindAsync(group.Key, ct))?.PlainName ?? group.Key, group.Select(g => g.Counts)));
        var name = regionCode.Length == 0 ? "全国" : (await regions.FindAsync(regionCode, ct))?.PlainName ?? regionCode;
        return new CoverageReport(year, Row(regionCode, name, lines.Select(l => l.Counts)), regionCode.Length >= 12 ? [] : children);
    }

    private static CoverageRow Row(string code, string name, IEnumerable<ServiceCounts> counts)
    {
        var list = counts.ToList();
        return new CoverageRow(code, name, list.Count, list.Count(c => c.Complete), list.Count(c => c.PushesMet),
            list.Count(c => c.GuidanceMet), list.Count(c => c.TrainingMet));
    }
}
