using Bangfu.Employment.Contracts;
using Bangfu.Employment.MonthlyRound;
using Bangfu.Employment.Services;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Time;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Tests.Services;

/// <summary>The 311 ledger on the seed roster of five villages, imported for 2021-12.</summary>
public sealed class Ledger311Tests : DatabaseTest
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
    public async Task A_push_with_several_vacancies_counts_once_and_services_count_in_the_calendar_year_of_their_date()
    {
        var person = (await SeekersAsync(Hejiawan))[0];
        await RecordAsync(person, ServiceKind.JobPush, "2021-03-02", [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()]);
        await RecordAsync(person, ServiceKind.JobPush, "2021-06-10");
        await RecordAsync(person, ServiceKind.CareerGuidance, "2021-06-10");
        await RecordAsync(person, ServiceKind.JobPush, "2021-12-31");
        await RecordAsync(person, ServiceKind.JobPush, "2022-01-01");
        await RecordAsync(person, ServiceKind.TrainingReferral, "2022-01-01");

        var y2021 = await LineAsync(Hejiawan, 2021, person);
        var y2022 = await LineAsync(Hejiawan, 2022, person);

        Assert.Equal(new ServiceCounts(3, 1, 0), y2021.Counts);
        Assert.False(y2021.Counts.Complete);
        Assert.Equal("还差 1 次培训信息", y2021.Counts.Missing);
        Assert.Equal(new ServiceCounts(1, 0, 1), y2022.Counts);
        Assert.Equal("还差 2 次岗位推送、1 次职业指导", y2022.Counts.Missing);
        await using var scope = Services.InScope();
        var stored = await scope.Get<AppDbContext>().Set<ServiceRecord>().Where(r => r.PersonId == person).ToListAsync();
        Assert.Equal(6, stored.Count);
        Assert.Equal(3, stored.Single(r => r.Date == new DateOnly(2021, 3, 2)).Vacancies().Count);
    }

    [Fact]
    public async Task The_worklist_shows_who_still_lacks_something_and_leaves_out_the_served_and_those_who_found_work()
    {
        var seekers = await SeekersAsync(Hejiawan);
        Assert.True(seekers.Count >= 3, "the seed village has at least three unemployed and willing");
        var (served, employed, waiting) = (seekers[0], seekers[1], seekers[2]);
        foreach (var date in new[] { "2022-02-01", "2022-03-01", "2022-04-01" }) await RecordAsync(served, ServiceKind.JobPush, date);
        await RecordAsync(served, ServiceKind.CareerGuidance, "2022-04-01");
        await RecordAsync(served, ServiceKind.TrainingReferral, "2022-04-02");
        await RecordAsync(waiting, ServiceKind.CareerGuidance, "2022-05-01");
        await using (var scope = Services.InScope())
            await scope.Get<MonthlyRoundService>().SetAsync(employed, Period.Parse("2022-06"),
                new SituationChange(EmploymentStatus.WageEmployed, WorkplaceKind.InCounty, "430182", "某食品厂"), "测试");

        var worklist = await InLedger(l => l.LedgerAsync(Hejiawan, 2022, worklistOnly: true));
        var ledger = await InLedger(l => l.LedgerAsync(Hejiawan, 2022));

        Assert.Equal(seekers.Count - 2, worklist.Count);
        Assert.DoesNotContain(worklist, l => l.Person.Id == served || l.Person.Id == employed);
        Assert.Equal("还差 3 次岗位推送、1 次培训信息", worklist.Single(l => l.Person.Id == waiting).Counts.Missing);
        // The one who found work in June was still owed service from January to May: in the year's ledger, not seeking.
        Assert.Equal(seekers.Count, ledger.Count);
        Assert.False(ledger.Single(l => l.Person.Id == employed).StillSeeking);
        Assert.True(ledger.Single(l => l.Person.Id == served).Counts.Complete);
    }

    [Fact]
    public async Task Coverage_of_the_province_and_its_cities_matches_the_village_lists_and_the_services_recorded()
    {
        var villages = await VillagesAsync();
        var expected = new Dictionary<Guid, (string Village, int Pushes, int Guidance, int Training)>();
        foreach (var village in villages)
        {
            var seekers = await SeekersAsync(village);
            foreach (var p in seekers) expected[p] = (village, 0, 0, 0);
            // A plan that differs per person: full service, pushes only, guidance and training only, nothing.
            for (var i = 0; i < seekers.Count; i++)
            {
                var p = seekers[i];
                var plan = i % 4;
                if (plan is 0 or 1)
                    foreach (var day in new[] { 3, 10, 17 }) await RecordAsync(p, ServiceKind.JobPush, $"2021-05-{day:D2}");
                if (plan is 0 or 2)
                {
                    await RecordAsync(p, ServiceKind.CareerGuidance, "2021-07-01");
                    await RecordAsync(p, ServiceKind.TrainingReferral, "2021-08-01");
                }
                expected[p] = (village, plan is 0 or 1 ? 3 : 0, plan is 0 or 2 ? 1 : 0, plan is 0 or 2 ? 1 : 0);
            }
        }
        // A service for someone outside the target group is recorded but not counted.
        var employedPerson = (await ListAsync(Hejiawan, VillageList.Roster)).First(e => e.Situation is { Status: EmploymentStatus.WageEmployed }).Person.Id;
        await RecordAsync(employedPerson, ServiceKind.CareerGuidance, "2021-07-01");

        var province = await InLedger(l => l.CoverageAsync("43", 2021));

        CoverageRow Expect(string code, string name, IEnumerable<(string Village, int Pushes, int Guidance, int Training)> rows)
        {
            var list = rows.ToList();
            return new CoverageRow(code, name, list.Count, list.Count(r => r is { Pushes: >= 3, Guidance: >= 1, Training: >= 1 }),
                list.Count(r => r.Pushes >= 3), list.Count(r => r.Guidance >= 1), list.Count(r => r.Training >= 1));
        }
        var inHunan = expected.Values.Where(v => v.Village.StartsWith("43")).ToList();
        Assert.Equal(Expect("43", "湖南省", inHunan), province.Total);
        var cities = inHunan.GroupBy(v => v.Village[..4]).OrderBy(g => g.Key).Select(g => (g.Key, Expect(g.Key, "", g))).ToList();
        Assert.Equal(cities.Select(c => c.Item2 with { Name = "" }), province.Children.Select(c => c with { Name = "" }));
        Assert.Contains(province.Children, c => c.Code == "4301" && c.Name == "长沙市");

        // Drill down to 贺家湾村: the people behind the figure.
        var township = await InLedger(l => l.CoverageAsync(Hejiawan[..9], 2021));
        var hejiawan = township.Children.Single(c => c.Code == Hejiawan);
        Assert.Equal(Expect(Hejiawan, "贺家湾村", expected.Values.Where(v => v.Village == Hejiawan)), hejiawan);
        var people = await InLedger(l => l.LedgerAsync(Hejiawan, 2021));
        Assert.Equal(hejiawan.Target, people.Count);
        Assert.Equal(hejiawan.Complete, people.Count(p => p.Counts.Complete));
        Assert.Equal(Math.Round(100.0 * hejiawan.Complete / hejiawan.Target, 1), hejiawan.CompletePercent);
    }

    [Fact]
    public async Task A_village_officer_can_neither_record_for_nor_see_a_person_of_another_village()
    {
        var stranger = (await SeekersAsync(Shibadong))[0];
        await RecordAsync(stranger, ServiceKind.JobPush, "2021-05-01");
        var officer = RegionScope.Of(Hejiawan);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => InLedger(l => l.RecordAsync([stranger],
            new ServiceInput(ServiceKind.CareerGuidance, new DateOnly(2021, 6, 1), ServiceChannel.Phone, null), "贺家湾村干部"), officer));
        Assert.Empty(await InLedger(l => l.LedgerAsync(Shibadong, 2021), officer));
        Assert.Equal(0, (await InLedger(l => l.CoverageAsync("433124", 2021), officer)).Total.Target);
        Assert.Empty(await InLedger(l => l.HistoryAsync(stranger), officer));
        Assert.Equal(new ServiceCounts(1, 0, 0), (await LineAsync(Shibadong, 2021, stranger)).Counts);
    }

    [Fact]
    public async Task A_service_dated_in_the_future_or_with_too_long_a_text_is_refused_naming_the_field()
    {
        var person = (await SeekersAsync(Hejiawan))[0];
        var future = await Assert.ThrowsAsync<ArgumentException>(() => InLedger(l => l.RecordAsync([person],
            new ServiceInput(ServiceKind.JobPush, DateOnly.FromDateTime(DateTime.Today).AddDays(2), ServiceChannel.Phone, null), "测试")));
        Assert.Equal("Date", future.ParamName);
        Assert.Contains("晚于今天", future.Message);
        var longText = await Assert.ThrowsAsync<ArgumentException>(() => InLedger(l => l.RecordAsync([person],
            new ServiceInput(ServiceKind.JobPush, new DateOnly(2021, 5, 1), ServiceChannel.Phone, new string('岗', 501)), "测试")));
        Assert.Equal("What", longText.ParamName);
        Assert.Empty(await InLedger(l => l.HistoryAsync(person)));
    }

    private async Task<T> InLedger<T>(Func<Ledger311Service, Task<T>> use, RegionScope? scope = null)
    {
        await using var s = Services.InScope(scope);
        return await use(s.Get<Ledger311Service>());
    }

    private Task RecordAsync(Guid person, ServiceKind kind, string date, Guid[]? vacancies = null) =>
        InLedger(l => l.RecordAsync([person], new ServiceInput(kind, DateOnly.Parse(date), ServiceChannel.InPerson, "测试服务", vacancies), "测试"));

    private async Task<LedgerLine> LineAsync(string village, int year, Guid person) =>
        (await InLedger(l => l.LedgerAsync(village, year))).Single(l => l.Person.Id == person);

    private async Task<IReadOnlyList<RoundEntry>> ListAsync(string village, VillageList list)
    {
        await using var s = Services.InScope();
        return await s.Get<MonthlyRoundService>().ListAsync(village, December, list);
    }

    private async Task<IReadOnlyList<Guid>> SeekersAsync(string village) =>
        (await ListAsync(village, VillageList.UnemployedWilling)).Select(e => e.Person.Id).ToList();

    private async Task<IReadOnlyList<string>> VillagesAsync()
    {
        await using var s = Services.InScope();
        return await s.Get<AppDbContext>().Set<EmploymentSituation>().Select(x => x.RegionCode).Distinct().ToListAsync();
    }
}
