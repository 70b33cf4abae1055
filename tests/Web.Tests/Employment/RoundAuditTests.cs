using Bangfu.Employment.MonthlyRound;
using Bangfu.Platform.Audit;
using Bangfu.Testing;

namespace Bangfu.Web.Tests.Employment;

/// <summary>The monthly round's changes are recorded with the old and the new facts, and closing a month too.</summary>
public sealed class RoundAuditTests : SeedVillagesWebTest
{
    [Fact]
    public async Task A_change_in_the_round_is_recorded_with_its_old_and_new_values()
    {
        var client = await SignInAsync("hejiawan", Hejiawan);
        var person = (await ListAsync(Hejiawan, VillageList.UnemployedWilling))[0].Person;

        await PostFormAsync(client, $"/Employment/Round/Edit?person={person.Id}&period=2021-12", new()
        {
            ["Input.Status"] = "OutsideProvince", ["Input.Workplace"] = "广东省深圳市坪山区", ["Input.Employer"] = "某电子厂",
        });

        var change = Assert.Single(await Services.EntriesAsync(AuditEvents.RoundSet));
        Assert.Equal((AuditCategories.Round, "hejiawan", person.Id.ToString(), Hejiawan), (change.Category, change.UserName, change.Target, change.RegionCode));
        Assert.Contains("\"old\":{\"状态\":\"未就业有意愿\"", change.Details);
        Assert.Contains("\"new\":{\"状态\":\"务工\",\"务工地点\":\"省外\",\"务工地区划\":\"440310\",\"用人单位\":\"某电子厂\"", change.Details);
        Assert.DoesNotContain(person.Name, change.Details);
        Assert.DoesNotContain(person.IdNumberMasked[..6] + "19", change.Details);
    }

    [Fact]
    public async Task Closing_a_month_is_recorded()
    {
        var client = await SignInAsync("hejiawan", Hejiawan);

        await PostFormAsync(client, "/Employment/Round?handler=Close", new() { ["village"] = Hejiawan, ["period"] = "2021-12" }, "/Employment/Round");

        var close = Assert.Single(await Services.EntriesAsync(AuditEvents.RoundClose));
        Assert.Equal(("hejiawan", Hejiawan), (close.UserName, close.Target));
        Assert.Contains("\"period\":\"2021-12\"", close.Details);
    }
}
