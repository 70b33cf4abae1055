using Bangfu.Employment.Contracts;
using Bangfu.Employment.MonthlyRound;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Platform.Time;
using Bangfu.Registry.Contracts;
using Bangfu.Registry.Regions;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Referrals;

/// <summary>A referral as a cadre enters it.</summary>
public sealed record ReferralInput(Guid PersonId, Guid? VacancyId, string JobTitle, string EmployerName, ReferralSource Source, DateOnly ReferredOn);

/// <summary>A placement as a cadre enters it: employer, start date, monthly wage in yuan, workplace region code.</summary>
public sealed record PlacementInput(Guid? EmployerId, string EmployerName, DateOnly StartDate, decimal MonthlyWage, string WorkplaceRegionCode);

/// <summary>A placement made, and the month from which the person's situation says employed.</summary>
public sealed record PlacementResult(Placement Placement, Period SituationFrom);

/// <summary>An open follow-up with its person, for the cadre's worklist.</summary>
public sealed record FollowUpTask(FollowUp FollowUp, Placement Placement, PersonSummary Person);

/// <summary>
/// Referral → outcome → placement → follow-ups (推荐 → 结果 → 安置 → 跟踪回访).
/// <para>A placement sets the person's employment situation (wage work, the workplace relative to the home village, the
/// employer) from the month of the start through the monthly round (<see cref="MonthlyRoundService.SetAsync"/>); when
/// that month is already closed, from the first open month (a closed month stays frozen, as for the round).</para>
/// <para>Follow-ups fall due 1, 3 and 6 calendar months after the start. A follow-up that finds the job lost ends the
/// placement, cancels the later follow-ups and puts the person back to 未就业有意愿 from the month of the follow-up (or
/// the first open month), so they return to the 311 target group and the push lists.</para>
/// <para>Every step is recorded in the audit trail (the person by id only).</para>
/// </summary>
public sealed class ReferralService(AppDbContext db, IPersonDirectory people, MonthlyRoundService round, RegionDirectory regions,
    TimeProvider clock, AuditTrail audit)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The earliest referral or outcome date (<see cref="RegistryYears"/>); an earlier date is a typing error.</summary>
    public static readonly DateOnly EarliestDate = RegistryYears.FirstDay;

    /// <exception cref="ArgumentException">Invalid input (Chinese message, ParamName = the field): a referral date after today or
    /// before <see cref="EarliestDate"/> (ParamName "ReferredOn"); a vacancy id that is no vacancy (ParamName "Vacancy"); a second online-interest referral of the person to the same vacancy.</exception>
    /// <exception cref="KeyNotFoundException">The person is unknown or outside the caller's scope.</exception>
    public async Task<Referral> CreateAsync(ReferralInput input, string? by, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(input.JobTitle)) throw new ArgumentException("请填写岗位名称。", nameof(input.JobTitle));
        if (input.JobTitle.Trim().Length > 100) throw new ArgumentException("岗位名称最多 100 个字。", nameof(input.JobTitle));
        if (string.IsNullOrWhiteSpace(input.EmployerName)) throw new ArgumentException("请填写用人单位。", nameof(input.EmployerName));
        if (input.EmployerName.Trim().Length > 200) throw new ArgumentException("用人单位最多 200 个字。", nameof(input.EmployerName));
        if (!Enum.IsDefined(input.Source)) throw new ArgumentException("请选择推荐来源。", nameof(input.Source));
        if (input.ReferredOn > Today) throw new ArgumentException("推荐日期不能晚于今天。", nameof(input.ReferredOn));
        if (input.ReferredOn < EarliestDate)
            throw new ArgumentException($"推荐日期不能早于{EarliestDate.Year}年（建档立卡信息从{EarliestDate.Year}年起），请核对年份。", nameof(input.ReferredOn));
        var person = await people.FindAsync(input.PersonId, ct) ?? throw new KeyNotFoundException("找不到此人，或不在您的管辖范围内。");
        if (input.VacancyId is { } vacancyId)
        {
            if (!await db.Set<Vacancies.Vacancy>().AnyAsync(v => v.Id == vacancyId, ct)) throw new ArgumentException("找不到所选的岗位，请重新选择。", "Vacancy");
            // One online-interest referral per person and vacancy (the unique index of ReferralConfiguration).
            if (input.Source == ReferralSource.OnlineInterest && await db.Set<Referral>().AnyAsync(r => r.CountyCode == person.CountyCode
                    && r.PersonId == person.Id && r.VacancyId == vacancyId && r.Source == ReferralSource.OnlineInterest, ct))
                throw new ArgumentException("此人已有该岗位的网上报名推荐，不必重复登记。", nameof(input.Source));
        }
        var referral = new Referral
        {
            CountyCode = person.CountyCode, RegionCode = person.RegionCode, PersonId = person.Id, VacancyId = input.VacancyId,
            JobTitle = input.JobTitle.Trim(), EmployerName = input.EmployerName.Trim(), Source = input.Source,
            ReferredOn = input.ReferredOn, ReferredBy = by, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(referral);
        await db.SaveChangesAsync(ct);
        await Audit("referral.create", person, new { referral = referral.Id, source = ReferralText.Source(input.Source), job = referral.JobTitle, employer = referral.EmployerName }, ct);
        return referral;
    }

    /// <summary>Records a referral's outcome; a hire needs the placement, which is made at once.</summary>
    /// <exception cref="ArgumentException">Invalid input (ParamName = the field: Outcome, OutcomeOn (after today or before
    /// <see cref="EarliestDate"/>), Placement, or a member of <see cref="PlacementInput"/>); a hire without a placement.</exception>
    /// <exception cref="KeyNotFoundException">No such referral in the caller's scope.</exception>
    /// <exception cref="InvalidOperationException">The outcome is already recorded, or dated before the referral.</exception>
    public async Task<PlacementResult?> RecordOutcomeAsync(Guid referralId, ReferralOutcome outcome, DateOnly on, PlacementInput? placement, string? by, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(outcome)) throw new ArgumentException("请选择推荐结果。", "Outcome");
        if (on > Today) throw new ArgumentException("结果日期不能晚于今天。", "OutcomeOn");
        if (on < EarliestDate) throw new ArgumentException($"结果日期不能早于{EarliestDate.Year}年（建档立卡信息从{EarliestDate.Year}年起），请核对年份。", "OutcomeOn");
        var referral = await db.Set<Referral>().SingleOrDefaultAsync(r => r.Id == referralId, ct) ?? throw new KeyNotFoundException("找不到该推荐记录。");
        if (outcome == ReferralOutcome.Hired && placement is null) throw new ArgumentException("已录用的，请填写上岗信息。", "Placement");
        if (placement is not null) Check(placement, Today);
        referral.RecordOutcome(outcome, on, by);
        await db.SaveChangesAsync(ct);
        var person = await people.FindAsync(referral.PersonId, ct) ?? throw new KeyNotFoundException("找不到此人，或不在您的管辖范围内。");
        await Audit("referral.outcome", person, new { referral = referral.Id, outcome = ReferralText.Outcome(outcome), date = on.ToString("yyyy-MM-dd") }, ct);
        return outcome == ReferralOutcome.Hired ? await PlaceAsync(referral.PersonId, referral.Id, placement!, by, ct) : null;
    }

    /// <summary>Makes a placement (with or without a referral): follow-ups at 1, 3, 6 months; the situation from the start month.</summary>
    /// <exception cref="ArgumentException">Invalid input.</exception>
    /// <exception cref="KeyNotFoundException">The person is unknown or outside the caller's scope.</exception>
    public async Task<PlacementResult> PlaceAsync(Guid personId, Guid? referralId, PlacementInput input, string? by, CancellationToken ct = default)
    {
        Check(input, Today);
        var person = await people.FindAsync(personId, ct) ?? throw new KeyNotFoundException("找不到此人，或不在您的管辖范围内。");
        var workplace = input.WorkplaceRegionCode.Trim();
        if (await regions.FindAsync(workplace, ct) is null) throw new ArgumentException($"工作地点“{workplace}”不是有效的行政区划代码。", nameof(input.WorkplaceRegionCode));
        var placement = new Placement
        {
            CountyCode = person.CountyCode, RegionCode = person.RegionCode, PersonId = person.Id, ReferralId = referralId,
            EmployerId = input.EmployerId, EmployerName = input.EmployerName.Trim(), StartDate = input.StartDate,
            MonthlyWageFen = Money.ToFen(input.MonthlyWage), WorkplaceRegionCode = workplace, CreatedAt = clock.GetUtcNow(), CreatedBy = by,
        };
        db.Add(placement);
        db.AddRange(FollowUp.Months.Select(m => new FollowUp
        {
            CountyCode = person.CountyCode, RegionCode = person.RegionCode, PersonId = person.Id, PlacementId = placement.Id,
            MonthsAfterStart = m, DueOn = input.StartDate.AddMonths(m),
        }));
        await db.SaveChangesAsync(ct);
        var from = await OpenMonthAsync(person.RegionCode, Period.Of(input.StartDate), ct);
        await round.SetAsync(person.Id, from, new SituationChange(EmploymentStatus.WageEmployed, WorkplaceOf(person.RegionCode, workplace), workplace, placement.EmployerName), by, ct);
        await Audit("placement.create", person, new { placement = placement.Id, employer = placement.EmployerName, start = input.StartDate.ToString("yyyy-MM-dd"),
            wage = input.MonthlyWage, workplace, situationFrom = from.ToString() }, ct);
        return new PlacementResult(placement, from);
    }

    /// <summary>Records a follow-up; a lost job ends the placement and puts the person back to unemployed and willing.</summary>
    /// <returns>The month from which the person is unemployed again, when the job was lost.</returns>
    /// <exception cref="ArgumentException">Invalid input.</exception>
    /// <exception cref="KeyNotFoundException">No such follow-up in the caller's scope.</exception>
    /// <exception cref="InvalidOperationException">Already done or cancelled.</exception>
    public async Task<Period?> CompleteFollowUpAsync(Guid followUpId, DateOnly on, bool stillEmployed, decimal? wage, string? note, string? by, CancellationToken ct = default)
    {
        if (on > Today) throw new ArgumentException("回访日期不能晚于今天。", "DoneOn");
        if (wage is < 0 or > 1_000_000) throw new ArgumentException("月工资应在 0 至 1,000,000 元之间。", "Wage");
        if (note is { Length: > 500 }) throw new ArgumentException("备注最多 500 个字。", "Note");
        var followUp = await db.Set<FollowUp>().SingleOrDefaultAsync(f => f.Id == followUpId, ct) ?? throw new KeyNotFoundException("找不到该回访任务。");
        var placement = await db.Set<Placement>().SingleAsync(p => p.CountyCode == followUp.CountyCode && p.Id == followUp.PlacementId, ct);
        if (on < placement.StartDate) throw new ArgumentException($"回访日期不能早于上岗日期 {placement.StartDate:yyyy-MM-dd}。", "DoneOn");
        followUp.Complete(on, stillEmployed, wage is { } w ? Money.ToFen(w) : null, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), by);
        Period? unemployedFrom = null;
        if (!stillEmployed)
        {
            placement.End(on);
            foreach (var later in await db.Set<FollowUp>().Where(f => f.CountyCode == placement.CountyCode && f.PlacementId == placement.Id && f.Id != followUp.Id).ToListAsync(ct))
                later.Cancel();
        }
        await db.SaveChangesAsync(ct);
        var person = await people.FindAsync(followUp.PersonId, ct) ?? throw new KeyNotFoundException("找不到此人，或不在您的管辖范围内。");
        if (!stillEmployed)
        {
            unemployedFrom = await OpenMonthAsync(person.RegionCode, Period.Of(on), ct);
            await round.SetAsync(person.Id, unemployedFrom.Value, new SituationChange(EmploymentStatus.UnemployedWilling), by, ct);
        }
        await Audit("followup.complete", person, new { followUp = followUp.Id, months = followUp.MonthsAfterStart, date = on.ToString("yyyy-MM-dd"),
            stillEmployed, wage, unemployedFrom = unemployedFrom?.ToString() }, ct);
        return unemployedFrom;
    }

    /// <summary>Referrals under a region prefix, newest first (optionally of one person).</summary>
    public async Task<IReadOnlyList<Referral>> ReferralsAsync(string prefix, Guid? personId = null, int take = 500, CancellationToken ct = default) =>
        await db.Set<Referral>().AsNoTracking().Where(r => r.RegionCode.StartsWith(prefix) && (personId == null || r.PersonId == personId))
            .OrderByDescending(r => r.ReferredOn).ThenByDescending(r => r.CreatedAt).Take(take).ToListAsync(ct);

    public Task<Referral?> FindReferralAsync(Guid id, CancellationToken ct = default) =>
        db.Set<Referral>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>The open follow-ups under a region prefix due on or before <paramref name="dueBy"/> (all open ones when null), earliest first.</summary>
    public async Task<IReadOnlyList<FollowUpTask>> OpenFollowUpsAsync(string prefix, DateOnly? dueBy = null, CancellationToken ct = default)
    {
        var open = await db.Set<FollowUp>().AsNoTracking()
            .Where(f => f.RegionCode.StartsWith(prefix) && f.DoneOn == null && !f.Cancelled && (dueBy == null || f.DueOn <= dueBy))
            .OrderBy(f => f.DueOn).Take(1000).ToListAsync(ct);
        var placementIds = open.Select(f => f.PlacementId).Distinct().ToList();
        var placements = await db.Set<Placement>().AsNoTracking().Where(p => placementIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var persons = await people.FindManyAsync(open.Select(f => f.PersonId).ToList(), ct);
        return open.Where(f => persons.ContainsKey(f.PersonId) && placements.ContainsKey(f.PlacementId))
            .Select(f => new FollowUpTask(f, placements[f.PlacementId], persons[f.PersonId])).ToList();
    }

    /// <summary>A person's placements with their follow-ups, newest first.</summary>
    public async Task<IReadOnlyList<(Placement Placement, IReadOnlyList<FollowUp> FollowUps)>> PlacementsAsync(Guid personId, CancellationToken ct = default)
    {
        var placements = await db.Set<Placement>().AsNoTracking().Where(p => p.PersonId == personId).OrderByDescending(p => p.StartDate).ToListAsync(ct);
        var ids = placements.Select(p => p.Id).ToList();
        var followUps = await db.Set<FollowUp>().AsNoTracking().Where(f => ids.Contains(f.PlacementId)).ToListAsync(ct);
        return placements.Select(p => (p, (IReadOnlyList<FollowUp>)followUps.Where(f => f.PlacementId == p.Id).OrderBy(f => f.MonthsAfterStart).ToList())).ToList();
    }

    /// <summary>Where a workplace lies relative to the home village: another province, another county of the province, or the county.</summary>
    public static WorkplaceKind WorkplaceOf(string homeVillage, string workplace) =>
        workplace.Length < 2 ? WorkplaceKind.Unknown
        : workplace[..2] != homeVillage[..2] ? WorkplaceKind.OutsideProvince
        : workplace.Length < 6 ? WorkplaceKind.Unknown
        : workplace[..6] != homeVillage[..6] ? WorkplaceKind.InProvinceOutsideCounty
        : WorkplaceKind.InCounty;

    private async Task<Period> OpenMonthAsync(string village, Period wanted, CancellationToken ct) =>
        await round.LastClosedAsync(village, ct) is { } closed && wanted <= closed ? closed.Next() : wanted;

    private static void Check(PlacementInput input, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(input.EmployerName)) throw new ArgumentException("请填写用人单位。", nameof(input.EmployerName));
        if (input.EmployerName.Trim().Length > 200) throw new ArgumentException("用人单位最多 200 个字。", nameof(input.EmployerName));
        if (input.StartDate.Year < 2015) throw new ArgumentException("上岗日期应在 2015 年以后。", nameof(input.StartDate));
        // A hire may start soon after it is recorded, not in a far month: the placement sets the person's situation from
        // that month on, and the monthly round and matching follow the months that have data.
        var latestStart = new DateOnly(today.Year, today.Month, 1).AddMonths(2).AddDays(-1);
        if (input.StartDate > latestStart)
            throw new ArgumentException($"上岗日期不能晚于 {latestStart:yyyy-MM-dd}（下月底）。尚未上岗的，请在上岗前后再登记录用结果。", nameof(input.StartDate));
        if (input.MonthlyWage is < 0 or > 1_000_000) throw new ArgumentException("月工资应在 0 至 1,000,000 元之间。", nameof(input.MonthlyWage));
        var code = input.WorkplaceRegionCode?.Trim() ?? "";
        if (code.Length is not (2 or 4 or 6 or 9 or 12) || !code.All(char.IsAsciiDigit))
            throw new ArgumentException("请选择工作地点（行政区划）。", nameof(input.WorkplaceRegionCode));
    }

    private Task Audit(string name, PersonSummary person, object details, CancellationToken ct) =>
        audit.RecordAsync(new AuditEntry(AuditCategories.Person, name, Target: person.Id.ToString(), Details: details, RegionCode: person.RegionCode), ct);
}
