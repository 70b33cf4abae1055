using Bangfu.Employment.Jobseekers;
using Bangfu.Employment.Matching;
using Bangfu.Employment.MonthlyRound;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Time;
using Bangfu.Testing;

namespace Bangfu.Employment.Tests.Matching;

/// <summary>Matching on the seed roster (five villages, 2021-12) and three vacancies posted and published through the services.</summary>
public sealed class MatchingServiceTests : DatabaseTest
{
    private const string Hejiawan = "430182106209";
    private const string Shibadong = "433124110226";
    private MatchingScenario.Vacancies vacancies = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportAsync(Fixtures.SeedVillages, "2021-12");
        vacancies = await MatchingScenario.PostAsync(Services);
    }

    private async Task<IReadOnlyList<RoundEntry>> UnemployedWillingAsync(string village)
    {
        await using var scope = Services.InScope();
        return await scope.Get<MonthlyRoundService>().ListAsync(village, Period.Parse("2021-12"), VillageList.UnemployedWilling);
    }

    /// <summary>An unemployed-and-willing person of working age (18–55 today) with full labour capacity.</summary>
    private async Task<Bangfu.Registry.Contracts.PersonSummary> AblePersonAsync(string village) =>
        (await UnemployedWillingAsync(village)).Select(e => e.Person)
            .First(p => p.LabourCapacityCode is "1" or "2" && p.BirthDate is { } b && b.AddYears(19) < DateOnly.FromDateTime(DateTime.Now)
                        && b.AddYears(55) > DateOnly.FromDateTime(DateTime.Now));

    private async Task<T> AsAsync<T>(string? region, Func<MatchingService, Task<T>> use)
    {
        await using var scope = Services.InScope(region is null ? null : RegionScope.Of(region));
        return await use(scope.Get<MatchingService>());
    }

    [Fact]
    public async Task A_welder_who_stays_in_the_county_gets_the_welding_job_in_his_township_first_and_nothing_outside_the_county()
    {
        var person = await AblePersonAsync(Hejiawan);
        await MatchingScenario.SaveProfileAsync(Services, Hejiawan, person.Id, new JobseekerInput
        {
            WantedOccupationCodes = ["6-18-02-04"], ExpectedWageMin = 5000, Reach = Reach.InCounty,
        });

        var matches = await AsAsync(Hejiawan, m => m.ForPersonAsync(person.Id, 10));

        Assert.NotNull(matches);
        Assert.True(matches.HasProfile);
        var top = Assert.Single(matches.Vacancies); // 保安员 in 花垣县 and 钢筋工 in 深圳 are outside 县内
        Assert.Equal(vacancies.Welder, top.VacancyId);
        Assert.Equal("比亚迪汽车工业有限公司", top.EmployerName);
        var occupation = top.Why.Components.Single(c => c.Key == "occupation");
        Assert.Equal((100, "想做 焊工，岗位为同一细类"), (occupation.Score, occupation.Explanation));
        Assert.StartsWith("岗位在本乡镇（煤炭坝镇）；愿意去：县内", top.Why.Components.Single(c => c.Key == "place").Explanation);
    }

    [Fact]
    public async Task A_region_run_lists_everyone_unemployed_and_willing_with_the_top_of_brute_force()
    {
        var expectedPeople = (await UnemployedWillingAsync(Hejiawan)).Select(e => e.Person.PersonNumber).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expectedPeople);

        var (run, candidates, open) = await AsAsync(Hejiawan, async m =>
        {
            var run = await m.ForRegionAsync(Hejiawan, 2);
            var candidates = await m.CandidatesAsync(Hejiawan);
            var (open, _) = await m.OpenVacanciesAsync(DateOnly.FromDateTime(DateTime.Now));
            return (run, candidates, open);
        });

        Assert.Equal(expectedPeople, run.Select(r => r.Person.PersonNumber));
        Assert.Equal(3, open.Count);
        foreach (var (person, candidate, _) in candidates)
        {
            var expected = BruteForceMatcher.TopFor(candidate, open, 2).Select(r => (r.Vacancy.VacancyId, r.Score.Points));
            var actual = run.Single(r => r.Person.Id == person.Id).Vacancies.Select(v => (v.VacancyId, v.Why.Points));
            Assert.Equal(expected, actual);
        }
        // Without a profile the seed roster (no 有意愿外出务工 column) gives 省内: 焊工 and 保安员, not 深圳.
        Assert.All(candidates, c => Assert.Equal(MatchReach.InProvince, c.Candidate.Reach));
        Assert.All(run, r => Assert.DoesNotContain(r.Vacancies, v => v.VacancyId == vacancies.Rebar));
        Assert.Contains(run, r => r.Vacancies.Any(v => v.VacancyId == vacancies.Guard));
    }

    [Fact]
    public async Task A_village_officer_ranks_only_his_own_people_and_cannot_see_another_villages_person()
    {
        var hejiawanPerson = (await UnemployedWillingAsync(Hejiawan))[0].Person;

        Assert.Null(await AsAsync(Shibadong, m => m.ForPersonAsync(hejiawanPerson.Id, 10)));
        Assert.Empty(await AsAsync(Shibadong, m => m.ForRegionAsync(Hejiawan, 10)));
        var forGuard = await AsAsync(Shibadong, m => m.ForVacancyAsync(vacancies.Guard, 50));

        Assert.NotNull(forGuard);
        Assert.Equal("保安员", forGuard.Vacancy.Title);
        Assert.NotEmpty(forGuard.People);
        Assert.All(forGuard.People, p => Assert.StartsWith(Shibadong, p.Person.RegionCode));
        Assert.Equal(forGuard.People.Select(p => p.Why.Points).OrderDescending(), forGuard.People.Select(p => p.Why.Points));
        var nationwide = await AsAsync(null, m => m.ForVacancyAsync(vacancies.Guard, 1000));
        Assert.Contains(nationwide!.People, p => p.Person.RegionCode == Hejiawan);
    }

    [Fact]
    public async Task A_filled_vacancy_is_no_longer_offered()
    {
        var person = await AblePersonAsync(Hejiawan);
        Assert.Contains((await AsAsync(Hejiawan, m => m.ForPersonAsync(person.Id, 10)))!.Vacancies, v => v.VacancyId == vacancies.Welder);

        await using (var scope = Services.InScope(RegionScope.Of(MatchingScenario.Ningxiang)))
            Assert.NotNull(await scope.Get<Bangfu.Employment.Vacancies.VacancyService>().MarkFilledAsync(vacancies.Welder));

        Assert.DoesNotContain((await AsAsync(Hejiawan, m => m.ForPersonAsync(person.Id, 10)))!.Vacancies, v => v.VacancyId == vacancies.Welder);
    }
}
