using Bangfu.Employment.Referrals;
using Bangfu.Employment.Services;
using Bangfu.Employment.Transport;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Data;
using Bangfu.Registry.Regions;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Reports;

/// <summary>
/// The employment-services figures of one region for one month (issue 4, "Reports and acceptance"). Counts of people
/// and records; <see cref="CoveragePercent"/> in percent with one decimal.
/// </summary>
/// <param name="OpenVacancies">Vacancies open during the month (see <see cref="ServicesReport"/>) whose workplace or managing region lies in the region.</param>
/// <param name="JobsOffered">The headcount of those vacancies (people wanted).</param>
/// <param name="Pushes">Job-information pushes (推送岗位信息 service records) dated in the month.</param>
/// <param name="Guidance">Career guidance (职业指导) records dated in the month.</param>
/// <param name="Training">Free skills-training referrals (免费技能培训信息) dated in the month.</param>
/// <param name="CoverageTarget">People owed 311 service in the month's year (the 311 ledger, <see cref="Ledger311Service.CoverageAsync"/>).</param>
/// <param name="CoverageComplete">Of them, those fully served (≥ 3 pushes, ≥ 1 guidance, ≥ 1 training referral).</param>
/// <param name="Referrals">Referrals made (推荐日期) in the month.</param>
/// <param name="Placements">Placements starting (上岗日期) in the month.</param>
/// <param name="Due3">Follow-ups at 3 months falling due in the month.</param>
/// <param name="Retained3">Of them, those that found the person still employed.</param>
/// <param name="Due6">Follow-ups at 6 months falling due in the month.</param>
/// <param name="Retained6">Of them, those that found the person still employed.</param>
/// <param name="Transported">People carried point to point, by departure date (<see cref="TransportReport"/>, 人数).</param>
/// <param name="FairsHeld">Offline job fairs (招聘会) held in the month whose venue lies in the region.</param>
/// <param name="FairAttendees">People of the region (home village, within the caller's scope) signed in at a fair held in the month.</param>
public sealed record ServicesFigures(string RegionCode, string RegionName, int OpenVacancies, int JobsOffered, int Pushes,
    int Guidance, int Training, int CoverageTarget, int CoverageComplete, int Referrals, int Placements, int Due3,
    int Retained3, int Due6, int Retained6, int Transported, int FairsHeld, int FairAttendees)
{
    public double CoveragePercent => CoverageRow.Percent(CoverageComplete, CoverageTarget);
}

/// <summary>
/// 就业服务统计: the figures of <see cref="ServicesFigures"/> for each child region of a region (villages under a
/// township) and the total (last row), for a month.
/// <para>Definitions. A vacancy is open during the month when it was published (state 已发布 or 已招满; withdrawn ones
/// are left out, the withdrawal date is not kept) on or before the month's last day (local date of publication) and
/// expires on or after its first day. Vacancies are not personal data and count by workplace or managing region;
/// everything else counts by the person's home village and only within the caller's scope (the global filter).
/// Retention: a follow-up at 3 (6) months due in the month counts as due; it counts as retained when recorded "still
/// employed". A follow-up cancelled because the job was lost earlier counts as due and not retained. 311 coverage is
/// the ledger's coverage of the month's year (the Hunan "311" service counts a calendar year; docs/employment-services.md).</para>
/// </summary>
public sealed class ServicesReport(AppDbContext db, RegionDirectory regions, Ledger311Service ledger, TransportReport transport, TimeProvider clock)
{
    /// <summary>Whether the caller may ask for the region: a code of 0, 2, 4, 6, 9 or 12 digits inside the caller's scope.</summary>
    public bool IsInScope(string regionCode) => transport.IsInScope(regionCode);

    /// <summary>A row per child region that the region tree knows (plus codes it does not know that have figures), then the total.</summary>
    public async Task<IReadOnlyList<ServicesFigures>> ByRegionAsync(string regionCode, int year, int month, CancellationToken ct = default)
    {
        var from = new DateOnly(year, month, 1);
        var to = from.AddMonths(1).AddDays(-1);
        var zone = clock.LocalTimeZone;

        var vacancies = (await db.Set<Vacancy>().AsNoTracking()
                .Where(v => (v.State == VacancyState.Published || v.State == VacancyState.Filled) && v.PublishedAt != null && v.ExpiresOn >= from
                            && (v.WorkplaceRegionCode.StartsWith(regionCode) || v.ManagingRegionCode.StartsWith(regionCode)))
                .Select(v => new { v.WorkplaceRegionCode, v.ManagingRegionCode, v.Headcount, v.PublishedAt })
                .ToListAsync(ct))
            .Where(v => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(v.PublishedAt!.Value, zone).DateTime) <= to)
            .ToList();
        var services = await db.Set<ServiceRecord>().AsNoTracking()
            .Where(s => s.RegionCode.StartsWith(regionCode) && s.Date >= from && s.Date <= to)
            .Select(s => new { s.RegionCode, s.Kind }).ToListAsync(ct);
        var referrals = await db.Set<Referral>().AsNoTracking()
            .Where(r => r.RegionCode.StartsWith(regionCode) && r.ReferredOn >= from && r.ReferredOn <= to)
            .Select(r => r.RegionCode).ToListAsync(ct);
        var placements = await db.Set<Placement>().AsNoTracking()
            .Where(p => p.RegionCode.StartsWith(regionCode) && p.StartDate >= from && p.StartDate <= to)
            .Select(p => p.RegionCode).ToListAsync(ct);
        var followUps = await db.Set<FollowUp>().AsNoTracking()
            .Where(f => f.RegionCode.StartsWith(regionCode) && f.DueOn >= from && f.DueOn <= to && (f.MonthsAfterStart == 3 || f.MonthsAfterStart == 6))
            .Select(f => new { f.RegionCode, f.MonthsAfterStart, Retained = f.DoneOn != null && f.StillEmployed == true }).ToListAsync(ct);
        var fairs = await db.Set<Fairs.JobFair>().AsNoTracking()
            .Where(f => f.Date >= from && f.Date <= to).Select(f => new { f.Id, f.VenueRegionCode }).ToListAsync(ct);
        var fairIds = fairs.Select(f => f.Id).ToList();
        var attendees = fairIds.Count == 0 ? [] : await db.Set<Fairs.FairAttendance>().AsNoTracking()
            .Where(a => fairIds.Contains(a.FairId) && a.RegionCode.StartsWith(regionCode)).Select(a => a.RegionCode).ToListAsync(ct);
        var coverage = await ledger.CoverageAsync(regionCode, year, ct);
        var carried = await transport.ByRegionAsync(regionCode, ReportPeriod.Month(year, month), ct);

        ServicesFigures Figures(string code, string name)
        {
            var open = vacancies.Where(v => v.WorkplaceRegionCode.StartsWith(code, StringComparison.Ordinal) || v.ManagingRegionCode.StartsWith(code, StringComparison.Ordinal)).ToList();
            bool In(string r) => r.StartsWith(code, StringComparison.Ordinal);
            var kinds = services.Where(s => In(s.RegionCode)).ToLookup(s => s.Kind);
            var cover = code == regionCode ? coverage.Total : coverage.Children.FirstOrDefault(c => c.Code == code);
            var due = followUps.Where(f => In(f.RegionCode)).ToList();
            return new ServicesFigures(code, name, open.Count, open.Sum(v => v.Headcount),
                kinds[ServiceKind.JobPush].Count(), kinds[ServiceKind.CareerGuidance].Count(), kinds[ServiceKind.TrainingReferral].Count(),
                cover?.Target ?? 0, cover?.Complete ?? 0, referrals.Count(In), placements.Count(In),
                due.Count(f => f.MonthsAfterStart == 3), due.Count(f => f.MonthsAfterStart == 3 && f.Retained),
                due.Count(f => f.MonthsAfterStart == 6), due.Count(f => f.MonthsAfterStart == 6 && f.Retained),
                carried.FirstOrDefault(c => c.RegionCode == code)?.Persons ?? 0,
                fairs.Count(f => In(f.VenueRegionCode)), attendees.Count(In));
        }

        var name = regionCode.Length == 0 ? "全国" : (await regions.FindAsync(regionCode, ct))?.Name ?? regionCode;
        var rows = new List<ServicesFigures>();
        if (regionCode.Length < 12)
        {
            var childLength = regionCode.Length switch { 0 => 2, 2 => 4, 4 => 6, 6 => 9, _ => 12 };
            var children = (await regions.ChildrenAsync(regionCode.Length == 0 ? null : regionCode, ct)).Where(c => c.Code.Length == childLength).ToList();
            foreach (var child in children)
                rows.Add(Figures(child.Code, child.Level == RegionLevel.Village ? child.PlainName : child.Name));
            var known = children.Select(c => c.Code).ToHashSet();
            var orphans = services.Select(s => s.RegionCode).Concat(referrals).Concat(placements).Concat(followUps.Select(f => f.RegionCode))
                .Where(r => r.Length >= childLength).Select(r => r[..childLength]).Where(c => !known.Contains(c)).Distinct().Order(StringComparer.Ordinal);
            foreach (var orphan in orphans) rows.Add(Figures(orphan, orphan));
        }
        rows.Add(Figures(regionCode, "合计：" + name));
        return rows;
    }
}
