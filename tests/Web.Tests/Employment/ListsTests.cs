using Bangfu.Employment.Contracts;
using System.Net;
using Bangfu.Employment.MonthlyRound;
using Bangfu.Employment.Situations;
using MiniExcelLibs;

namespace Bangfu.Web.Tests.Employment;

public sealed class ListsTests : SeedVillagesWebTest
{
    [Fact]
    public async Task The_lists_show_their_counts_and_follow_the_current_data()
    {
        var client = await SignInAsync("hejiawan", Hejiawan);
        var roster = await ListAsync(Hejiawan, VillageList.Roster);
        var unemployed = await ListAsync(Hejiawan, VillageList.UnemployedWilling);

        var html = await client.GetStringAsync("/Employment/Lists");
        Assert.Contains("村级清单 · 贺家湾村", html);
        Assert.Contains($"人员清单 <span class=\"badge rounded-pill text-bg-secondary\">{roster.Count}</span>", html);
        Assert.Contains($"未就业有意愿 <span class=\"badge rounded-pill text-bg-secondary\">{unemployed.Count}</span>", html);
        Assert.Contains("返乡人员清单 <span class=\"badge rounded-pill text-bg-secondary\">0</span>", html);

        var person = (await ListAsync(Hejiawan, VillageList.Roster)).First(e => e.Situation is { Workplace: WorkplaceKind.OutsideProvince }).Person;
        var url = $"/Employment/Round/Edit?person={person.Id}&period=2021-12";
        await PostFormAsync(client, url, new() { ["Input.Status"] = "UnemployedWilling", ["Input.ReturnedOn"] = "2021-12-20", ["Input.WillingToWorkAway"] = "true" });

        var returnees = await client.GetStringAsync("/Employment/Lists?list=Returnees");
        Assert.Contains("返乡人员清单 <span class=\"badge rounded-pill text-bg-secondary\">1</span>", returnees);
        Assert.Contains("有意愿外出务工人员清单 <span class=\"badge rounded-pill text-bg-secondary\">1</span>", returnees);
        Assert.Contains(person.Name, returnees);
        Assert.Contains("2021-12-20", returnees);
    }

    [Fact]
    public async Task Each_list_exports_to_excel_with_masked_id_numbers_and_phones()
    {
        var client = await SignInAsync("hejiawan", Hejiawan);
        var unemployed = await ListAsync(Hejiawan, VillageList.UnemployedWilling);

        var response = await client.GetAsync($"/Employment/Lists?handler=Export&village={Hejiawan}&period=2021-12&list=UnemployedWilling");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = file.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(unemployed.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal("未就业有意愿", r["目前状态"]));
        Assert.All(rows, r => Assert.Matches(@"^\d{6}\*{8}[\dX]{4}$", (string)r["证件号码"]!));
        Assert.All(rows.Where(r => r["联系电话"] is string { Length: > 0 }), r => Assert.Matches(@"^\d{3}\*{4}\d{4}$", (string)r["联系电话"]!));
        Assert.Equal(unemployed.Select(e => e.Person.PersonNumber), rows.Select(r => (string)r["人口编号"]!));
    }
}
