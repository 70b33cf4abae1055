using System.Net;
using Bangfu.Employment.Employers;
using Bangfu.Employment.Fairs;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Testing;
using Bangfu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Web.Tests.Employment;

/// <summary>The demo data set loaded, plus an employer with a contact phone and a vacancy still waiting for review.</summary>
public abstract class FairWebTest : WebTest
{
    protected const string ContactPhone = "13812345678";
    protected Guid PendingId { get; private set; }
    protected string PendingTitle => "待审核的叉车司机";
    protected Guid FairId { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Services.InScope(RegionScope.Of("430182"));
        await scope.Get<DemoDataLoader>().LoadAsync();
        var employer = (await scope.Get<EmployerService>().SaveAsync(null,
            new EmployerInput("宁乡市某物流公司", DemoDataLoader.CreditCodeOf(99, "430182"), null, "430182", null, "刘经理", ContactPhone, "宁乡经开区")))!.Employer!;
        var today = scope.Get<VacancyService>().Today;
        var pending = await scope.Get<VacancyService>().CreateAsync(employer.Id, new VacancyInput
        {
            Title = PendingTitle, OccupationCode = "4-02", Headcount = 3, WageMin = 4000, WageMax = 5000, WorkplaceRegionCode = "430182",
            ExpiresOn = today.AddMonths(1),
        }, VacancySource.Officer);
        Assert.True(pending!.Succeeded, string.Join("；", pending.Errors.Values));
        PendingId = pending.Vacancy!.Id;
        FairId = await scope.Get<AppDbContext>().Set<JobFair>().Select(f => f.Id).SingleAsync();
    }

    protected async Task<List<VacancyInterest>> InterestsAsync()
    {
        await using var scope = Services.InScope();
        return await scope.Get<AppDbContext>().Set<VacancyInterest>().AsNoTracking().ToListAsync();
    }

    protected async Task<FairResultPage> SearchAsync(FairSearch search)
    {
        await using var scope = Services.InScope(RegionScope.None);
        return await scope.Get<FairSearchService>().SearchAsync(search);
    }
}

public sealed class FairPagesTests : FairWebTest
{
    [Fact]
    public async Task The_online_fair_is_public_shows_open_vacancies_and_no_personal_data()
    {
        var client = Client();
        var response = await client.GetAsync("/Fair");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var page = await SearchAsync(new FairSearch());
        Assert.Equal(FairSearchService.PageSize, page.Items.Count);
        Assert.All(page.Items, v => Assert.Contains($"/Fair/Vacancy/{v.Id}", html));
        Assert.Contains("下一页", html);
        Assert.DoesNotContain(PendingTitle, html);
        Assert.DoesNotContain(ContactPhone, html);
        Assert.DoesNotContain("刘经理", html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Fair/Vacancy/{PendingId}")).StatusCode);

        // Filters through the query string: occupation (a 中类 finds its 细类), place, wage, near home.
        var guards = WebUtility.HtmlDecode(await client.GetStringAsync("/Fair?occupation=4-07"));
        var expected = await SearchAsync(new FairSearch(Occupation: "4-07"));
        Assert.NotEmpty(expected.Items);
        Assert.All(expected.Items, v => Assert.Contains($"/Fair/Vacancy/{v.Id}", guards));
        Assert.Contains("保安员", guards);
        Assert.DoesNotContain("汽车总装工", guards);
        var shibadong = WebUtility.HtmlDecode(await client.GetStringAsync("/Fair?placeProvince=43&home=433124&minWage=3000"));
        var near = await SearchAsync(new FairSearch(Place: "43", Home: "433124", MinWage: 3000));
        Assert.StartsWith("433124", near.Items[0].WorkplaceRegionCode);
        Assert.True(shibadong.IndexOf($"/Fair/Vacancy/{near.Items[0].Id}", StringComparison.Ordinal)
                    < shibadong.IndexOf($"/Fair/Vacancy/{near.Items[1].Id}", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Fair?occupation=%27%3B--&minWage=abc&p=-1&home=x")).StatusCode);

        var detail = WebUtility.HtmlDecode(await client.GetStringAsync($"/Fair/Vacancy/{page.Items[0].Id}"));
        Assert.Contains(page.Items[0].Title, detail);
        Assert.Contains("__RequestVerificationToken", detail);
        Assert.DoesNotContain(ContactPhone, detail);
    }

    [Fact]
    public async Task Registering_interest_needs_the_antiforgery_token_checks_the_fields_in_chinese_and_stores_one_interest()
    {
        var client = Client();
        var vacancy = (await SearchAsync(new FairSearch())).Items[0];
        var url = $"/Fair/Vacancy/{vacancy.Id}";
        var noToken = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "张三", ["Phone"] = "13900001111" }));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        var invalid = await PostFormAsync(client, url, new() { ["Name"] = "", ["Phone"] = "12345", ["IdNumber"] = "4301" });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var text = WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync());
        Assert.Contains("请填写姓名", text);
        Assert.Contains("手机号码应为 11 位数字", text);
        Assert.Contains("身份证号码不正确", text);
        Assert.Empty(await InterestsAsync());

        var ok = await PostFormAsync(client, url, new() { ["Name"] = "张三", ["Phone"] = "13900001111" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var confirmation = WebUtility.HtmlDecode(await client.GetStringAsync(ok.Headers.Location!.OriginalString));
        Assert.Contains("已收到您的求职意向登记", confirmation);
        Assert.Contains("登记不代表已被录用", confirmation);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, url, new() { ["Name"] = "张三", ["Phone"] = "139-0000-1111" })).StatusCode);
        Assert.Contains("已收到您的求职意向登记", WebUtility.HtmlDecode(await client.GetStringAsync(url)));
        var row = Assert.Single(await InterestsAsync());
        Assert.Equal(vacancy.Id, row.VacancyId);

        // The honeypot: a filled hidden field looks like success and stores nothing.
        var robot = await PostFormAsync(client, url, new() { ["Name"] = "李四", ["Phone"] = "13900002222", ["Website"] = "http://spam" });
        Assert.Equal(HttpStatusCode.Redirect, robot.StatusCode);
        Assert.Contains("已收到您的求职意向登记", WebUtility.HtmlDecode(await client.GetStringAsync(url)));
        Assert.Single(await InterestsAsync());
        // A vacancy not open cannot be registered for.
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(client, $"/Fair/Vacancy/{PendingId}", new() { ["Name"] = "李四", ["Phone"] = "13900002222" }, url)).StatusCode);
    }

    [Theory]
    [InlineData("６０００", 6000)]
    [InlineData("6000元", 6000)]
    [InlineData("6,000", 6000)]
    [InlineData(" 6，000 元/月", 6000)]
    [InlineData("6000元每月", 6000)]
    [InlineData("六千", null)]
    [InlineData("6000-8000", null)]
    public async Task The_wage_filter_reads_full_width_digits_separators_and_yuan_and_says_in_chinese_when_it_cannot(string typed, int? expected)
    {
        Assert.Equal(expected, Bangfu.Web.Pages.Fair.FairIndexModel.ReadWage(typed, out var hint));
        var html = WebUtility.HtmlDecode(await Client().GetStringAsync("/Fair?minWage=" + Uri.EscapeDataString(typed)));
        var results = await SearchAsync(new FairSearch(MinWage: expected));
        Assert.All(results.Items, v => Assert.Contains($"/Fair/Vacancy/{v.Id}", html));
        if (expected is null)
        {
            Assert.Contains("月薪请填写数字", html);
            Assert.Equal("月薪请填写数字，例如 4000（单位：元），本次查询未按月薪筛选", hint);
        }
        else
        {
            Assert.DoesNotContain("月薪请填写数字", html);
            // The filter was applied: the page differs from the unfiltered one (the demo data has wages below 6000).
            Assert.NotEqual((await SearchAsync(new FairSearch())).Items.Select(v => v.Id), results.Items.Select(v => v.Id));
        }
    }

    [Fact]
    public async Task The_confirmation_follows_only_this_browsers_registration_and_a_forwarded_link_shows_the_form()
    {
        var vacancy = (await SearchAsync(new FairSearch())).Items[0];
        var url = $"/Fair/Vacancy/{vacancy.Id}";
        var client = Client();
        var ok = await PostFormAsync(client, url, new() { ["Name"] = "张三", ["Phone"] = "13900001111" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(url, ok.Headers.Location!.OriginalString);
        var confirmed = await client.GetAsync(url);
        var text = WebUtility.HtmlDecode(await confirmed.Content.ReadAsStringAsync());
        Assert.Contains("已收到您的求职意向登记", text);
        Assert.DoesNotContain("interest-form", text);
        Assert.Contains("no-store", confirmed.Headers.CacheControl!.ToString());

        // Someone else opening the same address, now or with the old ending, gets the form, never the confirmation
        // (neither from the page nor from a cache); so does the same browser on its next visit.
        foreach (var (c, address) in new[] { (Client(), url), (Client(), url + "?registered=true"), (client, url) })
        {
            var page = WebUtility.HtmlDecode(await c.GetStringAsync(address));
            Assert.DoesNotContain("已收到您的求职意向登记", page);
            Assert.Contains("interest-form", page);
        }
        // The confirmation of one vacancy does not show on another.
        var other = (await SearchAsync(new FairSearch())).Items[1];
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, url, new() { ["Name"] = "张三", ["Phone"] = "13900001111" })).StatusCode);
        Assert.DoesNotContain("已收到您的求职意向登记", WebUtility.HtmlDecode(await client.GetStringAsync($"/Fair/Vacancy/{other.Id}")));
    }

    [Fact]
    public async Task A_vacancy_closed_while_the_form_was_open_and_a_truncated_link_get_the_fairs_public_not_found_page()
    {
        var client = Client();
        var vacancy = (await SearchAsync(new FairSearch())).Items[0];
        var url = $"/Fair/Vacancy/{vacancy.Id}";
        Assert.Contains("interest-form", await client.GetStringAsync(url)); // the form is open
        await using (var scope = Services.InScope(RegionScope.Nationwide))
            Assert.True(await scope.Get<VacancyService>().WithdrawAsync(vacancy.Id) is not null);
        // The token of the page opened before (any fair page's is the same): the vacancy's own page is gone now.
        var closed = await PostFormAsync(client, url, new() { ["Name"] = "张三", ["Phone"] = "13900001111" },
            $"/Fair/Vacancy/{(await SearchAsync(new FairSearch())).Items[0].Id}");
        Assert.Equal(HttpStatusCode.NotFound, closed.StatusCode);
        var text = WebUtility.HtmlDecode(await closed.Content.ReadAsStringAsync());
        Assert.Contains("该岗位已停止招聘", text);
        Assert.Contains("href=\"/Fair\"", text);
        Assert.DoesNotContain("不在您的管辖范围内", text);
        Assert.Empty(await InterestsAsync());

        foreach (var address in new[] { "/Fair/Vacancy/garbage", "/Fair/Vacancy/" + vacancy.Id.ToString()[..8], "/Fair/xyz", $"/Fair/Vacancy/{PendingId}" })
        {
            var response = await Client().GetAsync(address);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("返回网络招聘会", page);
            Assert.DoesNotContain("不在您的管辖范围内", page);
        }
    }

    [Fact]
    public async Task A_fair_page_shows_its_figures_to_its_county_and_is_not_found_for_another_county()
    {
        var ningxiang = await SignInAsync("ningxiang", "430182");
        var response = await ningxiang.GetAsync($"/Employment/Fairs/Details/{FairId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        FairFigures figures;
        await using (var scope = Services.InScope())
            figures = await scope.Get<JobFairService>().FiguresAsync(FairId);
        Assert.Contains($"data-figure=\"employers\">{figures.Employers}<", html);
        Assert.Contains($"data-figure=\"jobs\">{figures.Jobs}<", html);
        Assert.True(figures.Jobs >= 10_000);

        var signIn = await PostFormAsync(ningxiang, $"/Employment/Fairs/Details/{FairId}?handler=SignIn",
            new() { ["name"] = "赵六", ["idNumber"] = "123" }, $"/Employment/Fairs/Details/{FairId}");
        Assert.Contains("身份证号码不正确", WebUtility.HtmlDecode(await signIn.Content.ReadAsStringAsync()));

        var huayuan = await SignInAsync("huayuan", "433124");
        Assert.Equal(HttpStatusCode.NotFound, (await huayuan.GetAsync($"/Employment/Fairs/Details/{FairId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await huayuan.GetAsync("/Employment/Fairs")).StatusCode);
        Assert.DoesNotContain(DemoDataLoader.FairName, WebUtility.HtmlDecode(await huayuan.GetStringAsync("/Employment/Fairs")));
    }
}

public sealed class FairRateLimitTests : FairWebTest
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Security:InterestsPerHour"] = "2" };

    [Fact]
    public async Task Interest_registrations_over_the_limit_per_address_are_answered_with_429()
    {
        var client = Client();
        var url = $"/Fair/Vacancy/{(await SearchAsync(new FairSearch())).Items[0].Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, url, new() { ["Name"] = "张三", ["Phone"] = "13900001111" })).StatusCode);
        Assert.Contains("已收到您的求职意向登记", await client.GetStringAsync(url)); // the browser follows the redirect: the confirmation, once
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, url, new() { ["Name"] = "李四", ["Phone"] = "13900002222" })).StatusCode);
        await client.GetStringAsync(url);
        var over = await PostFormAsync(client, url, new() { ["Name"] = "王五", ["Phone"] = "13900003333" });
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Equal(2, (await InterestsAsync()).Count);
        // Searching is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Fair")).StatusCode);
    }
}
