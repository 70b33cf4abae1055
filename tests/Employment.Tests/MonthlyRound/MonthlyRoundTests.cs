using Bangfu.Employment.Contracts;
using Bangfu.Employment.MonthlyRound;
using Bangfu.Employment.Situations;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Time;
using Bangfu.Reporting.MonthlyDispatch;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Tests.MonthlyRound;

/// <summary>The monthly round on the seed roster of five villages, imported for 2021-12.</summary>
public sealed class MonthlyRoundTests : DatabaseTest
{
    private const string Hejiawan = "430182106209";
    private const string Shibadong = "433124110226";
    private static readonly Period December = Period.Parse("2021-12");
    private static readonly Period January = Period.Parse("2022-01");
    private static readonly Period February = Period.Parse("2022-02");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var summary = await ImportAsync(Fixtures.SeedVillages, "2021-12");
        Assert.Equal(930, summary.PersonsNew);
    }

    [Fact]
    public async Task The_months_after_an_import_carry_its_situations_forward()
    {
        var december = await ListAsync(Hejiawan, December);
        var january = await ListAsync(Hejiawan, January);

        Assert.NotEmpty(december);
        Assert.All(january, e => Assert.NotNull(e.Situation));
        Assert.Equal(december.Select(e => (e.Person.Id, e.Situation!.Id, e.Situation.Status, e.Situation.Workplace)),
            january.Select(e => (e.Person.Id, e.Situation!.Id, e.Situation.Status, e.Situation.Workplace)));
        Assert.Equal((await DispatchAsync(null, December)).Figures, (await DispatchAsync(null, January)).Figures);
    }

    [Fact]
    public async Task A_change_in_January_leaves_December_as_it_was_and_shows_in_the_January_dispatch()
    {
        var person = (await ListAsync(Hejiawan, December, VillageList.UnemployedWilling))[0].Person;
        var decemberBefore = (await DispatchAsync(Hejiawan, December)).Figures;

        await SetAsync(person.Id, January, new SituationChange(EmploymentStatus.WageEmployed, WorkplaceKind.OutsideProvince, "440310", "某电子厂"));

        Assert.Equal(decemberBefore, (await DispatchAsync(Hejiawan, December)).Figures);
        Assert.Equal(EmploymentStatus.UnemployedWilling, (await FindAsync(person.Id, December)).Status);
        var january = await FindAsync(person.Id, January);
        Assert.Equal((EmploymentStatus.WageEmployed, WorkplaceKind.OutsideProvince, "440310", "某电子厂"),
            (january.Status, january.Workplace, january.WorkplaceRegionCode, january.EmployerName));
        var figures = (await DispatchAsync(Hejiawan, January)).Figures;
        Assert.Equal(decemberBefore.Employed + 1, figures.Employed);
        Assert.Equal(decemberBefore.EmployedOutsideProvince + 1, figures.EmployedOutsideProvince);
        Assert.Equal(decemberBefore.AbleNotEmployed - 1, figures.AbleNotEmployed);
        Assert.Equal(decemberBefore.LabourForce, figures.LabourForce);
        Assert.Equal(1, (await StateAsync(Hejiawan, January)).ChangedThisMonth);
    }

    [Fact]
    public async Task A_returned_home_date_counts_in_that_months_returnees_and_puts_the_person_on_the_returnee_list()
    {
        var person = (await ListAsync(Hejiawan, December)).First(e => e.Situation is { Workplace: WorkplaceKind.OutsideProvince }).Person;
        Assert.Equal(0, (await DispatchAsync(Hejiawan, January)).Figures.ReturnedThisMonth);

        await SetAsync(person.Id, January, new SituationChange(EmploymentStatus.UnemployedWilling, ReturnedOn: new DateOnly(2022, 1, 20)));

        Assert.Equal(1, (await DispatchAsync(Hejiawan, January)).Figures.ReturnedThisMonth);
        Assert.Contains(await ListAsync(Hejiawan, January, VillageList.Returnees), e => e.Person.Id == person.Id);
        Assert.DoesNotContain(await ListAsync(Hejiawan, December, VillageList.Returnees), e => e.Person.Id == person.Id);
        // The next month the person is still a returnee, but no longer one who came back that month.
        Assert.Equal(0, (await DispatchAsync(Hejiawan, February)).Figures.ReturnedThisMonth);
        Assert.Contains(await ListAsync(Hejiawan, February, VillageList.Returnees), e => e.Person.Id == person.Id);
    }

    [Fact]
    public async Task Closing_a_month_freezes_it_and_changes_go_to_the_next_month()
    {
        var person = (await ListAsync(Hejiawan, December, VillageList.UnemployedWilling))[0].Person;
        await CloseAsync(Hejiawan, January);

        Assert.True(await InRound(r => r.IsClosedAsync(Hejiawan, January)));
        Assert.Equal(January, await InRound(r => r.LastClosedAsync(Hejiawan)));
        var change = new SituationChange(EmploymentStatus.PublicWelfareJob, EmployerName: "保洁员");
        await Assert.ThrowsAsync<InvalidOperationException>(() => SetAsync(person.Id, January, change));
        await Assert.ThrowsAsync<InvalidOperationException>(() => SetAsync(person.Id, December, change));

        await SetAsync(person.Id, February, change);

        Assert.Equal(EmploymentStatus.UnemployedWilling, (await FindAsync(person.Id, January)).Status);
        Assert.Equal(EmploymentStatus.PublicWelfareJob, (await FindAsync(person.Id, February)).Status);
        Assert.Equal(February, await InRound(r => r.CurrentPeriodAsync(Hejiawan)));
    }

    [Fact]
    public async Task Re_importing_a_closed_month_leaves_its_situations_and_says_so_once_per_village()
    {
        var before = await ListAsync(Hejiawan, December);
        var willing = before.Count(e => e.Situation?.Status == EmploymentStatus.UnemployedWilling);
        await CloseAsync(Hejiawan, December);

        var summary = await ImportAsync(Fixtures.SeedVillages, "2021-12");

        var closed = Assert.Single(summary.Issues, i => i.Rule == RosterSituationHandler.MonthClosed);
        Assert.Equal(Hejiawan, closed.VillageCode);
        Assert.Contains($"本村 {before.Count} 行", closed.Message);
        Assert.Contains($"从第 {closed.Row} 行起", closed.Message);
        var after = await ListAsync(Hejiawan, December);
        Assert.Equal(willing, after.Count(e => e.Situation?.Status == EmploymentStatus.UnemployedWilling));
        Assert.Equal(before.Select(e => (e.Person.Id, e.Situation?.Id)).Order(), after.Select(e => (e.Person.Id, e.Situation?.Id)).Order());
    }

    [Fact]
    public async Task The_last_closed_month_can_be_reopened_corrected_and_closed_again_but_not_an_earlier_one()
    {
        var person = (await ListAsync(Hejiawan, December, VillageList.UnemployedWilling))[0].Person;
        await CloseAsync(Hejiawan, December);
        await CloseAsync(Hejiawan, January);

        await Assert.ThrowsAsync<InvalidOperationException>(() => InRound(async r => { await r.ReopenAsync(Hejiawan, December); return 0; }));
        await InRound(async r => { await r.ReopenAsync(Hejiawan, January); return 0; });
        Assert.Equal(December, await InRound(r => r.LastClosedAsync(Hejiawan)));
        await SetAsync(person.Id, January, new SituationChange(EmploymentStatus.PublicWelfareJob, EmployerName: "保洁员"));
        await CloseAsync(Hejiawan, January);
        Assert.Equal(EmploymentStatus.PublicWelfareJob, (await FindAsync(person.Id, January)).Status);
    }

    [Fact]
    public async Task Closing_a_month_twice_or_an_earlier_month_or_one_still_to_come_is_refused()
    {
        await CloseAsync(Hejiawan, January);

        var twice = await Assert.ThrowsAsync<InvalidOperationException>(() => CloseAsync(Hejiawan, January));
        Assert.Contains("已经关账", twice.Message);
        var earlier = await Assert.ThrowsAsync<InvalidOperationException>(() => CloseAsync(Hejiawan, December));
        Assert.Contains("不能再关更早的月份", earlier.Message);
        var now = DateTime.Now;
        await Assert.ThrowsAsync<InvalidOperationException>(() => CloseAsync(Hejiawan, new Period(now.Year, now.Month).Next()));
        await CloseAsync(Hejiawan, February);
        Assert.Equal(February, await InRound(r => r.LastClosedAsync(Hejiawan)));
    }

    [Fact]
    public async Task The_round_opens_at_the_imported_month_and_after_closing_at_the_month_after()
    {
        Assert.Equal(December, await InRound(r => r.CurrentPeriodAsync(Hejiawan)));
        await CloseAsync(Hejiawan, December);
        Assert.Equal(January, await InRound(r => r.CurrentPeriodAsync(Hejiawan)));
    }

    [Fact]
    public async Task Willingness_recorded_in_the_round_survives_a_later_roster_import()
    {
        var entry = (await ListAsync(Hejiawan, December)).First(e => e.Situation is { Status: EmploymentStatus.WageEmployed, MonthsWorked: > 0 and < 12 });
        var s = entry.Situation!;
        await SetAsync(entry.Person.Id, January,
            new SituationChange(s.Status, s.Workplace, s.WorkplaceRegionCode, s.EmployerName, WillingToWorkAway: true));

        // February's roster changes the person's months worked, so the import ends January's situation and starts a new one.
        var (headers, rows) = RosterFiles.Read(Fixtures.SeedVillages);
        var number = RosterFiles.Column(headers, "人口编号");
        var months = RosterFiles.Column(headers, "务工时间（月）");
        rows.Single(r => r[number] == entry.Person.PersonNumber)[months] = (s.MonthsWorked + 1).ToString();
        var file = RosterFiles.WriteCsv(Database.DataDirectory, "seed-2022-02.csv", headers, rows);
        var summary = await ImportAsync(file, "2022-02");
        Assert.Equal(0, summary.RowsRefused);

        var february = await FindAsync(entry.Person.Id, February);
        Assert.Equal(February, february.FromPeriod);
        Assert.Equal(s.MonthsWorked + 1, february.MonthsWorked);
        Assert.True(february.WillingToWorkAway);
        Assert.Contains(await ListAsync(Hejiawan, February, VillageList.WillingToWorkAway), e => e.Person.Id == entry.Person.Id);
    }

    [Fact]
    public async Task Undoing_a_change_in_the_same_month_lets_last_months_situation_carry_forward_again()
    {
        var entry = (await ListAsync(Hejiawan, December)).First(e => e.Situation is { Workplace: WorkplaceKind.OutsideProvince });
        var s = entry.Situation!;
        await SetAsync(entry.Person.Id, January, new SituationChange(EmploymentStatus.UnemployedWilling, ReturnedOn: new DateOnly(2022, 1, 5)));
        await SetAsync(entry.Person.Id, January, new SituationChange(s.Status, s.Workplace, s.WorkplaceRegionCode, s.EmployerName));

        Assert.Equal(s.Id, (await FindAsync(entry.Person.Id, January)).Id);
        Assert.Equal(0, (await StateAsync(Hejiawan, January)).ChangedThisMonth);
        await using var scope = Services.InScope();
        Assert.Equal(1, await scope.Get<AppDbContext>().Set<EmploymentSituation>().CountAsync(x => x.PersonId == entry.Person.Id));
    }

    [Fact]
    public async Task A_village_officer_can_neither_see_nor_change_a_person_of_another_village()
    {
        var stranger = (await ListAsync(Shibadong, December))[0];
        var officer = RegionScope.Of(Hejiawan);
        var change = new SituationChange(EmploymentStatus.NotInLabourForce);

        Assert.Empty(await InRound(r => r.ListAsync(Shibadong, December, VillageList.Roster), officer));
        Assert.Null(await InRound(r => r.FindAsync(stranger.Person.Id, December), officer));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => InRound(async r =>
        {
            await r.SetAsync(stranger.Person.Id, January, change, "贺家湾村干部");
            return 0;
        }, officer));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => InRound(async r =>
        {
            await r.CloseAsync(Shibadong, January, "贺家湾村干部");
            return 0;
        }, officer));

        Assert.Equal(stranger.Situation!.Status, (await FindAsync(stranger.Person.Id, January)).Status);
        Assert.False(await InRound(r => r.IsClosedAsync(Shibadong, January)));
    }

    private async Task<T> InRound<T>(Func<MonthlyRoundService, Task<T>> use, RegionScope? scope = null)
    {
        await using var s = Services.InScope(scope);
        return await use(s.Get<MonthlyRoundService>());
    }

    private Task<IReadOnlyList<RoundEntry>> ListAsync(string village, Period period, VillageList list = VillageList.Roster) =>
        InRound(r => r.ListAsync(village, period, list));

    private async Task<EmploymentSituation> FindAsync(Guid personId, Period period) =>
        (await InRound(r => r.FindAsync(personId, period)))?.Situation ?? throw new InvalidOperationException("no situation");

    private Task<RoundState> StateAsync(string village, Period period) => InRound(r => r.StateAsync(village, period));

    private Task SetAsync(Guid personId, Period period, SituationChange change) =>
        InRound(async r =>
        {
            await r.SetAsync(personId, period, change, "测试");
            return 0;
        });

    private Task CloseAsync(string village, Period period) =>
        InRound(async r =>
        {
            await r.CloseAsync(village, period, "测试");
            return 0;
        });

    private async Task<DispatchRow> DispatchAsync(string? region, Period period)
    {
        await using var s = Services.InScope();
        return (await s.Get<MonthlyDispatchService>().GetAsync(region, period)).Total;
    }
}
