using System.Net;
using Bangfu.Platform.Data;
using Bangfu.Registry.DataQuality;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Web.Tests.Registry;

public sealed class QualityPageTests : RegistryWebTest
{
    [Fact]
    public async Task The_seed_roster_raises_no_issues_so_the_worklist_is_empty()
    {
        var summary = await ImportAsync(Fixtures.SeedVillages);
        var client = await SignInAsync("ningxiang", "430182");

        var html = await client.GetStringAsync("/Registry/Quality");

        Assert.Equal(0, summary.Warnings);
        Assert.Contains("问题（0 条）", html);
        Assert.Contains("没有待整改的问题", html);
    }

    [Fact]
    public async Task A_village_officer_sees_the_open_issues_of_their_village_counted_per_rule()
    {
        await ImportDefectsAsync();
        var client = await SignInAsync("hejiawan", Hejiawan);

        var html = await client.GetStringAsync("/Registry/Quality");

        Assert.Contains("问题（4 条）", html);
        Assert.Contains("健康状况为空（3）", html);
        Assert.Contains("成员联系电话不是 11 位手机号码（1）", html);
        Assert.Equal(4, Issues(html));
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(html, "贺家湾村 · 户 430182106209").Count);
        Assert.Contains("/Registry/People/Detail?id=", html);
    }

    [Fact]
    public async Task A_county_officer_filters_the_worklist_by_village_and_rule()
    {
        await ImportDefectsAsync();
        var client = await SignInAsync("huayuan", "433124");

        var all = await client.GetStringAsync("/Registry/Quality");
        var phones = await client.GetStringAsync($"/Registry/Quality?region={Shibadong}&rule=MEMBER_PHONE_INVALID");
        var health = await client.GetStringAsync($"/Registry/Quality?region={Shibadong}&rule=HEALTH_EMPTY");

        Assert.Contains("问题（2 条）", all);
        Assert.Contains("十八洞村（2）", all);
        Assert.Equal(2, Issues(phones));
        Assert.Contains("问题（0 条）", health);
    }

    [Fact]
    public async Task Confirming_an_issue_closes_it_with_who_and_when()
    {
        await ImportDefectsAsync();
        var id = await OpenIssueIdAsync(Hejiawan);
        var client = await SignInAsync("hejiawan", Hejiawan);

        var response = await PostFormAsync(client, $"/Registry/Quality?handler=Confirm&id={id}", [], "/Registry/Quality");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("问题（3 条）", await client.GetStringAsync(response.Headers.Location!.ToString()));
        await using var scope = Services.InScope();
        var issue = await scope.Get<AppDbContext>().Set<QualityIssue>().SingleAsync(i => i.Id == id);
        Assert.Equal(QualityIssueState.Confirmed, issue.State);
        Assert.Equal("hejiawan", issue.ClosedBy);
        Assert.NotNull(issue.ClosedAt);
    }

    [Fact]
    public async Task Confirming_without_the_antiforgery_token_is_refused()
    {
        await ImportDefectsAsync();
        var id = await OpenIssueIdAsync(Hejiawan);
        var client = await SignInAsync("hejiawan", Hejiawan);

        var response = await client.PostAsync($"/Registry/Quality?handler=Confirm&id={id}", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var scope = Services.InScope();
        Assert.Equal(QualityIssueState.Open, (await scope.Get<AppDbContext>().Set<QualityIssue>().SingleAsync(i => i.Id == id)).State);
    }

    [Fact]
    public async Task An_issue_of_another_village_cannot_be_confirmed()
    {
        await ImportDefectsAsync();
        var id = await OpenIssueIdAsync(Shibadong);
        var client = await SignInAsync("hejiawan", Hejiawan);

        var response = await PostFormAsync(client, $"/Registry/Quality?handler=Confirm&id={id}", [], "/Registry/Quality");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_worklist_downloads_as_excel_with_masked_identifiers()
    {
        await ImportDefectsAsync();
        var client = await SignInAsync("hejiawan", Hejiawan);

        var response = await PostFormAsync(client, "/Registry/Quality?handler=Export", [], "/Registry/Quality");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var path = Path.Combine(Database.DataDirectory, "issues.xlsx");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(xml, "HEALTH_EMPTY").Count);
        Assert.Contains("430182********", xml);
        Assert.DoesNotMatch("430182(19|20)[0-9]{9}[0-9X]", xml);
    }

    [Fact]
    public async Task The_rules_page_lists_every_rule_with_its_severity_and_source()
    {
        var client = await SignInAsync("hejiawan", Hejiawan);

        var html = await client.GetStringAsync("/Registry/Quality/Rules");

        foreach (var rule in QualityRules.All)
        {
            Assert.Contains($"<code>{rule.Code}</code>", html);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(rule.Source), html);
        }
        Assert.Contains("<code>MONTH_CLOSED</code>", html); // the employment module's rule too
    }

    // Three people of 贺家湾村 without 健康状况, one with a 10-digit phone; two of 十八洞村 with 10-digit phones.
    private async Task ImportDefectsAsync()
    {
        var (headers, rows) = RosterFiles.Read(Fixtures.SeedVillages);
        var (village, health, phone) = (RosterFiles.Column(headers, "村"), RosterFiles.Column(headers, "健康状况"), RosterFiles.Column(headers, "成员联系电话"));
        foreach (var row in rows.Where(r => r[village] == "贺家湾村").Take(3)) row[health] = null;
        rows.Where(r => r[village] == "贺家湾村" && r[phone] is not null).Skip(5).First()[phone] = "1362913521";
        foreach (var row in rows.Where(r => r[village] == "十八洞村" && r[phone] is not null).Take(2)) row[phone] = "1362913521";
        var summary = await ImportAsync(RosterFiles.WriteCsv(Database.DataDirectory, "defects.csv", headers, rows));
        Assert.Equal(6, summary.Warnings);
    }

    private static int Issues(string html) => System.Text.RegularExpressions.Regex.Matches(html, "data-confirm=\"确认这条数据").Count;

    private async Task<Guid> OpenIssueIdAsync(string village)
    {
        await using var scope = Services.InScope();
        return await scope.Get<AppDbContext>().Set<QualityIssue>().Where(i => i.RegionCode == village).Select(i => i.Id).FirstAsync();
    }
}
