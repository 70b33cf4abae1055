using Bangfu.Employment.Contracts;
using Bangfu.Employment.Situations;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Platform.Time;
using Bangfu.Registry.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.MonthlyRound;

/// <summary>One person in a village's round or list: who (masked identifiers) and the situation covering the month.</summary>
public sealed record RoundEntry(PersonSummary Person, EmploymentSituation? Situation);

/// <summary>
/// Where a village's round stands for a month: whether it is closed (by whom, when), the last closed month, and how
/// many people had a change recorded in the round for this month (本月更新).
/// </summary>
public sealed record RoundState(Period Period, VillageMonth? Closed, Period? LastClosed, int ChangedThisMonth)
{
    public bool IsClosed => Closed is not null || (LastClosed is { } last && Period <= last);
}

/// <summary>A village's lists (清单), always computed from the current situations.</summary>
public enum VillageList
{
    /// <summary>人员清单: everyone registered in the village.</summary>
    Roster,
    /// <summary>劳动力: the people the round visits.</summary>
    LabourForce,
    /// <summary>返乡人员清单: came home from work away and not gone back.</summary>
    Returnees,
    /// <summary>有意愿外出务工人员清单.</summary>
    WillingToWorkAway,
    /// <summary>未就业有意愿 (the 311 target group).</summary>
    UnemployedWilling,
}

/// <summary>
/// The monthly round (月度走访) of a village: the labour force with the situation carried forward from last month,
/// changed only where something changed, then closed. A closed month is frozen; changes go to the next month.
/// Each recorded change (old and new facts) and each closed month is recorded in the audit trail (走访).
/// </summary>
public sealed class MonthlyRoundService(AppDbContext db, IPersonDirectory people, TimeProvider clock, AuditTrail audit)
{
    /// <summary>The last month the village has closed, or null.</summary>
    public async Task<Period?> LastClosedAsync(string villageCode, CancellationToken ct = default)
    {
        var closed = await db.Set<VillageMonth>().AsNoTracking().Where(v => v.RegionCode == villageCode)
            .Select(v => (int?)EF.Property<int>(v, nameof(VillageMonth.Period))).MaxAsync(ct);
        return closed is { } value ? Period.FromValue(value) : null;
    }

    public Task<bool> IsClosedAsync(string villageCode, Period period, CancellationToken ct = default) =>
        db.Set<VillageMonth>().AnyAsync(v => v.RegionCode == villageCode && v.Period == period, ct);

    /// <summary>The state of a village's round for a month (see <see cref="RoundState"/>).</summary>
    public async Task<RoundState> StateAsync(string villageCode, Period period, CancellationToken ct = default)
    {
        var closed = await db.Set<VillageMonth>().AsNoTracking()
            .SingleOrDefaultAsync(v => v.RegionCode == villageCode && v.Period == period, ct);
        // Situations recorded in the round carry no import id; those starting this month are this month's changes.
        var changed = await db.Set<EmploymentSituation>()
            .CountAsync(s => s.RegionCode == villageCode && s.FromPeriod == period && s.ImportId == null, ct);
        return new RoundState(period, closed, await LastClosedAsync(villageCode, ct), changed);
    }

    /// <summary>
    /// The month a village's round is at: the month after the last closed one (unless that is still to come), else the
    /// latest month with data up to this month, else last month.
    /// </summary>
    public async Task<Period> CurrentPeriodAsync(string villageCode, CancellationToken ct = default)
    {
        var today = clock.GetLocalNow();
        var thisMonth = new Period(today.Year, today.Month);
        if (await LastClosedAsync(villageCode, ct) is { } closed) return closed < thisMonth ? closed.Next() : closed;
        // Situations dated in a later month (a placement starting next month) do not move the round past this month.
        var latest = await db.Set<EmploymentSituation>().AsNoTracking()
            .Where(s => s.RegionCode == villageCode && s.FromPeriod <= thisMonth)
            .Select(s => (int?)EF.Property<int>(s, nameof(EmploymentSituation.FromPeriod))).MaxAsync(ct);
        return latest is { } value ? Period.FromValue(value) : thisMonth.Previous();
    }

    /// <summary>One person and the situation covering the month; null when the person is not in the caller's scope.</summary>
    public async Task<RoundEntry?> FindAsync(Guid personId, Period period, CancellationToken ct = default)
    {
        if (await people.FindAsync(personId, ct) is not { } person) return null;
        var situation = await db.Set<EmploymentSituation>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.CountyCode == person.CountyCode && s.PersonId == person.Id
                                       && s.FromPeriod <= period && (s.ToPeriod == null || s.ToPeriod > period), ct);
        return new RoundEntry(person, situation);
    }

    /// <summary>The people of a village list for a month, by person number.</summary>
    public async Task<IReadOnlyList<RoundEntry>> ListAsync(string villageCode, Period period, VillageList list, CancellationToken ct = default)
    {
        var covering = (await db.Set<EmploymentSituation>().AsNoTracking()
                .Where(s => s.RegionCode == villageCode && s.FromPeriod <= period && (s.ToPeriod == null || s.ToPeriod > period))
                .ToListAsync(ct))
            .ToDictionary(s => s.PersonId);
        var rows = (await people.InVillageAsync(villageCode, ct))
            .Select(p => new RoundEntry(p, covering.GetValueOrDefault(p.Id)))
            .ToList();
        return list == VillageList.Roster ? rows : rows.Where(r => Belongs(r, list)).ToList();
    }

    /// <summary>Whether a person of the village's roster is on the given list.</summary>
    public static bool Belongs(RoundEntry entry, VillageList list) => list switch
    {
        VillageList.Roster => true,
        VillageList.LabourForce => entry.Situation is { InLabourForce: true },
        VillageList.Returnees => entry.Situation is { ReturnedOn: not null, Employed: false } or { ReturnedOn: not null, Workplace: WorkplaceKind.InCounty },
        VillageList.WillingToWorkAway => entry.Situation is { WillingToWorkAway: true },
        VillageList.UnemployedWilling => entry.Situation is { Status: EmploymentStatus.UnemployedWilling },
        _ => false,
    };

    /// <summary>
    /// Records a person's situation from <paramref name="period"/> on: the situation covering the month is kept when
    /// nothing changes, replaced when it began this month, otherwise ended here and followed by the new one.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such person in the caller's scope.</exception>
    /// <exception cref="InvalidOperationException">The village has closed this month (or a later one).</exception>
    public async Task SetAsync(Guid personId, Period period, SituationChange change, string? userName, CancellationToken ct = default)
    {
        var person = await people.FindAsync(personId, ct)
                     ?? throw new KeyNotFoundException("找不到此人，或不在您的管辖范围内。");
        if (await LastClosedAsync(person.RegionCode, ct) is { } closed && period <= closed)
            throw new InvalidOperationException($"本村 {closed.ToChinese()} 已关账，只能更新 {closed.Next().ToChinese()} 及以后的情况。");

        var situations = db.Set<EmploymentSituation>().Where(s => s.CountyCode == person.CountyCode && s.PersonId == person.Id);
        var cover = await situations.SingleOrDefaultAsync(s => s.FromPeriod <= period && (s.ToPeriod == null || s.ToPeriod > period), ct);
        var next = new EmploymentSituation
        {
            CountyCode = person.CountyCode,
            RegionCode = person.RegionCode,
            PersonId = person.Id,
            HouseholdId = person.HouseholdId,
            FromPeriod = period,
            InLabourForce = cover?.InLabourForce ?? true,
            MonthsWorked = cover?.MonthsWorked,
            WillingToWorkAway = change.WillingToWorkAway ?? cover?.WillingToWorkAway,
            RecordedAt = clock.GetUtcNow(),
            RecordedBy = userName,
        };
        Apply(next, change);
        if (cover is not null && SameFacts(cover, next)) return;
        var old = cover is null ? null : Facts(cover);
        var before = cover is not null && cover.FromPeriod == period
            ? await situations.SingleOrDefaultAsync(s => s.ToPeriod == period, ct)
            : null;
        if (cover is not null && before is not null && SameFacts(before, next))
        {
            // The change recorded this month is undone: last month's situation carries forward again.
            before.ToPeriod = cover.ToPeriod;
            db.Remove(cover);
        }
        else if (cover is not null && cover.FromPeriod == period)
        {
            Copy(next, cover);
        }
        else
        {
            next.ToPeriod = cover is not null
                ? cover.ToPeriod
                : await situations.Where(s => s.FromPeriod > period).Select(s => (Period?)s.FromPeriod).MinAsync(ct);
            if (cover is not null) cover.ToPeriod = period;
            db.Add(next);
        }
        await db.SaveChangesAsync(ct);
        // The person by id only: the name and identifiers stay out of the trail; the facts are no personal identifiers.
        await audit.RecordAsync(new AuditEntry(AuditCategories.Round, AuditEvents.RoundSet, Target: person.Id.ToString(),
            Details: new { period = period.ToString(), old, @new = Facts(next) }, RegionCode: person.RegionCode), ct);
    }

    // The facts of a situation as the audit trail records them (the labels the round's form uses).
    private static Dictionary<string, string?> Facts(EmploymentSituation s) => new()
    {
        ["状态"] = s.Status switch
        {
            EmploymentStatus.NotInLabourForce => "非劳动力",
            EmploymentStatus.WageEmployed => "务工",
            EmploymentStatus.Workshop => "帮扶车间就业",
            EmploymentStatus.PublicWelfareJob => "公益性岗位",
            EmploymentStatus.SelfEmployed => "自主创业",
            EmploymentStatus.UnemployedWilling => "未就业有意愿",
            _ => "未就业无意愿",
        },
        ["务工地点"] = s.Workplace switch
        {
            WorkplaceKind.OutsideProvince => "省外",
            WorkplaceKind.InProvinceOutsideCounty => "省内县外",
            WorkplaceKind.InCounty => "县内",
            WorkplaceKind.Unknown => "不明",
            _ => null,
        },
        ["务工地区划"] = s.WorkplaceRegionCode,
        ["用人单位"] = s.EmployerName,
        ["返乡日期"] = s.ReturnedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["有意愿外出务工"] = s.WillingToWorkAway switch { true => "是", false => "否", null => null },
    };

    /// <summary>Closes the month for a village (报送): the month's situations are frozen from now on.</summary>
    /// <exception cref="InvalidOperationException">Already closed, a later month is already closed, or the month is still to come.</exception>
    public async Task CloseAsync(string villageCode, Period period, string? userName, CancellationToken ct = default)
    {
        var today = clock.GetLocalNow();
        if (period > new Period(today.Year, today.Month))
            throw new InvalidOperationException($"{period.ToChinese()} 还没有到，不能关账。");
        if (await LastClosedAsync(villageCode, ct) is { } closed && period <= closed)
            throw new InvalidOperationException(closed == period ? $"{period.ToChinese()} 已经关账。" : $"已关账到 {closed.ToChinese()}，不能再关更早的月份。");
        if ((await people.InVillageAsync(villageCode, ct)).Count == 0)
            throw new KeyNotFoundException("该村没有登记人员，或不在您的管辖范围内。");
        db.Add(new VillageMonth { CountyCode = villageCode[..6], RegionCode = villageCode, Period = period, ClosedAt = clock.GetUtcNow(), ClosedBy = userName });
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEntry(AuditCategories.Round, AuditEvents.RoundClose, Target: villageCode,
            Details: new { period = period.ToString(), old = "未关账", @new = "已关账" }, RegionCode: villageCode), ct);
    }

    /// <summary>
    /// Reopens the village's last closed month so it can be corrected (the county's decision; the month counts as not
    /// reported again until it is closed anew). Only the last closed month can be reopened, so the months stay in order.
    /// </summary>
    /// <exception cref="InvalidOperationException">The month is not the village's last closed month.</exception>
    public async Task ReopenAsync(string villageCode, Period period, CancellationToken ct = default)
    {
        var closed = await db.Set<VillageMonth>().SingleOrDefaultAsync(v => v.RegionCode == villageCode && v.Period == period, ct)
                     ?? throw new InvalidOperationException($"{period.ToChinese()} 没有关账，不需要重新打开。");
        if (await LastClosedAsync(villageCode, ct) != period)
            throw new InvalidOperationException("只能重新打开最近关账的月份。");
        db.Remove(closed);
        await db.SaveChangesAsync(ct);
    }

    private static void Apply(EmploymentSituation s, SituationChange c)
    {
        s.Status = c.Status;
        s.Employed = c.Status is EmploymentStatus.WageEmployed or EmploymentStatus.Workshop or EmploymentStatus.SelfEmployed;
        s.Workshop = c.Status == EmploymentStatus.Workshop;
        s.SelfEmployed = c.Status == EmploymentStatus.SelfEmployed;
        s.PublicWelfareJob = c.Status == EmploymentStatus.PublicWelfareJob;
        s.InLabourForce = c.Status != EmploymentStatus.NotInLabourForce;
        s.Workplace = !s.Employed ? WorkplaceKind.None
            : c.Status is EmploymentStatus.Workshop ? WorkplaceKind.InCounty
            : c.Workplace == WorkplaceKind.None ? WorkplaceKind.Unknown : c.Workplace;
        s.WorkplaceRegionCode = s.Employed ? c.WorkplaceRegionCode : null;
        s.EmployerName = s.Employed || s.PublicWelfareJob ? c.EmployerName : null;
        s.WillingToWork = c.Status switch
        {
            EmploymentStatus.UnemployedWilling => true,
            EmploymentStatus.UnemployedNotWilling => false,
            _ => s.WillingToWork,
        };
        s.ReturnedOn = c.ReturnedOn;
    }

    private static bool SameFacts(EmploymentSituation a, EmploymentSituation b) =>
        a.Status == b.Status && a.Employed == b.Employed && a.Workplace == b.Workplace && a.Workshop == b.Workshop
        && a.PublicWelfareJob == b.PublicWelfareJob && a.SelfEmployed == b.SelfEmployed && a.InLabourForce == b.InLabourForce
        && a.WorkplaceRegionCode == b.WorkplaceRegionCode && a.EmployerName == b.EmployerName && a.ReturnedOn == b.ReturnedOn
        && a.WillingToWork == b.WillingToWork && a.WillingToWorkAway == b.WillingToWorkAway;

    private static void Copy(EmploymentSituation from, EmploymentSituation to)
    {
        to.Status = from.Status;
        to.Employed = from.Employed;
        to.Workplace = from.Workplace;
        to.Workshop = from.Workshop;
        to.PublicWelfareJob = from.PublicWelfareJob;
        to.SelfEmployed = from.SelfEmployed;
        to.InLabourForce = from.InLabourForce;
        to.WorkplaceRegionCode = from.WorkplaceRegionCode;
        to.EmployerName = from.EmployerName;
        to.ReturnedOn = from.ReturnedOn;
        to.WillingToWork = from.WillingToWork;
        to.WillingToWorkAway = from.WillingToWorkAway;
        to.RecordedAt = from.RecordedAt;
        to.RecordedBy = from.RecordedBy;
        to.ImportId = null;
    }
}
