using System.Net;
using Bangfu.Employment.Employers;
using Bangfu.Employment.Matching;
using Bangfu.Employment.MonthlyRound;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Scope;
using Bangfu.Testing;

namespace Bangfu.Web.Tests.Employment.Matching;

/// <summary>The matching pages (for a person, for a vacancy) on the seed roster, with vacancies of <see cref="MatchingScenario"/>.</summary>
public sealed class MatchingPagesTests : SeedVillagesWebTest
{
    private async Task<T> AsAsync<T>(string region, Func<MatchingService, Task<T>> read)
    {
        await using var scope = Services.InScope(RegionScope.Of(region));
        return await read(scope.Get<MatchingService>());
    }

    private static int At(string html, string text, int from)
    {
        var i = html.IndexOf(WebUtility.HtmlEncode(text), from, StringComparison.Ordinal);
        if (i < 0) i = html.IndexOf(text, from, StringComparison.Ordinal);
        Assert.True(i >= 0, $"“{text}” not found after {from}");
        return i;
    }

    [Fact]
    public async Task A_person_page_shows_the_open_vacancies_in_rank_order_with_each_component_explained()
    {
        await MatchingScenario.PostAsync(Services);
        var person = (await ListAsync(Hejiawan, VillageList.UnemployedWilling))[0].Person;
        var expected = (await AsAsync(MatchingScenario.Ningxiang, m => m.ForPersonAsync(person.Id, 20)))!;
        Assert.NotEmpty(expected.Vacancies);
        var client = await SignInAsync("ningxiang", MatchingScenario.Ningxiang);

        var html = await client.GetStringAsync($"/Employment/Matching/Person/{person.Id}");

        Assert.Contains(person.IdNumberMasked, html);
        Assert.Contains(person.Name, html);
        Assert.Contains(await Services.EntriesAsync(Bangfu.Employment.Jobseekers.JobseekerService.ViewEvent),
            e => e.Target == person.Id.ToString() && e.Details!.Contains($"\"shown\":{expected.Vacancies.Count}"));
        var at = 0;
        foreach (var v in expected.Vacancies)
        {
            at = At(html, v.Title, at);
            at = At(html, v.Why.Points.ToString("0.#"), at);
            foreach (var c in v.Why.Components) at = At(html, c.Explanation, at);
            Assert.Contains($"vacancy={v.VacancyId}", html);
        }
        Assert.Contains($"href=\"/Employment/Matching/Person/{person.Id}\"", await client.GetStringAsync($"/Employment/Jobseekers/Edit/{person.Id}"));
        Assert.Contains($"href=\"/Employment/Matching/Person/{person.Id}\"", await client.GetStringAsync($"/Employment/Services/Push?village={Hejiawan}"));
    }

    [Fact]
    public async Task A_vacancy_page_ranks_the_unemployed_and_willing_of_the_scope_links_to_a_referral_and_is_audited()
    {
        var posted = await MatchingScenario.PostAsync(Services);
        var expected = (await AsAsync(MatchingScenario.Ningxiang, m => m.ForVacancyAsync(posted.Welder, 50)))!;
        Assert.NotEmpty(expected.People);
        var outside = (await ListAsync(Shibadong, VillageList.UnemployedWilling)).Select(e => e.Person).ToList();
        Assert.NotEmpty(outside);
        var client = await SignInAsync("ningxiang", MatchingScenario.Ningxiang);
        Assert.Contains($"/Employment/Matching/Vacancy/{posted.Welder}", await client.GetStringAsync($"/Employment/Vacancies/Edit/{posted.Welder}"));

        var html = await client.GetStringAsync($"/Employment/Matching/Vacancy/{posted.Welder}");

        var at = 0;
        foreach (var p in expected.People)
        {
            at = At(html, p.Person.IdNumberMasked, at);
            at = At(html, p.Why.Points.ToString("0.#"), at);
            foreach (var c in p.Why.Components) at = At(html, c.Explanation, at);
        }
        Assert.All(outside, p => Assert.DoesNotContain(p.Id.ToString(), html));
        var listed = await Services.EntriesAsync(AuditEvents.PersonList);
        var entry = Assert.Single(listed, e => e.Target == posted.Welder.ToString());
        Assert.Equal(AuditCategories.Person, entry.Category);
        Assert.Contains($"\"shown\":{expected.People.Count}", entry.Details);

        var first = expected.People[0].Person;
        var link = System.Text.RegularExpressions.Regex.Match(html, $"href=\"(/Employment/Referrals\\?[^\"]*person={first.Id}[^\"]*)\"");
        Assert.True(link.Success);
        var form = await client.GetStringAsync(WebUtility.HtmlDecode(link.Groups[1].Value));
        Assert.Contains($"value=\"{first.Id}\" selected", form);
        Assert.Contains($"name=\"Input.Vacancy\" value=\"{posted.Welder}\"", form);
        Assert.Contains("value=\"焊工\"", form);
    }

    [Fact]
    public async Task People_vacancies_and_regions_outside_the_scope_answer_404()
    {
        var posted = await MatchingScenario.PostAsync(Services);
        Guid draft;
        await using (var scope = Services.InScope(RegionScope.Of(MatchingScenario.Huayuan)))
        {
            var employer = (await scope.Get<EmployerService>().SaveAsync(null,
                new EmployerInput("花垣县某物业公司", "914403001922038216", null, MatchingScenario.Huayuan, null, "李", "13912345678", null)))!.Employer!;
            var vacancies = scope.Get<VacancyService>();
            draft = (await vacancies.CreateAsync(employer.Id, new VacancyInput
            {
                Title = "保洁员", OccupationCode = "4-09", Headcount = 5, WageMin = 1800, WageMax = 2200,
                WorkplaceRegionCode = MatchingScenario.Huayuan, ExpiresOn = vacancies.Today.AddDays(10),
            }, VacancySource.Officer))!.Vacancy!.Id;
        }
        var shibadong = (await ListAsync(Shibadong, VillageList.UnemployedWilling))[0].Person;
        var client = await SignInAsync("ningxiang", MatchingScenario.Ningxiang);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Employment/Matching/Person/{shibadong.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Employment/Matching/Person/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Employment/Matching/Vacancy/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Employment/Matching/Vacancy/{posted.Guard}?region={MatchingScenario.Huayuan}")).StatusCode);
        // A published vacancy of any place is visible; the people ranked are of the caller's scope only.
        var guard = await client.GetStringAsync($"/Employment/Matching/Vacancy/{posted.Guard}");
        Assert.DoesNotContain(shibadong.IdNumberMasked, guard);
    }
}
