using System.Text.Json;
using Bangfu.Employment.Jobseekers;
using Bangfu.Employment.Matching;
using Bangfu.Employment.MonthlyRound;
using Bangfu.Platform.Time;
using Bangfu.Testing;

namespace Bangfu.Cli.Tests.Match;

/// <summary><c>match --region CODE [--top K] [--json]</c> on the seed roster with vacancies posted through the services.</summary>
public sealed class MatchCommandTests : DatabaseTest
{
    private const string Hejiawan = "430182106209";

    [Fact]
    public async Task Match_prints_for_each_unemployed_willing_person_the_top_vacancies_with_their_components()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var posted = await MatchingScenario.PostAsync(Services);
        IReadOnlyList<RoundEntry> willing;
        await using (var scope = Services.InScope())
            willing = await scope.Get<MonthlyRoundService>().ListAsync(Hejiawan, Period.Parse("2021-12"), VillageList.UnemployedWilling);
        var today = DateOnly.FromDateTime(DateTime.Now);
        var welder = willing.Select(e => e.Person)
            .First(p => p.LabourCapacityCode is "1" or "2" && p.BirthDate is { } b && b.AddYears(19) < today && b.AddYears(55) > today);
        await MatchingScenario.SaveProfileAsync(Services, Hejiawan, welder.Id,
            new JobseekerInput { WantedOccupationCodes = ["6-18-02-04"], ExpectedWageMin = 4000, Reach = Reach.Anywhere });
        IReadOnlyList<PersonMatches> expected;
        await using (var scope = Services.InScope())
            expected = await scope.Get<MatchingService>().ForRegionAsync(Hejiawan, 2);

        var json = await CliProcess.RunAsync(Database, "match", "--region", Hejiawan, "--top", "2", "--json");

        Assert.True(json.Code == 0, json.Error);
        var people = JsonDocument.Parse(json.Output).RootElement.EnumerateArray().ToList();
        Assert.Equal(willing.Select(e => e.Person.PersonNumber).Order(StringComparer.Ordinal), people.Select(p => p.GetProperty("personNumber").GetString()));
        foreach (var person in people)
        {
            var number = person.GetProperty("personNumber").GetString();
            var want = expected.Single(e => e.Person.PersonNumber == number);
            Assert.Equal(want.Person.IdNumberMasked, person.GetProperty("idNumberMasked").GetString());
            Assert.Contains("*", person.GetProperty("idNumberMasked").GetString());
            var got = person.GetProperty("vacancies").EnumerateArray().ToList();
            Assert.Equal(want.Vacancies.Select(v => (v.VacancyId, v.Why.Points)), got.Select(v => (v.GetProperty("vacancyId").GetGuid(), v.GetProperty("score").GetDecimal())));
            Assert.All(got, v => Assert.Equal(["occupation", "place", "wage", "requirements", "capacity"],
                v.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("key").GetString())));
        }
        var his = people.Single(p => p.GetProperty("personNumber").GetString() == welder.PersonNumber);
        Assert.True(his.GetProperty("hasProfile").GetBoolean());
        var first = his.GetProperty("vacancies")[0];
        Assert.Equal(posted.Welder, first.GetProperty("vacancyId").GetGuid());
        Assert.Equal("想做 焊工，岗位为同一细类", first.GetProperty("components")[0].GetProperty("explanation").GetString());

        var text = await CliProcess.RunAsync(Database, "match", "--region", Hejiawan, "--top", "1");
        Assert.True(text.Code == 0, text.Error);
        Assert.Contains($"人口编号 {welder.PersonNumber}  证件号码 {welder.IdNumberMasked}  外出意愿 不限", text.Output);
        Assert.Contains("工种对口 100（权重 35）：想做 焊工，岗位为同一细类", text.Output);
        Assert.DoesNotContain(welder.Name, text.Output);
    }

    [Theory]
    [InlineData("43018", "1", 2, "--region：区划代码“43018”不对")]
    [InlineData("430182106209", "0", 2, "--top：0 超出范围")]
    [InlineData("999999", "10", 1, "没有区划代码为“999999”的地区")]
    public async Task Bad_arguments_get_a_chinese_message_naming_the_option(string region, string top, int code, string message)
    {
        var run = await CliProcess.RunAsync(Database, "match", "--region", region, "--top", top);
        Assert.Equal(code, run.Code);
        Assert.Contains(message, run.Error);
    }
}
