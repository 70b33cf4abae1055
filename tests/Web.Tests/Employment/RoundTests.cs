using Bangfu.Employment.Contracts;
using System.Net;
using Bangfu.Employment.MonthlyRound;
using Bangfu.Employment.Situations;

namespace Bangfu.Web.Tests.Employment;

public sealed class RoundTests : SeedVillagesWebTest
{
    [Fact]
    public async Task A_village_officer_goes_straight_to_the_labour_force_of_their_village()
    {
        var client = await SignInAsync("hejiawan", Hejiawan);
        var labourForce = await ListAsync(Hejiawan, VillageList.LabourForce);
        var inLabourForce = labourForce.Select(e => e.Person.Id).ToHashSet();
        var others = (await ListAsync(Hejiawan, VillageList.Roster)).Where(e => !inLabourForce.Contains(e.Person.Id)).ToList();
        var stranger = (await ListAsync(Shibadong, VillageList.Roster))[0];

        var html = await client.GetStringAsync("/Employment/Round");

        Assert.Contains("月度走访 · 贺家湾村", html);
        Assert.Contains("2021年12月", html);
        Assert.Contains($"劳动力（{labourForce.Count}）", html);
        Assert.All(labourForce, e => Assert.Contains($"id=\"p-{e.Person.Id}\"", html));
        Assert.Contains(labourForce[0].Person.IdNumberMasked, html);
        Assert.NotEmpty(others);
        Assert.All(others, e => Assert.DoesNotContain($"id=\"p-{e.Person.Id}\"", html));
        Assert.DoesNotContain(stranger.Person.Id.ToString(), html);

        var everyone = await client.GetStringAsync("/Employment/Round?all=true");
        Assert.Contains($"id=\"p-{others[0].Person.Id}\"", everyone);
    }

    [Fact]
    public async Task Posting_a_change_records_it_for_the_month()
    {
        var client = await SignInAsync("hejiawan", Hejiawan);
        var person = (await ListAsync(Hejiawan, VillageList.UnemployedWilling))[0].Person;
        var url = $"/Employment/Round/Edit?person={person.Id}&period=2021-12";

        var response = await PostFormAsync(client, url, new()
        {
            ["Input.Status"] = "OutsideProvince", ["Input.Workplace"] = "广东省深圳市坪山区", ["Input.Employer"] = "某电子厂",
            ["Input.WillingToWorkAway"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Employment/Round?village={Hejiawan}&period=2021-12#p-{person.Id}", response.Headers.Location!.OriginalString);
        var s = (await FindAsync(person.Id)).Situation!;
        Assert.Equal((EmploymentStatus.WageEmployed, WorkplaceKind.OutsideProvince, "440310", "某电子厂", true),
            (s.Status, s.Workplace, s.WorkplaceRegionCode, s.EmployerName, s.WillingToWorkAway));
        var html = await client.GetStringAsync("/Employment/Round");
        Assert.Contains("本月已更新", html);
        Assert.Contains("<span id=\"round-changed\">1</span>", html);
    }

    [Fact]
    public async Task An_inline_change_answers_with_the_persons_new_line_and_the_months_count()
    {
        var client = await SignInAsync("hejiawan", Hejiawan);
        var person = (await ListAsync(Hejiawan, VillageList.UnemployedWilling))[0].Person;
        var url = $"/Employment/Round/Edit?person={person.Id}&period=2021-12";

        var response = await PostInlineAsync(client, url, new() { ["Input.Status"] = "PublicWelfareJob", ["Input.Employer"] = "保洁员" }, url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"#p-{person.Id}", response.Headers.GetValues("HX-Retarget").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"id=\"p-{person.Id}\"", html);
        Assert.Contains("公益性岗位", html);
        Assert.Contains("<span id=\"round-changed\" hx-swap-oob=\"true\">1</span>", html);
    }

    [Fact]
    public async Task A_workplace_that_contradicts_the_status_is_refused_in_chinese_and_what_was_typed_stays()
    {
        var client = await SignInAsync("hejiawan", Hejiawan);
        var person = (await ListAsync(Hejiawan, VillageList.UnemployedWilling))[0].Person;
        var url = $"/Employment/Round/Edit?person={person.Id}&period=2021-12";

        var response = await PostFormAsync(client, url, new()
        {
            ["Input.Status"] = "OutsideProvince", ["Input.Workplace"] = "长沙市岳麓区", ["Input.Employer"] = "某电子厂",
            ["Input.ReturnedOn"] = "2022-03-01",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("“长沙市岳麓区”在省内县外，与“省外务工”不符", html);
        Assert.Contains("value=\"长沙市岳麓区\"", html);
        Assert.Contains("value=\"某电子厂\"", html);
        Assert.Matches("value=\"OutsideProvince\"\\s+checked", html);
        Assert.Equal(EmploymentStatus.UnemployedWilling, (await FindAsync(person.Id)).Situation!.Status);

        response = await PostFormAsync(client, url, new() { ["Input.Status"] = "UnemployedWilling", ["Input.ReturnedOn"] = "2022-03-01" });
        html = await response.Content.ReadAsStringAsync();
        Assert.Contains("返乡日期不能晚于2021年12月", html);
        Assert.Contains("value=\"2022-03-01\"", html);
        response = await PostFormAsync(client, url, new() { ["Input.Status"] = "UnemployedWilling", ["Input.ReturnedOn"] = "1921-12-01" });
        Assert.Contains("返乡日期不能早于2013年", await response.Content.ReadAsStringAsync());

        response = await PostFormAsync(client, url, new() { ["Input.Workplace"] = "深圳" });
        Assert.Contains("请选择目前状态", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Closing_the_month_makes_it_read_only_and_offers_the_next_month()
    {
        var client = await SignInAsync("hejiawan", Hejiawan);
        var person = (await ListAsync(Hejiawan, VillageList.UnemployedWilling))[0].Person;

        var response = await PostFormAsync(client, "/Employment/Round?handler=Close", new() { ["village"] = Hejiawan, ["period"] = "2021-12" }, "/Employment/Round");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var closed = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("2021年12月已关账（报送）", closed);
        Assert.Contains("本月只读", closed);
        Assert.Contains("进入 2022年1月 走访", closed);
        Assert.DoesNotContain("hx-get=\"/Employment/Round/Edit", closed);
        Assert.DoesNotContain("round-close", closed);

        var next = await client.GetStringAsync("/Employment/Round");
        Assert.Contains("<strong>2022年1月</strong>", next);
        Assert.Contains("走访中", next);

        var url = $"/Employment/Round/Edit?person={person.Id}&period=2021-12";
        var refused = await PostFormAsync(client, url, new() { ["Input.Status"] = "NotInLabourForce" });
        Assert.Contains("2021年12月已关账，不能再修改", await refused.Content.ReadAsStringAsync());
        Assert.Equal(EmploymentStatus.UnemployedWilling, (await FindAsync(person.Id)).Situation!.Status);

        var again = await PostFormAsync(client, "/Employment/Round?handler=Close", new() { ["village"] = Hejiawan, ["period"] = "2021-12" }, "/Employment/Round");
        Assert.Contains("已经关账", await client.GetStringAsync(again.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task A_village_officer_gets_404_for_another_villages_round_and_people()
    {
        var client = await SignInAsync("hejiawan", Hejiawan);
        var entry = (await ListAsync(Shibadong, VillageList.LabourForce))[0];
        var stranger = entry.Person;
        var url = $"/Employment/Round/Edit?person={stranger.Id}&period=2021-12";

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Employment/Round?village={Shibadong}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostInlineAsync(client, url, new() { ["Input.Status"] = "NotInLabourForce" }, "/Employment/Round")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(client, "/Employment/Round?handler=Close",
            new() { ["village"] = Shibadong, ["period"] = "2021-12" }, "/Employment/Round")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Employment/Lists?village={Shibadong}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Employment/Lists?handler=Export&village={Shibadong}")).StatusCode);
        Assert.Equal(entry.Situation!.Id, (await FindAsync(stranger.Id)).Situation!.Id);
    }

    [Fact]
    public async Task A_county_officer_chooses_the_village_with_the_picker_starting_at_their_county()
    {
        var client = await SignInAsync("ningxiang", "430182");

        var empty = await client.GetStringAsync("/Employment/Round");
        Assert.Contains("请选择村（社区）", empty);
        Assert.Contains("<span class=\"region-picker-crumb\">宁乡市</span>", empty);
        Assert.Contains("value=\"430182106\"", empty);
        Assert.DoesNotContain("value=\"430181", empty);

        // “打开” before a village is chosen sends the township (or the county): the picker keeps it and asks on.
        var township = await client.GetStringAsync("/Employment/Round?village=430182106");
        Assert.Contains("请选择村（社区）", township);
        Assert.Matches("value=\"430182106\"\\s+selected", township);
        Assert.Contains("value=\"430182106209\"", township);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Employment/Round?village=430182")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Employment/Round?village=433124110")).StatusCode);

        var chosen = await client.GetStringAsync($"/Employment/Round?village={Hejiawan}");
        Assert.Contains("月度走访 · 贺家湾村", chosen);
        Assert.Matches("value=\"430182106209\"\\s+selected", chosen);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Employment/Round?village={Shibadong}")).StatusCode);
    }
}
