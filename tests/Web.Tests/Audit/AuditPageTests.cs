using System.Net;
using Bangfu.Identity.Users;
using Bangfu.Platform.Audit;
using Bangfu.Testing;
using Bangfu.Web.Tests.Registry;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Bangfu.Web.Tests.Audit;

/// <summary>
/// The auditor's page at /Audit: search by user, category, event, target and dates, newest first with keyset paging,
/// an Excel export that is itself recorded, the verification verdict; and nobody else opens it, not even the system
/// administrator.
/// </summary>
public sealed class AuditPageTests : RegistryWebTest
{
    [Fact]
    public async Task The_auditor_finds_who_looked_at_a_person_and_sees_the_chain_intact()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var person = await PersonAsync(Hejiawan);
        var county = await SignInAsync("ningxiang", "430182");
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/Registry/People/Detail?id={person.Id}")).StatusCode);
        var auditor = await SignInAsync("shenji", null, Roles.Auditor);

        var html = await auditor.GetStringAsync("/Audit?user=ningxiang&category=人员");
        var byTarget = Rows(await auditor.GetStringAsync($"/Audit?event={AuditEvents.PersonView}&target={person.Id}"));
        var today = DateTime.Now.ToString("yyyy-MM-dd");
        var yesterday = DateTime.Now.AddDays(-1).ToString("yyyy-MM-dd");

        Assert.Contains("哈希链完整", html);
        var rows = Rows(html);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(("人员", "ningxiang"), (r[1], r[4])));
        Assert.Contains(rows, r => r[2] == "查看人员详情" && r[6] == person.Id.ToString() && r[7] == Hejiawan);
        Assert.Equal("查看人员详情", Assert.Single(byTarget)[2]);
        Assert.Single(Rows(await auditor.GetStringAsync($"/Audit?event={AuditEvents.PersonView}&target={person.Id}&from={today}&to={today}")));
        Assert.Contains("没有符合条件的记录", await auditor.GetStringAsync($"/Audit?event={AuditEvents.PersonView}&from={yesterday}&to={yesterday}"));
    }

    [Fact]
    public async Task The_auditor_pages_back_in_time_newest_first()
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            for (var i = 1; i <= 60; i++)
                await trail.RecordAsync(new AuditEntry(AuditCategories.System, "test.entry", Target: $"第{i}条"));
        }
        var auditor = await SignInAsync("shenji", null, Roles.Auditor);

        var first = await auditor.GetStringAsync("/Audit?event=test.entry");
        var next = System.Text.RegularExpressions.Regex.Match(first, "href=\"(/Audit\\?[^\"]*before=[0-9]+[^\"]*)\"");
        Assert.True(next.Success, "no link to older entries");
        var second = await auditor.GetStringAsync(WebUtility.HtmlDecode(next.Groups[1].Value));

        var targets = Rows(first).Concat(Rows(second)).Select(r => r[6]).ToList();
        Assert.Equal(50, Rows(first).Count);
        Assert.Equal(Enumerable.Range(1, 60).Reverse().Select(i => $"第{i}条"), targets);
    }

    [Fact]
    public async Task The_auditor_exports_the_search_to_excel_and_the_export_is_recorded()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var county = await SignInAsync("ningxiang", "430182");
        await county.GetStringAsync($"/Registry/People/Detail?id={(await PersonAsync(Hejiawan)).Id}");
        var auditor = await SignInAsync("shenji", null, Roles.Auditor);

        var response = await auditor.GetAsync("/Audit?handler=Export&user=ningxiang");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var rows = MiniExcel.Query(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), useHeaderRow: true)
            .Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => (string?)r["事件"] == "查看人员详情" && (string?)r["用户"] == "ningxiang");
        var export = Assert.Single(await Services.EntriesAsync(AuditEvents.ExportAudit));
        Assert.Equal(("shenji", AuditCategories.Export), (export.UserName, export.Category));
        Assert.Contains($"\"rows\":{rows.Count}", export.Details);
    }

    [Fact]
    public async Task A_broken_chain_shows_on_the_page_after_verifying_again()
    {
        var auditor = await SignInAsync("shenji", null, Roles.Auditor);
        Assert.Contains("哈希链完整", await auditor.GetStringAsync("/Audit"));
        var victim = (await Services.EntriesAsync()).First();
        await Services.DropProtectionAsync();
        await Services.ExecuteSqlAsync($"UPDATE aud_event SET user_name = 'someone' WHERE id = {victim.Id}");

        var response = await PostFormAsync(auditor, "/Audit?handler=Verify", [], "/Audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await auditor.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("哈希链断开", html);
        Assert.Contains($"第 {victim.Id} 条审计记录被改动", html);
    }

    [Fact]
    public async Task Nobody_but_the_auditor_opens_the_audit_trail_not_even_the_system_administrator()
    {
        var auditor = await SignInAsync("shenji", null, Roles.Auditor);
        var others = new[]
        {
            await SignInAsync("ningxiang", "430182"),
            await SignInAsync("xitong", "", Roles.SystemAdministrator),
            await SignInAsync("anquan", "", Roles.SecurityAdministrator),
        };

        Assert.Contains("href=\"/Audit\"", await auditor.GetStringAsync("/"));
        foreach (var client in others)
        {
            Assert.DoesNotContain("href=\"/Audit\"", await client.GetStringAsync("/"));
            foreach (var url in new[] { "/Audit", "/Audit?handler=Export" })
            {
                var response = await client.GetAsync(url);
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/Denied")),
                    $"{url}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        Assert.Empty(await Services.EntriesAsync(AuditEvents.ExportAudit));
    }
}
