using System.Net;
using System.Text.RegularExpressions;
using Bangfu.Employment.Contracts;
using Bangfu.Employment.Fairs;
using Bangfu.Employment.MonthlyRound;
using Bangfu.Employment.Referrals;
using Bangfu.Employment.Services;
using Bangfu.Employment.Transport;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Security;
using Bangfu.Registry.People;
using Bangfu.Platform.Time;
using Bangfu.Testing;
using Bangfu.Web.Tests.Employment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Web.Tests.Reporting;

/// <summary>就业服务统计 on the seed roster: services, referrals and a placement recorded through the services, the
/// figures checked against what was recorded and against the rows of the database.</summary>
public sealed partial class ServicesReportPageTests : SeedVillagesWebTest
{
    private const string Meitanba = MatchingScenario.Meitanba;

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    /// <summary>The cells of a region's row as text: name, open, jobs, pushes, guidance, training, "complete/target pct%",
    /// referrals, placements, "retained/due" at 3 and at 6 months, transported, fairs held, fair attendees.</summary>
    private static string[] RowOf(string html, string region)
    {
        var row = Regex.Match(html, $"<tr[^>]*data-region=\"{region}\"[^>]*>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"no row for {region}");
        return Cell().Matches(row.Groups[1].Value).Select(m => Regex.Replace(WebUtility.HtmlDecode(Tag().Replace(m.Groups[1].Value, "")), @"\s+", " ").Trim()).ToArray();
    }

    private async Task<T> AsAsync<T>(string region, Func<IServiceProvider, Task<T>> act)
    {
        await using var scope = Services.InScope(RegionScope.Of(region));
        return await act(scope.ServiceProvider);
    }

    [Fact]
    public async Task The_figures_of_a_month_count_what_was_recorded_by_region_and_link_to_their_lists()
    {
        var posted = await MatchingScenario.PostAsync(Services);
        var seekers = (await ListAsync(Hejiawan, VillageList.UnemployedWilling)).Select(e => e.Person).ToList();
        var (a, b, c) = (seekers[0], seekers[1], seekers[2]);
        var today = DateOnly.FromDateTime(Clock.GetLocalNow().DateTime);
        await AsAsync(Hejiawan, async s =>
        {
            var ledger = s.GetRequiredService<Ledger311Service>();
            foreach (var _ in Enumerable.Range(0, Ledger311.RequiredPushes))
                await ledger.RecordAsync([a.Id], new ServiceInput(ServiceKind.JobPush, today, ServiceChannel.Phone, "电话推送"), "测试");
            await ledger.RecordAsync([a.Id, b.Id], new ServiceInput(ServiceKind.JobPush, today, ServiceChannel.Phone, "电话推送"), "测试");
            await ledger.RecordAsync([a.Id], new ServiceInput(ServiceKind.CareerGuidance, today, ServiceChannel.Phone, null), "测试");
            await ledger.RecordAsync([a.Id], new ServiceInput(ServiceKind.TrainingReferral, today, ServiceChannel.Phone, null), "测试");
            await ledger.RecordAsync([b.Id], new ServiceInput(ServiceKind.JobPush, today.AddMonths(-1), ServiceChannel.Phone, null), "测试");
            var referrals = s.GetRequiredService<ReferralService>();
            await referrals.CreateAsync(new ReferralInput(b.Id, posted.Welder, "焊工", "比亚迪", ReferralSource.Push, today), "测试");
            var old = await referrals.CreateAsync(new ReferralInput(c.Id, null, "普工", "某电子厂", ReferralSource.Fair, new DateOnly(2022, 1, 5)), "测试");
            await referrals.RecordOutcomeAsync(old.Id, ReferralOutcome.Hired, new DateOnly(2022, 1, 8),
                new PlacementInput(null, "某电子厂", new DateOnly(2022, 1, 10), 4800, "440310"), "测试");
            return 0;
        });
        await AsAsync(Hejiawan, async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var three = await db.Set<FollowUp>().SingleAsync(f => f.PersonId == c.Id && f.MonthsAfterStart == 3);
            await s.GetRequiredService<ReferralService>().CompleteFollowUpAsync(three.Id, three.DueOn.AddDays(2), true, 4800, null, "测试");
            return 0;
        });
        var carried = seekers.Skip(3).Take(2).ToList();
        await AsAsync(MatchingScenario.Ningxiang, async s =>
        {
            var transport = s.GetRequiredService<TransportService>();
            var departed = (await transport.CreateAsync(new TransportBatchInput(MatchingScenario.Ningxiang, "宁乡市人社局", new DateOnly(2022, 2, 11),
                MatchingScenario.Ningxiang, "4403", "比亚迪", null, TransportMode.Bus, 40, 3000m, TransportPayer.Government, null), "测试", default)).Id!.Value;
            foreach (var p in carried) await transport.AddPassengerAsync(departed, p.Id, "测试", default);
            await transport.DepartAsync(departed, default);
            var planned = (await transport.CreateAsync(new TransportBatchInput(MatchingScenario.Ningxiang, "宁乡市人社局", new DateOnly(2022, 2, 20),
                MatchingScenario.Ningxiang, "4403", "比亚迪", null, TransportMode.Bus, 40, null, TransportPayer.Government, null), "测试", default)).Id!.Value;
            await transport.AddPassengerAsync(planned, seekers[5].Id, "测试", default);
            return 0;
        });
        // A fair at 贺家湾村 this month with one of its seekers signed in, and one last year that does not count now.
        await AsAsync(MatchingScenario.Ningxiang, async s =>
        {
            var idNumber = s.GetRequiredService<PersonalDataProtector>().Decrypt(
                (await s.GetRequiredService<AppDbContext>().Set<Person>().SingleAsync(p => p.Id == a.Id)).IdNumberCipher);
            var fairs = s.GetRequiredService<JobFairService>();
            var now = (await fairs.SaveAsync(null, new FairInput("贺家湾村招聘会", today, Hejiawan, "村部广场", "宁乡市人社局"))).Fair!;
            Assert.Null((await fairs.SignInAsync(now.Id, "参会人", idNumber))!.Error);
            await fairs.SaveAsync(null, new FairInput("去年的招聘会", today.AddYears(-1), Hejiawan, null, null));
            return 0;
        });
        var month = $"{today:yyyy-MM}";
        var period = Period.Parse(month);
        int target;
        List<Vacancy> vacancies;
        await using (var scope = Services.InScope())
        {
            var db = scope.Get<AppDbContext>();
            target = await db.Set<EmploymentSituation>().Where(s => s.RegionCode.StartsWith(Meitanba) && s.Status == EmploymentStatus.UnemployedWilling
                    && s.FromPeriod <= period && (s.ToPeriod == null || s.ToPeriod > period)).Select(s => s.PersonId).Distinct().CountAsync();
            vacancies = await db.Set<Vacancy>().ToListAsync();
        }
        var welder = vacancies.Single(v => v.Id == posted.Welder);
        var client = await SignInAsync("ningxiang", MatchingScenario.Ningxiang);

        var html = await client.GetStringAsync($"/Reporting/Services?region={MatchingScenario.Ningxiang}&month={month}");

        var town = RowOf(html, Meitanba);
        Assert.Equal(["1", welder.Headcount.ToString(), (Ledger311.RequiredPushes + 2).ToString(), "1", "1"], town[1..6]);
        Assert.StartsWith($"1/{target} ", town[6]);
        Assert.Equal(["1", "0", "0/0", "0/0", "0", "1", "1"], town[7..]);
        var total = RowOf(html, MatchingScenario.Ningxiang);
        Assert.Equal([vacancies.Count.ToString(), vacancies.Sum(v => v.Headcount).ToString()], total[1..3]);
        Assert.Contains($"href=\"/Employment/Ledger?region={Meitanba}&amp;year={today.Year}\"", html);
        Assert.Contains($"href=\"/Employment/Referrals?village={Meitanba}\"", html);
        Assert.Contains($"href=\"/Reporting/Transport/People?region={Meitanba}&period={month}\"", html);

        var january = RowOf(await client.GetStringAsync($"/Reporting/Services?region={Meitanba}&month=2022-01"), Hejiawan);
        Assert.Equal(["0", "0", "0", "0", "0"], january[1..6]);
        Assert.Equal(["1", "1", "0/0", "0/0"], january[7..11]);
        var april = RowOf(await client.GetStringAsync($"/Reporting/Services?region={Meitanba}&month=2022-04"), Hejiawan);
        Assert.Equal(["0", "0", "1/1", "0/0"], april[7..11]);
        var july = RowOf(await client.GetStringAsync($"/Reporting/Services?region={Meitanba}&month=2022-07"), Hejiawan);
        Assert.Equal("0/1", july[10]);
        var february = RowOf(await client.GetStringAsync($"/Reporting/Services?region={Meitanba}&month=2022-02"), Hejiawan);
        Assert.Equal([carried.Count.ToString(), "0", "0"], february[11..]);
    }

    [Fact]
    public async Task An_officer_of_Ningxiang_gets_404_for_Huayuan_and_the_export_is_audited()
    {
        var client = await SignInAsync("ningxiang", MatchingScenario.Ningxiang);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Reporting/Services?region={MatchingScenario.Huayuan}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Reporting/Services?region={Shibadong}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Reporting/Services?region=43")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Reporting/Services?region=abc")).StatusCode);
        var bad = await client.GetAsync("/Reporting/Services?month=明年");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("月份应写作", await bad.Content.ReadAsStringAsync());

        var export = await client.GetAsync("/Reporting/Services?handler=Export&month=2022-01");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), useHeaderRow: true)
            .Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => (r["地区代码"]?.ToString() ?? "") == MatchingScenario.Ningxiang);
        Assert.Contains(rows, r => (r["地区代码"]?.ToString() ?? "") == Meitanba);
        Assert.Single(await Services.EntriesAsync(AuditEvents.ExportServicesReport));
    }
}
