using Bangfu.Employment.MonthlyRound;
using Bangfu.Employment.Services;
using Bangfu.Platform.Time;
using Bangfu.Testing;

namespace Bangfu.Employment.Tests.Services;

/// <summary>Push lists on the seed roster (2021-12) with the matching scenario's vacancies.</summary>
public sealed class PushListTests : DatabaseTest
{
    private const string Hejiawan = "430182106209";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Assert.Equal(930, (await ImportAsync(Fixtures.SeedVillages, "2021-12")).PersonsNew);
    }

    [Fact]
    public async Task A_push_list_gives_each_seeker_matched_vacancies_and_recording_the_delivery_makes_one_push_each_with_them()
    {
        var posted = await MatchingScenario.PostAsync(Services);
        await using var scope = Services.InScope();
        var seekers = (await scope.Get<MonthlyRoundService>().ListAsync(Hejiawan, Period.Parse("2021-12"), VillageList.UnemployedWilling))
            .Select(e => e.Person.Id).ToHashSet();
        var year = DateTime.Today.Year;

        var list = await scope.Get<PushListService>().ListAsync(Hejiawan, year, top: 3);

        Assert.Equal(seekers, list.Select(l => l.Person.Id).ToHashSet());
        // Each person's vacancies are matching's own ranking for them; 焊工 in their township is on most lists.
        var matching = scope.Get<Bangfu.Employment.Matching.MatchingService>();
        foreach (var line in list)
            Assert.Equal((await matching.ForPersonAsync(line.Person.Id, 3))!.Vacancies.Select(v => v.VacancyId), line.Vacancies.Select(v => v.Id));
        Assert.Contains(list, l => l.Vacancies.Any(v => v.Id == posted.Welder));
        Assert.All(list.SelectMany(l => l.Vacancies), v => Assert.Contains(v.Id, new[] { posted.Welder, posted.Guard, posted.Rebar }));
        Assert.All(list.SelectMany(l => l.Vacancies), v => Assert.StartsWith("匹配 ", v.Why));

        var chosen = list.Take(2).ToDictionary(l => l.Person.Id, l => (IReadOnlyList<Guid>)l.Vacancies.Select(v => v.Id).ToList());
        var records = await scope.Get<PushListService>().RecordDeliveryAsync(chosen, DateOnly.FromDateTime(DateTime.Today), ServiceChannel.InPerson, null, "测试");

        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal(chosen[r.PersonId], r.Vacancies()));
        var after = await scope.Get<PushListService>().ListAsync(Hejiawan, year, top: 3);
        Assert.All(after, l => Assert.Equal(chosen.ContainsKey(l.Person.Id) ? 1 : 0, l.Counts.Pushes));
    }
}
