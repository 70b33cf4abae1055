using Bangfu.Employment.Fairs;
using Bangfu.Employment.Vacancies;
using Bangfu.Testing;

namespace Bangfu.Employment.Tests.Fairs;

public sealed class FairSearchTests : FairTestBase
{
    private sealed record Posted(Vacancy Vacancy, bool Open);

    private async Task<List<Posted>> SetUpAsync()
    {
        var ningxiang = await EmployerAsync(Ningxiang, BydCode);
        var huayuan = await EmployerAsync(Huayuan, HuaweiCode, "十八洞村旅游开发公司");
        var list = new List<Posted>
        {
            new(await PublishedAsync(Ningxiang, ningxiang.Id, Input("钢筋工") with { OccupationCode = "6-29-01-04", WageMin = 5000, WageMax = 7000, WorkplaceRegionCode = "430182", HomeDaily = true }), true),
            new(await PublishedAsync(Ningxiang, ningxiang.Id, Input("砌筑工") with { OccupationCode = "6-29-01-01", WageMin = 3000, WageMax = 4000, WorkplaceRegionCode = "440304" }), true),
            new(await PublishedAsync(Ningxiang, ningxiang.Id, Input("焊工") with { OccupationCode = "6-18-02-04", WageMin = 4500, WageMax = 6000, WorkplaceRegionCode = "430111" }), true),
            new(await PublishedAsync(Huayuan, huayuan.Id, Input("景区保安员", 6) with { OccupationCode = "4-07-05-01", WageMin = 2800, WageMax = 3500, WorkplaceRegionCode = Shibadong, HomeDaily = true }), true),
            // Not open: waiting for review, filled, withdrawn, past its closing date.
            new(await PostAsync(Ningxiang, ningxiang.Id, Input("待审钢筋工") with { OccupationCode = "6-29-01-04" }), false),
        };
        var filled = await PublishedAsync(Ningxiang, ningxiang.Id, Input("已招满钢筋工") with { OccupationCode = "6-29-01-04" });
        var withdrawn = await PublishedAsync(Ningxiang, ningxiang.Id, Input("已撤回砌筑工") with { OccupationCode = "6-29-01-01" });
        var expiring = await PublishedAsync(Ningxiang, ningxiang.Id, Input("今天截止的架子工") with { OccupationCode = "6-29-01-05", ExpiresOn = Today });
        await using (var scope = As(Ningxiang))
        {
            await scope.Get<VacancyService>().MarkFilledAsync(filled.Id);
            await scope.Get<VacancyService>().WithdrawAsync(withdrawn.Id);
        }
        list.Add(new(filled, false));
        list.Add(new(withdrawn, false));
        list.Add(new(expiring, false));
        Clock.Advance(TimeSpan.FromDays(1)); // the last one is now past its date
        return list;
    }

    private async Task<List<FairVacancyItem>> SearchAllAsync(FairSearch search)
    {
        // Anonymous: no region scope at all.
        await using var scope = App.InScope(Bangfu.Platform.Scope.RegionScope.None);
        var items = new List<FairVacancyItem>();
        for (var page = 1; ; page++)
        {
            var result = await scope.Get<FairSearchService>().SearchAsync(search with { Page = page });
            items.AddRange(result.Items);
            if (!result.HasNext) return items;
        }
    }

    private static HashSet<Guid> Expected(List<Posted> posted, Func<Vacancy, bool> filter) =>
        posted.Where(p => p.Open && filter(p.Vacancy)).Select(p => p.Vacancy.Id).ToHashSet();

    [Fact]
    public async Task Only_open_vacancies_are_listed_and_each_filter_selects_what_it_says()
    {
        var posted = await SetUpAsync();
        Assert.Equal(Expected(posted, _ => true), (await SearchAllAsync(new FairSearch())).Select(i => i.Id).ToHashSet());

        // Occupation: a 小类 finds its 细类, a 中类 everything below it, a 细类 only itself.
        foreach (var code in new[] { "6-29-01", "6-29", "6", "6-29-01-04", "4-07-05-01", "4" })
            Assert.Equal(Expected(posted, v => v.OccupationCode == code || v.OccupationCode.StartsWith(code + "-")),
                (await SearchAllAsync(new FairSearch(Occupation: code))).Select(i => i.Id).ToHashSet());

        // Place: a prefix of the workplace code (province, city, county, village).
        foreach (var place in new[] { "44", "43", "4301", "430182", "433124", Shibadong })
            Assert.Equal(Expected(posted, v => v.WorkplaceRegionCode.StartsWith(place)),
                (await SearchAllAsync(new FairSearch(Place: place))).Select(i => i.Id).ToHashSet());

        // Minimum wage: the upper end of the range reaches it.
        foreach (var wage in new[] { 3500, 4500, 6500, 8000 })
            Assert.Equal(Expected(posted, v => v.WageMax >= wage), (await SearchAllAsync(new FairSearch(MinWage: wage))).Select(i => i.Id).ToHashSet());

        Assert.Equal(Expected(posted, v => v.HomeDaily), (await SearchAllAsync(new FairSearch(HomeDailyOnly: true))).Select(i => i.Id).ToHashSet());

        // Combined.
        Assert.Equal(Expected(posted, v => v.OccupationCode.StartsWith("6-29-") && v.WorkplaceRegionCode.StartsWith("43")),
            (await SearchAllAsync(new FairSearch(Occupation: "6-29", Place: "43"))).Select(i => i.Id).ToHashSet());
    }

    [Fact]
    public async Task Near_home_puts_the_home_county_first_then_the_same_city_then_the_rest()
    {
        var posted = await SetUpAsync();
        foreach (var home in new[] { "430182", "433124", "430111" })
        {
            var items = await SearchAllAsync(new FairSearch(Home: home));
            Assert.Equal(Expected(posted, _ => true), items.Select(i => i.Id).ToHashSet());
            int Rank(string workplace) => workplace.StartsWith(home) ? 0 : workplace.StartsWith(home[..4]) ? 1 : 2;
            var ranks = items.Select(i => Rank(i.WorkplaceRegionCode)).ToList();
            Assert.Equal(ranks.Order().ToList(), ranks);
            Assert.Contains(0, ranks);
        }
    }

    [Fact]
    public async Task Pages_hold_twenty_and_together_list_every_open_vacancy_once()
    {
        var employer = await EmployerAsync(Ningxiang, BydCode);
        var ids = new HashSet<Guid>();
        for (var i = 0; i < 45; i++)
            ids.Add((await PublishedAsync(Ningxiang, employer.Id, Input($"普工{i:D2}"))).Id);
        await using var scope = App.InScope(Bangfu.Platform.Scope.RegionScope.None);
        var service = scope.Get<FairSearchService>();
        var first = await service.SearchAsync(new FairSearch());
        Assert.Equal(FairSearchService.PageSize, first.Items.Count);
        Assert.True(first.HasNext);
        var all = await SearchAllAsync(new FairSearch());
        Assert.Equal(ids.Count, all.Count);
        Assert.Equal(ids, all.Select(i => i.Id).ToHashSet());
        // Invalid parts of a search are ignored, never an error.
        var odd = await service.SearchAsync(new FairSearch(Occupation: "x'; drop", Place: "abc", MinWage: -5, Home: "43", Page: -3));
        Assert.Equal(first.Items.Select(i => i.Id), odd.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task A_place_searched_by_walking_the_newest_first_gives_the_same_pages_as_the_workplace_range()
    {
        var employer = await EmployerAsync(Ningxiang, BydCode);
        string[] workplaces = ["430182", "430111", "430102", "430182106209", "433124110226", "440304", "430181", "440310"];
        for (var i = 0; i < 48; i++)
        {
            await PublishedAsync(Ningxiang, employer.Id, Input($"普工{i:D2}") with { WorkplaceRegionCode = workplaces[i % workplaces.Length], WageMax = 4500 + i * 50 });
            Clock.Advance(TimeSpan.FromMinutes(i % 3)); // equal publication times too, ordered by id
        }
        await using var scope = App.InScope(Bangfu.Platform.Scope.RegionScope.None);
        var range = scope.Get<FairSearchService>();
        var walk = new FairSearchService(scope.Get<Bangfu.Platform.Data.AppDbContext>(), scope.Get<TimeProvider>()) { CommonPlace = 0 };
        foreach (var search in new[] { new FairSearch(Place: "43"), new FairSearch(Place: "4301"), new FairSearch(Place: "430182"),
                     new FairSearch(Place: "44"), new FairSearch(Place: "4501"), new FairSearch(Place: "4301", MinWage: 5000), new FairSearch(Place: "43", Home: "430182") })
        {
            for (var page = 1; page <= 3; page++)
            {
                var expected = await range.SearchAsync(search with { Page = page });
                var actual = await walk.SearchAsync(search with { Page = page });
                Assert.Equal(expected.Items.Select(i => i.Id), actual.Items.Select(i => i.Id));
                Assert.Equal(expected.HasNext, actual.HasNext);
                Assert.All(actual.Items, i => Assert.StartsWith(search.Place!, i.WorkplaceRegionCode));
            }
        }
        Assert.Equal(FairSearchService.PageSize, (await walk.SearchAsync(new FairSearch(Place: "43"))).Items.Count);
    }
}
