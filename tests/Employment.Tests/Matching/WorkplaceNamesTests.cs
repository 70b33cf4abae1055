using Bangfu.Employment.Employers;
using Bangfu.Employment.Jobseekers;
using Bangfu.Employment.Matching;
using Bangfu.Employment.MonthlyRound;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Time;
using Bangfu.Testing;

namespace Bangfu.Employment.Tests.Matching;

/// <summary>A vacancy whose workplace is a village is named, in the vacancy line and in the explanation, by its township and village.</summary>
public sealed class WorkplaceNamesTests : DatabaseTest
{
    private const string Hejiawan = "430182106209";

    [Fact]
    public async Task A_vacancy_in_the_persons_own_village_is_named_not_coded()
    {
        await ImportAsync(Fixtures.SeedVillages, "2021-12");
        Guid vacancyId;
        await using (var scope = Services.InScope(RegionScope.Of(MatchingScenario.Ningxiang)))
        {
            var employer = (await scope.Get<EmployerService>().SaveAsync(null,
                new EmployerInput("贺家湾村茶叶合作社", "91440300192317458F", null, MatchingScenario.Ningxiang, null, null, null, null)))!.Employer!;
            var vacancies = scope.Get<VacancyService>();
            var saved = await vacancies.CreateAsync(employer.Id, new VacancyInput
            {
                Title = "采茶工", OccupationCode = "5-01", Headcount = 10, WageMin = 3000, WageMax = 4000, WorkplaceRegionCode = Hejiawan,
                SuitableForRuralLabour = true, HomeDaily = true, ExpiresOn = vacancies.Today.AddDays(20),
            }, VacancySource.Officer);
            Assert.True(saved is { Succeeded: true }, string.Join("；", saved?.Errors.Values ?? []));
            vacancyId = saved!.Vacancy!.Id;
            await vacancies.ReviewAsync(vacancyId, true, null);
        }
        Bangfu.Registry.Contracts.PersonSummary person;
        await using (var scope = Services.InScope())
            person = (await scope.Get<MonthlyRoundService>().ListAsync(Hejiawan, Period.Parse("2021-12"), VillageList.UnemployedWilling))[0].Person;
        await MatchingScenario.SaveProfileAsync(Services, Hejiawan, person.Id, new JobseekerInput { Reach = Reach.InCounty });

        await using (var scope = Services.InScope(RegionScope.Of(Hejiawan)))
        {
            var matching = scope.Get<MatchingService>();
            var forPerson = await matching.ForPersonAsync(person.Id, 10);
            var tea = Assert.Single(forPerson!.Vacancies, v => v.VacancyId == vacancyId);
            Assert.Equal("煤炭坝镇贺家湾村", tea.WorkplaceName);
            Assert.StartsWith("岗位在本村（煤炭坝镇贺家湾村）", tea.Why.Components.Single(c => c.Key == "place").Explanation);

            var forVacancy = await matching.ForVacancyAsync(vacancyId, 5, Hejiawan);
            Assert.Equal("煤炭坝镇贺家湾村", forVacancy!.Vacancy.WorkplaceName);
            Assert.All(forVacancy.People, p => Assert.DoesNotContain(Hejiawan, string.Join(" ", p.Why.Components.Select(c => c.Explanation))));
        }
    }
}
