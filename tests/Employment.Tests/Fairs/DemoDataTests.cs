using Bangfu.Employment.Employers;
using Bangfu.Employment.Fairs;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Tests.Fairs;

public sealed class DemoDataTests : Vacancies.EmploymentServicesTest
{
    private async Task<(int Employers, int Vacancies, int Fairs, int FairEmployers, int FairVacancies)> CountsAsync()
    {
        await using var scope = App.InScope();
        var db = scope.Get<AppDbContext>();
        return (await db.Set<Employer>().CountAsync(), await db.Set<Vacancy>().CountAsync(), await db.Set<JobFair>().CountAsync(),
            await db.Set<FairEmployer>().CountAsync(), await db.Set<FairVacancy>().CountAsync());
    }

    [Fact]
    public async Task Demo_load_reproduces_the_hejiawan_fair_marked_as_demo_and_a_second_run_changes_nothing()
    {
        await using (var scope = App.InScope(RegionScope.None))
        {
            var first = await scope.Get<DemoDataLoader>().LoadAsync();
            Assert.True(first.EmployersAdded >= 20);
        }
        var counts = await CountsAsync();
        await using (var scope = App.InScope(RegionScope.None))
        {
            var second = await scope.Get<DemoDataLoader>().LoadAsync();
            Assert.Equal((0, 0, 0, 0), (second.EmployersAdded, second.VacanciesAdded, second.FairsAdded, second.FairLinksAdded));
        }
        Assert.Equal(counts, await CountsAsync());

        await using var s = App.InScope();
        var db = s.Get<AppDbContext>();
        var employers = await db.Set<Employer>().ToListAsync();
        Assert.All(employers, e => Assert.EndsWith(DemoDataLoader.Marker, e.Name));
        Assert.All(employers, e => Assert.True(UnifiedSocialCreditCode.TryParse(e.CreditCode, out _, out var error), error));
        Assert.Contains(employers, e => e.Name.Contains("比亚迪"));
        Assert.Contains(employers, e => e.Name.Contains("步步高"));
        var vacancies = await db.Set<Vacancy>().ToListAsync();
        Assert.All(vacancies, v => Assert.Equal(VacancySource.Demo, v.Source));
        Assert.All(vacancies, v => Assert.True(v.IsOpenOn(Today) && v.SuitableForRuralLabour));

        var fair = await db.Set<JobFair>().SingleAsync();
        Assert.True(fair.IsDemo);
        Assert.Equal((DemoDataLoader.HejiawanVillage, "430182", 2021, 12), (fair.VenueRegionCode, fair.ManagingRegionCode, fair.Date.Year, fair.Date.Month));
        var atFair = await db.Set<FairVacancy>().Where(x => x.FairId == fair.Id).Select(x => x.VacancyId).ToListAsync();
        var fairEmployers = await db.Set<FairEmployer>().CountAsync(x => x.FairId == fair.Id);
        var jobs = vacancies.Where(v => atFair.Contains(v.Id)).Sum(v => v.Headcount);
        Assert.True(fairEmployers >= 20, $"{fairEmployers} employers");
        Assert.True(jobs >= 10_000, $"{jobs} jobs");
        Assert.True(vacancies.Select(v => v.OccupationCode[..1]).Distinct().Count() >= 3); // across occupations
        var figures = await s.Get<JobFairService>().FiguresAsync(fair.Id);
        Assert.Equal((fairEmployers, jobs, 0), (figures.Employers, figures.Jobs, figures.Attendees));

        // 十八洞村: cleaner and guard posts in the village, home daily.
        var shibadong = vacancies.Where(v => v.WorkplaceRegionCode == DemoDataLoader.ShibadongVillage).ToList();
        Assert.Contains(shibadong, v => v.OccupationCode == "4-07-05-01");
        Assert.Contains(shibadong, v => v.Title.Contains("保洁"));
        Assert.All(shibadong, v => Assert.True(v.HomeDaily));
        Assert.DoesNotContain(shibadong, v => atFair.Contains(v.Id));
    }
}
