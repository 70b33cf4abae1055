using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Bangfu.Employment.Contracts;
using Bangfu.Employment.MonthlyRound;
using Bangfu.Employment.Referrals;
using Bangfu.Employment.Services;
using Bangfu.Platform.Data;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Web.Tests.Employment.Services;

/// <summary>The 311 pages, the push list and its outbox, and the referral pages, on the seed roster (2021-12).</summary>
public sealed class ServicesPagesTests : SeedVillagesWebTest
{
    private int Year => Clock.GetLocalNow().Year;

    [Fact]
    public async Task A_village_officer_records_one_service_for_several_people_and_sees_what_is_left()
    {
        var client = await SignInAsync("hejiawan", Hejiawan);
        var seekers = await ListAsync(Hejiawan, VillageList.UnemployedWilling);
        var page = await client.GetStringAsync("/Employment/Services");
        Assert.Contains("311 服务登记 · 贺家湾村", page);
        Assert.All(seekers, s => Assert.Contains($"value=\"{s.Person.Id}\"", page));

        var response = await PostAsync(client, "/Employment/Services?village=" + Hejiawan, "/Employment/Services",
        [
            new("Input.People", seekers[0].Person.Id.ToString()), new("Input.People", seekers[1].Person.Id.ToString()),
            new("Input.Kind", "CareerGuidance"), new("Input.Channel", "Phone"), new("Input.Date", Today()), new("Input.What", "电话职业指导"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var records = await RecordsAsync();
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal((ServiceKind.CareerGuidance, ServiceChannel.Phone, "hejiawan"), (r.Kind, r.Channel, r.By)));
        var after = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("已登记 2 人的职业指导", after);
        Assert.Contains("还差 3 次岗位推送、1 次培训信息", after);
        Assert.Single(await Services.EntriesAsync(Ledger311Service.RecordEvent));
    }

    [Fact]
    public async Task A_form_without_a_service_type_or_with_a_future_date_is_refused_in_chinese_and_records_nothing()
    {
        var client = await SignInAsync("hejiawan", Hejiawan);
        var person = (await ListAsync(Hejiawan, VillageList.UnemployedWilling))[0].Person.Id.ToString();

        var missing = await PostAsync(client, "/Employment/Services?village=" + Hejiawan, "/Employment/Services",
            [new("Input.People", person), new("Input.Channel", "Phone"), new("Input.Date", Today())]);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("请选择服务类型", await missing.Content.ReadAsStringAsync());
        var future = await PostAsync(client, "/Employment/Services?village=" + Hejiawan, "/Employment/Services",
            [new("Input.People", person), new("Input.Kind", "JobPush"), new("Input.Channel", "Phone"), new("Input.Date", Clock.GetLocalNow().AddDays(3).ToString("yyyy-MM-dd"))]);
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        Assert.Contains("晚于今天，不能预先登记", await future.Content.ReadAsStringAsync());
        var garbage = await PostAsync(client, "/Employment/Services?village=" + Hejiawan, "/Employment/Services",
            [new("Input.People", "not-a-guid"), new("Input.Kind", "99"), new("Input.Channel", "x"), new("Input.Date", "明天")]);
        Assert.Equal(HttpStatusCode.OK, garbage.StatusCode);
        Assert.Empty(await RecordsAsync());
    }

    [Fact]
    public async Task A_village_officer_cannot_record_for_or_see_a_person_of_another_village()
    {
        var client = await SignInAsync("hejiawan", Hejiawan);
        var stranger = (await ListAsync(Shibadong, VillageList.UnemployedWilling))[0].Person.Id.ToString();

        var post = await PostAsync(client, "/Employment/Services?village=" + Hejiawan, "/Employment/Services",
            [new("Input.People", stranger), new("Input.Kind", "JobPush"), new("Input.Channel", "Phone"), new("Input.Date", Today())]);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Empty(await RecordsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Employment/Services?village=" + Shibadong)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Employment/Services/Push?village=" + Shibadong)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Employment/Ledger?region=" + Shibadong)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Employment/Ledger?region=433124")).StatusCode);
        Assert.DoesNotContain(stranger, await client.GetStringAsync("/Employment/Services/Push"));
    }

    [Fact]
    public async Task The_ledger_drills_down_from_the_county_to_the_village_and_exports_masked_ids_audited()
    {
        var seekers = await ListAsync(Hejiawan, VillageList.UnemployedWilling);
        var client = await SignInAsync("ningxiang", "430182");

        var county = await client.GetStringAsync("/Employment/Ledger");
        Assert.Contains("311 服务台账 · 宁乡市", county);
        Assert.Contains("href=\"/Employment/Ledger?region=430182106", county);
        var township = await client.GetStringAsync("/Employment/Ledger?region=430182106");
        var row = Regex.Match(township, @"贺家湾村</a></td>\s*<td class=""text-end"">(\d+)</td>");
        Assert.True(row.Success, "the township shows 贺家湾村 with its target group");
        Assert.Equal(seekers.Count, int.Parse(row.Groups[1].Value));
        var village = await client.GetStringAsync($"/Employment/Ledger?region={Hejiawan}&worklist=true");
        Assert.All(seekers, s => Assert.Contains(s.Person.IdNumberMasked, village));

        var export = await client.GetAsync($"/Employment/Ledger?handler=Export&region={Hejiawan}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var sheet = SheetText(await export.Content.ReadAsByteArrayAsync());
        Assert.Contains(seekers[0].Person.IdNumberMasked, sheet);
        var (headers, rows) = RosterFiles.Read(Fixtures.SeedVillages);
        var (number, id) = (RosterFiles.Column(headers, "人口编号"), Array.FindIndex(headers, h => h.Contains("证件号码") || h.Contains("身份证")));
        var ours = seekers.Select(s => s.Person.PersonNumber).ToHashSet();
        var fullIds = rows.Where(r => ours.Contains(r[number]!)).Select(r => r[id]!).ToList();
        Assert.Equal(seekers.Count, fullIds.Count);
        Assert.All(fullIds, full => Assert.DoesNotContain(full, sheet));
        var audited = Assert.Single(await Services.EntriesAsync(Bangfu.Web.Pages.Employment.Ledger.IndexModel.ExportEvent));
        Assert.Equal(Hejiawan, audited.RegionCode);
    }

    [Fact]
    public async Task Without_a_gateway_an_sms_stays_in_the_outbox_unsent_and_only_a_recorded_delivery_counts()
    {
        await MatchingScenario.PostAsync(Services);
        var client = await SignInAsync("hejiawan", Hejiawan);
        var seekers = (await ListAsync(Hejiawan, VillageList.UnemployedWilling)).Where(e => e.Person.PhoneMasked is { Length: > 0 }).Take(2).ToList();
        Assert.Equal(2, seekers.Count);

        var sms = await PostAsync(client, "/Employment/Services/Push?handler=Sms&village=" + Hejiawan, "/Employment/Services/Push",
            [new("People", seekers[0].Person.Id.ToString()), new("People", seekers[1].Person.Id.ToString()), new("Text", "某电子厂招普工，详询村部。")]);
        Assert.Equal(HttpStatusCode.Redirect, sms.StatusCode);
        Assert.Contains("未配置短信网关，未发送，不计入岗位推送", await client.GetStringAsync(sms.Headers.Location!.OriginalString));
        Assert.Empty(await RecordsAsync());
        var outbox = await client.GetStringAsync("/Employment/Services/Outbox");
        Assert.Contains(seekers[0].Person.PhoneMasked!, outbox);
        Assert.Contains("未发送", outbox);
        Assert.DoesNotContain("已发送", outbox.Replace("已发送的", ""));
        await using (var scope = Services.InScope())
            Assert.All(await scope.Get<AppDbContext>().Set<OutboxMessage>().ToListAsync(), m => Assert.Equal(OutboxState.NotConfigured, m.State));

        var pushList = await client.GetStringAsync("/Employment/Services/Push");
        var listed = Regex.Matches(pushList, $"name=\"v.{seekers[0].Person.Id}\" value=\"([0-9a-f-]{{36}})\"").Select(m => Guid.Parse(m.Groups[1].Value)).ToList();
        Assert.NotEmpty(listed);
        var delivered = await PostAsync(client, "/Employment/Services/Push?handler=Deliver&village=" + Hejiawan, "/Employment/Services/Push",
            [new("People", seekers[0].Person.Id.ToString()), new("Channel", "WeChatGroup"), new("Date", Today()),
             .. listed.Select(v => new KeyValuePair<string, string>($"v.{seekers[0].Person.Id}", v.ToString()))]);
        Assert.Equal(HttpStatusCode.Redirect, delivered.StatusCode);
        var record = Assert.Single(await RecordsAsync());
        Assert.Equal((seekers[0].Person.Id, ServiceKind.JobPush, ServiceChannel.WeChatGroup), (record.PersonId, record.Kind, record.Channel));
        Assert.Equal(listed, record.Vacancies());
    }

    [Fact]
    public async Task A_referral_ends_in_a_placement_and_a_follow_up_that_finds_the_job_lost_puts_the_person_back()
    {
        var client = await SignInAsync("hejiawan", Hejiawan);
        var person = (await ListAsync(Hejiawan, VillageList.UnemployedWilling))[0].Person;

        var created = await PostAsync(client, "/Employment/Referrals?village=" + Hejiawan, "/Employment/Referrals?village=" + Hejiawan,
        [
            new("Input.Person", person.Id.ToString()), new("Input.JobTitle", "普工"), new("Input.EmployerName", "某电子厂"),
            new("Input.Source", "Fair"), new("Input.ReferredOn", "2022-01-05"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await client.GetStringAsync(created.Headers.Location!.OriginalString);
        var outcomeUrl = WebUtility.HtmlDecode(Regex.Match(list, "href=\"(/Employment/Referrals/Outcome\\?id=[^\"]+)\"").Groups[1].Value);

        var refused = await PostAsync(client, outcomeUrl, outcomeUrl,
            [new("Input.Outcome", "Hired"), new("Input.OutcomeOn", "2022-01-08"), new("Input.EmployerName", "某电子厂"), new("Input.StartDate", "2022-01-10"), new("Input.Wage", "很多"), new("Input.Workplace", "火星")]);
        var errors = await refused.Content.ReadAsStringAsync();
        Assert.Contains("月工资应为数字", errors);
        Assert.Contains("value=\"火星\"", errors);
        var placed = await PostAsync(client, outcomeUrl, outcomeUrl,
            [new("Input.Outcome", "Hired"), new("Input.OutcomeOn", "2022-01-08"), new("Input.EmployerName", "某电子厂"), new("Input.StartDate", "2022-01-10"), new("Input.Wage", "4800"), new("Input.Workplace", "广东省深圳市坪山区")]);
        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        var january = (await FindAsync(person.Id, Bangfu.Platform.Time.Period.Parse("2022-01"))).Situation!;
        Assert.Equal((EmploymentStatus.WageEmployed, WorkplaceKind.OutsideProvince, "440310"), (january.Status, january.Workplace, january.WorkplaceRegionCode));

        var tasks = await client.GetStringAsync("/Employment/Referrals/FollowUps?all=true");
        Assert.Contains("第 1 个月回访 · 已逾期 2022-02-10", tasks);
        Assert.Contains("第 6 个月回访 · 已逾期 2022-07-10", tasks);
        var first = Regex.Match(tasks, "id=\"f-([0-9a-f-]{36})\"").Groups[1].Value;
        var lost = await PostAsync(client, $"/Employment/Referrals/FollowUps?id={first}&all=true", "/Employment/Referrals/FollowUps?all=true",
            [new("doneOn", "2022-02-12"), new("stillEmployed", "false")]);
        Assert.Equal(HttpStatusCode.Redirect, lost.StatusCode);
        Assert.Contains(await ListAsync(Hejiawan, VillageList.UnemployedWilling, Bangfu.Platform.Time.Period.Parse("2022-02")), e => e.Person.Id == person.Id);
        Assert.DoesNotContain("id=\"f-", await client.GetStringAsync("/Employment/Referrals/FollowUps?all=true"));
        Assert.Contains(await Services.EntriesAsync("placement.create"), e => e.Target == person.Id.ToString());
    }

    [Fact]
    public async Task A_village_officer_cannot_open_the_outcome_of_another_villages_referral()
    {
        var stranger = (await ListAsync(Shibadong, VillageList.UnemployedWilling))[0].Person.Id;
        Guid id;
        await using (var scope = Services.InScope())
            id = (await scope.Get<ReferralService>().CreateAsync(new ReferralInput(stranger, null, "保洁员", "十八洞村委会", ReferralSource.WalkIn, new DateOnly(2022, 1, 3)), "测试")).Id;
        var client = await SignInAsync("hejiawan", Hejiawan);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Employment/Referrals/Outcome?id={id}")).StatusCode);
    }

    private string Today() => Clock.GetLocalNow().ToString("yyyy-MM-dd");

    private async Task<List<ServiceRecord>> RecordsAsync()
    {
        await using var scope = Services.InScope();
        return await scope.Get<AppDbContext>().Set<ServiceRecord>().ToListAsync();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string formPage, List<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(formPage);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"");
        Assert.True(token.Success, "no antiforgery token on " + formPage);
        fields.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static string SheetText(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        return string.Concat(zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }
}
