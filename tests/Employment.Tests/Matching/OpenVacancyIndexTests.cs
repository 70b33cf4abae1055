using Bangfu.Employment.Employers;
using Bangfu.Employment.Fairs;
using Bangfu.Employment.Jobseekers;
using Bangfu.Employment.Matching;
using Bangfu.Employment.MonthlyRound;
using Bangfu.Employment.Tests.Vacancies;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Time;
using Bangfu.Registry.Contracts;
using Bangfu.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Employment.Tests.Matching;

/// <summary>
/// The open vacancies held in memory for matching (<see cref="OpenVacancyIndex"/>): the ranking through it equals the
/// ranking read from the database, and a publication, a fill, a withdrawal, an employer's new name and the date change
/// show at the next call. The seed roster (2021-12) and vacancies posted through the services, on the test clock.
/// </summary>
public sealed class OpenVacancyIndexTests : EmploymentServicesTest
{
    private const string Hejiawan = "430182106209";
    private const string Shibadong = "433124110226";

    private static readonly string[] Occupations = ["6-18-02-04", "6-25", "4-07-05-01", "6-29-01-04", "4-09", "5-01", "4-03-02-05", "6-22"];
    private static readonly string[] Workplaces = ["430182106", "430182", "430102", "433124", "433124110226", "440304", "440310", "430181", "430111", "440106"];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportAsync(Fixtures.SeedVillages, "2021-12");
    }

    private async Task<List<PersonSummary>> UnemployedWillingAsync(string village)
    {
        await using var scope = App.InScope();
        return (await scope.Get<MonthlyRoundService>().ListAsync(village, Period.Parse("2021-12"), VillageList.UnemployedWilling))
            .Select(e => e.Person).ToList();
    }

    /// <summary>Able to work (labour capacity 1 or 2) and 20–50 on the test clock's date, so no age limit below excludes them.</summary>
    private async Task<PersonSummary> AblePersonAsync(string village) =>
        (await UnemployedWillingAsync(village)).First(p => p.LabourCapacityCode is "1" or "2"
                                                           && p.BirthDate is { } b && b.AddYears(20) < Today && b.AddYears(50) > Today);

    private async Task<Vacancy> PublishAsync(Guid employerId, VacancyInput input)
    {
        var posted = await PostAsync(Ningxiang, employerId, input);
        await using var scope = As(Ningxiang);
        return (await scope.Get<VacancyService>().ReviewAsync(posted.Id, publish: true, null))!;
    }

    private static VacancyInput Varied(int i) => Input($"岗位{i:D2}") with
    {
        OccupationCode = Occupations[i % Occupations.Length],
        WorkplaceRegionCode = Workplaces[i * 7 % Workplaces.Length],
        WageMin = 2500 + i * 97 % 4000,
        WageMax = 2500 + i * 97 % 4000 + i * 31 % 2000,
        AgeMin = i % 3 == 0 ? 18 : null,
        AgeMax = i % 3 == 0 ? 45 + i % 10 : null,
        EducationCode = i % 5 == 0 ? "04" : null,
        HomeDaily = i % 4 == 0,
        HousingProvided = i % 2 == 0,
        MealsProvided = i % 3 != 1,
        Headcount = 1 + i % 20,
    };

    private async Task<PersonMatches> ForPersonAsync(IServiceProvider services, string village, Guid personId, int top = 100)
    {
        await using var scope = services.InScope(RegionScope.Of(village));
        return (await scope.Get<MatchingService>().ForPersonAsync(personId, top))!;
    }

    [Fact]
    public async Task The_ranking_through_the_index_equals_the_ranking_read_from_the_database_for_every_person()
    {
        var byd = await EmployerAsync(Ningxiang, BydCode);
        var other = await EmployerAsync(Ningxiang, HuaweiCode, "华为技术有限公司");
        for (var i = 0; i < 30; i++) await PublishAsync(i % 2 == 0 ? byd.Id : other.Id, Varied(i));
        await PostAsync(Ningxiang, byd.Id, Varied(40)); // waiting for review: never offered
        var people = (await UnemployedWillingAsync(Hejiawan)).Concat(await UnemployedWillingAsync(Shibadong)).ToList();
        Assert.True(people.Count >= 4);
        // Some of them with profiles of each reach, so blocks of every level are visited.
        for (var i = 0; i < 3; i++)
            await MatchingScenario.SaveProfileAsync(App, people[i].RegionCode, people[i].Id, new JobseekerInput
            {
                WantedOccupationCodes = [Occupations[i]], ExpectedWageMin = 4000 + i * 500, Reach = (Reach)i, MustBeHomeDaily = i == 1,
            });

        await using var scope = App.InScope();
        var matching = scope.Get<MatchingService>();
        var (inputs, rows) = await matching.OpenVacanciesAsync(Today);
        Assert.Equal(30, inputs.Count);
        var uncached = new BatchMatcher(inputs);
        foreach (var person in people)
        {
            var cached = (await matching.ForPersonAsync(person.Id, 10))!;
            var expected = uncached.TopFor(cached.Candidate, 10);
            Assert.Equal(BruteForceMatcher.TopFor(cached.Candidate, inputs, 10).Select(r => r.Vacancy.VacancyId), expected.Select(r => r.Vacancy.VacancyId));
            Assert.Equal(expected.Select(r => (r.Vacancy.VacancyId, r.Score.Points)), cached.Vacancies.Select(v => (v.VacancyId, v.Why.Points)));
            foreach (var v in cached.Vacancies)
            {
                var row = rows[v.VacancyId];
                Assert.Equal((row.Title, row.WageMin, row.WageMax, row.Headcount, row.WorkplaceRegionCode), (v.Title, v.WageMin, v.WageMax, v.Headcount, v.WorkplaceRegionCode));
                Assert.Equal(row.EmployerId == byd.Id ? byd.Name : other.Name, v.EmployerName);
            }
        }

        // The region run goes through the same index.
        var region = await matching.ForRegionAsync(Hejiawan, 5);
        Assert.NotEmpty(region);
        foreach (var m in region)
            Assert.Equal(uncached.TopFor(m.Candidate, 5).Select(r => (r.Vacancy.VacancyId, r.Score.Points)), m.Vacancies.Select(v => (v.VacancyId, v.Why.Points)));
    }

    [Fact]
    public async Task A_vacancy_published_filled_or_withdrawn_and_a_new_employer_name_show_at_the_next_call()
    {
        var employer = await EmployerAsync(Ningxiang, BydCode);
        var person = await AblePersonAsync(Hejiawan);
        await MatchingScenario.SaveProfileAsync(App, Hejiawan, person.Id, new JobseekerInput { Reach = Reach.Anywhere });
        var first = await PublishAsync(employer.Id, Varied(1) with { AgeMin = null, AgeMax = null });
        var offered = await ForPersonAsync(App, Hejiawan, person.Id);
        Assert.Equal([first.Id], offered.Vacancies.Select(v => v.VacancyId));

        var second = await PublishAsync(employer.Id, Varied(2) with { AgeMin = null, AgeMax = null, EducationCode = null });
        Assert.Equal(new[] { first.Id, second.Id }.Order(), (await ForPersonAsync(App, Hejiawan, person.Id)).Vacancies.Select(v => v.VacancyId).Order());

        await using (var scope = As(Ningxiang))
            Assert.NotNull(await scope.Get<VacancyService>().MarkFilledAsync(first.Id));
        Assert.Equal([second.Id], (await ForPersonAsync(App, Hejiawan, person.Id)).Vacancies.Select(v => v.VacancyId));

        await using (var scope = As(Ningxiang))
            Assert.True((await scope.Get<EmployerService>().SaveAsync(employer.Id,
                new EmployerInput("比亚迪汽车（长沙）有限公司", BydCode, null, Ningxiang, null, "张经理", null, "工业园 1 号")))!.Succeeded);
        Assert.Equal("比亚迪汽车（长沙）有限公司", Assert.Single((await ForPersonAsync(App, Hejiawan, person.Id)).Vacancies).EmployerName);

        await using (var scope = As(Ningxiang))
            Assert.NotNull(await scope.Get<VacancyService>().WithdrawAsync(second.Id));
        Assert.Empty((await ForPersonAsync(App, Hejiawan, person.Id)).Vacancies);
    }

    [Fact]
    public async Task A_vacancy_closing_today_is_offered_today_and_not_after_the_date_changes()
    {
        var employer = await EmployerAsync(Ningxiang, BydCode);
        var person = await AblePersonAsync(Hejiawan);
        await MatchingScenario.SaveProfileAsync(App, Hejiawan, person.Id, new JobseekerInput { Reach = Reach.Anywhere });
        var closing = await PublishAsync(employer.Id, Varied(1) with { AgeMin = null, AgeMax = null, ExpiresOn = Today });
        var later = await PublishAsync(employer.Id, Varied(2) with { AgeMin = null, AgeMax = null, EducationCode = null, ExpiresOn = Today.AddDays(1) });
        var index = App.GetRequiredService<OpenVacancyIndex>();

        Assert.Equal(new[] { closing.Id, later.Id }.Order(), (await ForPersonAsync(App, Hejiawan, person.Id)).Vacancies.Select(v => v.VacancyId).Order());
        var today = index.Current!;

        Clock.Advance(TimeSpan.FromDays(1)); // no write: only the date changes
        Assert.Equal([later.Id], (await ForPersonAsync(App, Hejiawan, person.Id)).Vacancies.Select(v => v.VacancyId));
        Assert.Equal(today.Day.AddDays(1), index.Current!.Day);

        Clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty((await ForPersonAsync(App, Hejiawan, person.Id)).Vacancies);
    }

    [Fact]
    public async Task Another_instance_sees_a_change_made_elsewhere_once_its_index_is_older_than_the_maximum_age()
    {
        var employer = await EmployerAsync(Ningxiang, BydCode);
        var person = await AblePersonAsync(Hejiawan);
        await MatchingScenario.SaveProfileAsync(App, Hejiawan, person.Id, new JobseekerInput { Reach = Reach.Anywhere });
        await using var other = Database.BuildServices(new Dictionary<string, string?> { ["Employment:OpenVacancies:MaxAge"] = "00:01:00" },
            s => s.AddSingleton<TimeProvider>(Clock));
        Assert.Empty((await ForPersonAsync(other, Hejiawan, person.Id)).Vacancies);

        var published = await PublishAsync(employer.Id, Varied(1) with { AgeMin = null, AgeMax = null });
        Assert.Equal([published.Id], (await ForPersonAsync(App, Hejiawan, person.Id)).Vacancies.Select(v => v.VacancyId));
        // The other instance heard nothing: it serves its index until the maximum age ...
        Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty((await ForPersonAsync(other, Hejiawan, person.Id)).Vacancies);
        // ... and then reads again.
        Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal([published.Id], (await ForPersonAsync(other, Hejiawan, person.Id)).Vacancies.Select(v => v.VacancyId));
    }

    [Fact]
    public async Task Concurrent_first_calls_share_one_read_and_a_change_during_use_gives_a_new_whole_index()
    {
        var employer = await EmployerAsync(Ningxiang, BydCode);
        for (var i = 0; i < 5; i++) await PublishAsync(employer.Id, Varied(i));
        var index = App.GetRequiredService<OpenVacancyIndex>();
        Assert.Null(index.Current);

        var snapshots = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => index.GetAsync())));
        Assert.All(snapshots, s => Assert.Same(snapshots[0], s));
        Assert.Equal(5, snapshots[0].Rows.Count);

        var added = await PublishAsync(employer.Id, Varied(5));
        var after = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => index.GetAsync())));
        Assert.All(after, s => Assert.Same(after[0], s));
        Assert.NotSame(snapshots[0], after[0]);
        Assert.Equal(6, after[0].Rows.Count);
        Assert.Contains(added.Id, after[0].Rows.Keys);
        Assert.Equal(5, snapshots[0].Rows.Count); // the old one is left as it was for whoever still holds it
    }

    [Fact]
    public async Task Vacancies_of_the_demo_data_set_are_in_the_index_at_the_next_call_after_loading()
    {
        var index = App.GetRequiredService<OpenVacancyIndex>();
        Assert.Empty((await index.GetAsync()).Rows);
        DemoLoadSummary loaded;
        await using (var scope = App.InScope())
            loaded = await scope.Get<DemoDataLoader>().LoadAsync();
        Assert.Equal(loaded.Vacancies, (await index.GetAsync()).Rows.Count);
        Assert.Contains((await index.GetAsync()).Rows.Values, r => r.EmployerName == "比亚迪汽车工业有限公司长沙分公司" + DemoDataLoader.Marker);
    }
}
