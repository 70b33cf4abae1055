using Bangfu.Employment.Contracts;
using Bangfu.Employment.MonthlyRound;
using Bangfu.Employment.Referrals;
using Bangfu.Employment.Services;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Time;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Tests.Referrals;

/// <summary>Referral → outcome → placement → follow-ups, on the seed roster imported for 2021-12.</summary>
public sealed class ReferralTests : DatabaseTest
{
    private const string Hejiawan = "430182106209";
    private const string Shibadong = "433124110226";
    private static readonly Period December = Period.Parse("2021-12");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Assert.Equal(930, (await ImportAsync(Fixtures.SeedVillages, "2021-12")).PersonsNew);
    }

    [Fact]
    public async Task A_hire_places_the_person_sets_the_months_situation_and_brings_follow_ups_at_1_3_and_6_months()
    {
        var person = (await ListAsync(Hejiawan, December, VillageList.UnemployedWilling))[0].Person.Id;
        var referral = await InReferrals(r => r.CreateAsync(new ReferralInput(person, null, "普工", "比亚迪长沙工厂", ReferralSource.Fair, new DateOnly(2022, 1, 10)), "测试"));

        var result = await InReferrals(r => r.RecordOutcomeAsync(referral.Id, ReferralOutcome.Hired, new DateOnly(2022, 1, 20),
            new PlacementInput(null, "比亚迪长沙工厂", new DateOnly(2022, 1, 31), 5200m, "430121"), "测试"));

        Assert.NotNull(result);
        Assert.Equal(Period.Parse("2022-01"), result.SituationFrom);
        var january = await SituationAsync(person, Period.Parse("2022-01"));
        Assert.Equal((EmploymentStatus.WageEmployed, WorkplaceKind.InProvinceOutsideCounty, "430121", "比亚迪长沙工厂"),
            (january.Status, january.Workplace, january.WorkplaceRegionCode, january.EmployerName));
        Assert.Equal(EmploymentStatus.UnemployedWilling, (await SituationAsync(person, December)).Status);
        Assert.Equal(520000, result.Placement.MonthlyWageFen);
        var followUps = (await InReferrals(r => r.OpenFollowUpsAsync(Hejiawan))).Where(t => t.Person.Id == person).Select(t => t.FollowUp).ToList();
        // 31 January + 1 month is the last day of February; + 3 and + 6 months keep the 30th/31st where the month has it.
        Assert.Equal([(1, new DateOnly(2022, 2, 28)), (3, new DateOnly(2022, 4, 30)), (6, new DateOnly(2022, 7, 31))],
            followUps.Select(f => (f.MonthsAfterStart, f.DueOn)).ToList());
        Assert.Single(await InReferrals(r => r.OpenFollowUpsAsync(Hejiawan, new DateOnly(2022, 3, 1))), t => t.Person.Id == person);
        Assert.DoesNotContain(await ListAsync(Hejiawan, Period.Parse("2022-01"), VillageList.UnemployedWilling), e => e.Person.Id == person);
    }

    [Fact]
    public async Task A_placement_starting_in_a_closed_month_takes_effect_from_the_first_open_month()
    {
        var person = (await ListAsync(Hejiawan, December, VillageList.UnemployedWilling))[0].Person.Id;
        await using (var scope = Services.InScope())
        {
            await scope.Get<MonthlyRoundService>().CloseAsync(Hejiawan, December, "测试");
            await scope.Get<MonthlyRoundService>().CloseAsync(Hejiawan, Period.Parse("2022-01"), "测试");
        }

        var result = await InReferrals(r => r.PlaceAsync(person, null, new PlacementInput(null, "步步高", new DateOnly(2022, 1, 5), 4000m, "430182106"), "测试"));

        Assert.Equal(Period.Parse("2022-02"), result.SituationFrom);
        Assert.Equal(EmploymentStatus.UnemployedWilling, (await SituationAsync(person, Period.Parse("2022-01"))).Status);
        var february = await SituationAsync(person, Period.Parse("2022-02"));
        Assert.Equal((EmploymentStatus.WageEmployed, WorkplaceKind.InCounty), (february.Status, february.Workplace));
    }

    [Fact]
    public async Task A_follow_up_that_finds_the_job_lost_puts_the_person_back_on_the_list_and_cancels_the_later_follow_ups()
    {
        var person = (await ListAsync(Hejiawan, December, VillageList.UnemployedWilling))[0].Person.Id;
        await InReferrals(r => r.PlaceAsync(person, null, new PlacementInput(null, "某电子厂", new DateOnly(2022, 1, 3), 4800m, "440310"), "测试"));
        var tasks = (await InReferrals(r => r.OpenFollowUpsAsync(Hejiawan))).Where(t => t.Person.Id == person).ToList();
        Assert.Equal(WorkplaceKind.OutsideProvince, (await SituationAsync(person, Period.Parse("2022-01"))).Workplace);

        await InReferrals(r => r.CompleteFollowUpAsync(tasks[0].FollowUp.Id, new DateOnly(2022, 2, 5), true, 4900m, null, "测试"));
        var lostFrom = await InReferrals(r => r.CompleteFollowUpAsync(tasks[1].FollowUp.Id, new DateOnly(2022, 4, 8), false, null, "厂里裁员", "测试"));

        Assert.Equal(Period.Parse("2022-04"), lostFrom);
        Assert.Equal(EmploymentStatus.WageEmployed, (await SituationAsync(person, Period.Parse("2022-03"))).Status);
        Assert.Contains(await ListAsync(Hejiawan, Period.Parse("2022-04"), VillageList.UnemployedWilling), e => e.Person.Id == person);
        Assert.DoesNotContain(await InReferrals(r => r.OpenFollowUpsAsync(Hejiawan)), t => t.Person.Id == person);
        await Assert.ThrowsAsync<InvalidOperationException>(() => InReferrals(r => r.CompleteFollowUpAsync(tasks[2].FollowUp.Id, new DateOnly(2022, 7, 5), true, null, null, "测试")));
        // Back in the 311 worklist for the year.
        await using var scope = Services.InScope();
        var worklist = await scope.Get<Ledger311Service>().LedgerAsync(Hejiawan, 2022, worklistOnly: true);
        Assert.Contains(worklist, l => l.Person.Id == person);
    }

    [Fact]
    public async Task An_outcome_is_recorded_once_and_a_hire_needs_its_placement()
    {
        var person = (await ListAsync(Hejiawan, December, VillageList.UnemployedWilling))[0].Person.Id;
        var referral = await InReferrals(r => r.CreateAsync(new ReferralInput(person, null, "保洁员", "十八洞村委会", ReferralSource.WalkIn, new DateOnly(2022, 3, 1)), "测试"));

        var noPlacement = await Assert.ThrowsAsync<ArgumentException>(() => InReferrals(r => r.RecordOutcomeAsync(referral.Id, ReferralOutcome.Hired, new DateOnly(2022, 3, 2), null, "测试")));
        Assert.Contains("上岗信息", noPlacement.Message);
        await InReferrals(r => r.RecordOutcomeAsync(referral.Id, ReferralOutcome.NoShow, new DateOnly(2022, 3, 2), null, "测试"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => InReferrals(r => r.RecordOutcomeAsync(referral.Id, ReferralOutcome.Declined, new DateOnly(2022, 3, 3), null, "测试")));
        Assert.Equal(ReferralOutcome.NoShow, (await InReferrals(r => r.FindReferralAsync(referral.Id)))!.Outcome);
        Assert.Equal(EmploymentStatus.UnemployedWilling, (await SituationAsync(person, Period.Parse("2022-03"))).Status);
    }

    [Fact]
    public async Task A_village_officer_cannot_refer_place_or_follow_up_a_person_of_another_village()
    {
        var stranger = (await ListAsync(Shibadong, December, VillageList.UnemployedWilling))[0].Person.Id;
        await InReferrals(r => r.PlaceAsync(stranger, null, new PlacementInput(null, "十八洞村委会", new DateOnly(2022, 1, 3), 1800m, "433124110226"), "测试"));
        var task = (await InReferrals(r => r.OpenFollowUpsAsync(Shibadong)))[0];
        var officer = RegionScope.Of(Hejiawan);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => InReferrals(r => r.CreateAsync(new ReferralInput(stranger, null, "保安员", "某公司", ReferralSource.Push, new DateOnly(2022, 1, 2)), "贺家湾村干部"), officer));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => InReferrals(r => r.PlaceAsync(stranger, null, new PlacementInput(null, "某公司", new DateOnly(2022, 1, 3), 3000m, "430182"), "贺家湾村干部"), officer));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => InReferrals(r => r.CompleteFollowUpAsync(task.FollowUp.Id, new DateOnly(2022, 2, 3), false, null, null, "贺家湾村干部"), officer));
        Assert.Empty(await InReferrals(r => r.OpenFollowUpsAsync(""), officer));
        Assert.Equal(EmploymentStatus.WageEmployed, (await SituationAsync(stranger, Period.Parse("2022-02"))).Status);
    }

    [Fact]
    public async Task A_start_date_after_next_month_is_refused_and_one_next_month_does_not_move_the_round_or_matching_ahead()
    {
        var people = await ListAsync(Hejiawan, December, VillageList.UnemployedWilling);
        var today = await InReferrals(r => Task.FromResult(r.Today));
        var endOfNextMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(2).AddDays(-1);

        var far = await Assert.ThrowsAsync<ArgumentException>(() => InReferrals(r => r.PlaceAsync(people[0].Person.Id, null,
            new PlacementInput(null, "某电子厂", new DateOnly(2099, 1, 1), 4500m, "430111"), "测试")));
        Assert.Contains($"上岗日期不能晚于 {endOfNextMonth:yyyy-MM-dd}", far.Message);
        Assert.Equal("StartDate", far.ParamName);

        await using var s = Services.InScope();
        var round = s.Get<MonthlyRoundService>();
        var matching = s.Get<Bangfu.Employment.Matching.MatchingService>();
        var (roundBefore, matchingBefore) = (await round.CurrentPeriodAsync(Hejiawan), await matching.LatestPeriodAsync("4301"));
        await InReferrals(r => r.PlaceAsync(people[1].Person.Id, null,
            new PlacementInput(null, "某电子厂", endOfNextMonth, 4500m, "430111"), "测试"));

        Assert.Equal(Period.Of(endOfNextMonth), Period.Of((await SituationsFromAsync(people[1].Person.Id)).Max()));
        Assert.Equal(roundBefore, await round.CurrentPeriodAsync(Hejiawan));
        Assert.Equal(matchingBefore, await matching.LatestPeriodAsync("4301"));
    }

    private async Task<IReadOnlyList<DateOnly>> SituationsFromAsync(Guid person)
    {
        await using var s = Services.InScope();
        var periods = await s.Get<AppDbContext>().Set<EmploymentSituation>().Where(x => x.PersonId == person).Select(x => x.FromPeriod).ToListAsync();
        return periods.Select(p => p.FirstDay).ToList();
    }

    private async Task<T> InReferrals<T>(Func<ReferralService, Task<T>> use, RegionScope? scope = null)
    {
        await using var s = Services.InScope(scope);
        return await use(s.Get<ReferralService>());
    }

    private async Task<IReadOnlyList<RoundEntry>> ListAsync(string village, Period period, VillageList list)
    {
        await using var s = Services.InScope();
        return await s.Get<MonthlyRoundService>().ListAsync(village, period, list);
    }

    private async Task<EmploymentSituation> SituationAsync(Guid person, Period period)
    {
        await using var s = Services.InScope();
        return (await s.Get<MonthlyRoundService>().FindAsync(person, period))?.Situation ?? throw new InvalidOperationException("no situation");
    }
}
