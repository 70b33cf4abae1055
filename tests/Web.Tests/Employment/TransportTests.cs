using System.Net;
using System.Text.RegularExpressions;
using Bangfu.Employment.Contracts;
using Bangfu.Employment.MonthlyRound;
using Bangfu.Employment.Transport;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Security;
using Bangfu.Platform.Time;
using Bangfu.Registry.Contracts;
using Bangfu.Registry.People;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Web.Tests.Employment;

/// <summary>Point-to-point transport through the pages, on the seed roster, as county officers of 宁乡市 and 花垣县.</summary>
public sealed class TransportTests : SeedVillagesWebTest
{
    private const string Ningxiang = "430182";
    private const string Huayuan = "433124";
    private static readonly Period February = Period.Parse("2022-02");

    [Fact]
    public async Task A_county_officer_creates_a_batch_adds_people_by_person_number_and_ID_number_and_confirms_their_arrival()
    {
        var client = await SignInAsync("ningxiang", Ningxiang);
        var people = await VillageAsync(Hejiawan);
        var idNumber = await IdNumberAsync(people[1].Id);

        var batch = await CreateBatchAsync(client, "2022-02-10", "4403", seats: "2", employer: "比亚迪股份有限公司");
        var byNumber = await PostFormAsync(client, $"/Employment/Transport/Batch?id={batch}&handler=Find", new() { ["query"] = people[0].PersonNumber }, BatchUrl(batch));
        var byId = await PostFormAsync(client, $"/Employment/Transport/Batch?id={batch}&handler=Find", new() { ["query"] = idNumber }, BatchUrl(batch));
        Assert.Equal(HttpStatusCode.Redirect, byNumber.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, byId.StatusCode);
        Assert.DoesNotContain(idNumber, byId.Headers.Location!.OriginalString);

        var page = await client.GetStringAsync(BatchUrl(batch));
        Assert.Contains(people[0].IdNumberMasked, page);
        Assert.Contains(people[1].IdNumberMasked, page);
        Assert.DoesNotContain(idNumber, page);
        Assert.Contains("已登记 2 / 2", page);

        var full = await PostFormAsync(client, $"/Employment/Transport/Batch?id={batch}&handler=Find", new() { ["query"] = people[2].PersonNumber }, BatchUrl(batch));
        Assert.Equal(HttpStatusCode.Redirect, full.StatusCode);
        Assert.Contains("座位已满", await client.GetStringAsync(BatchUrl(batch)));

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, $"/Employment/Transport/Batch?id={batch}&handler=Depart", [], BatchUrl(batch))).StatusCode);
        var arrive = await PostFormAsync(client, $"/Employment/Transport/Batch?id={batch}&handler=Arrive", new() { ["arrivedOn"] = "2022-02-12" }, BatchUrl(batch));
        Assert.Equal(HttpStatusCode.Redirect, arrive.StatusCode);

        Assert.Contains("已确认到达 2 人", await client.GetStringAsync(BatchUrl(batch)));
        foreach (var person in people.Take(2))
        {
            var s = (await FindAsync(person.Id, February)).Situation!;
            Assert.Equal((EmploymentStatus.WageEmployed, WorkplaceKind.OutsideProvince, "4403", "比亚迪股份有限公司"),
                (s.Status, s.Workplace, s.WorkplaceRegionCode, s.EmployerName));
        }
        Assert.Equal(TransportBatchState.Arrived, (await BatchAsync(batch)).State);
    }

    [Fact]
    public async Task Arrival_in_a_closed_month_is_refused_in_Chinese_and_the_situation_stays()
    {
        var client = await SignInAsync("ningxiang", Ningxiang);
        var person = (await VillageAsync(Hejiawan))[0];
        var batch = await CreateBatchAsync(client, "2022-02-10", "430104");
        await PostFormAsync(client, $"/Employment/Transport/Batch?id={batch}&handler=Find", new() { ["query"] = person.PersonNumber }, BatchUrl(batch));
        await PostFormAsync(client, $"/Employment/Transport/Batch?id={batch}&handler=Depart", [], BatchUrl(batch));
        await using (var scope = Services.InScope())
            await scope.Get<MonthlyRoundService>().CloseAsync(Hejiawan, February, "测试");
        var before = (await FindAsync(person.Id, February)).Situation!;

        await PostFormAsync(client, $"/Employment/Transport/Batch?id={batch}&handler=Arrive", new() { ["arrivedOn"] = "2022-02-11" }, BatchUrl(batch));

        var page = await client.GetStringAsync(BatchUrl(batch));
        Assert.Contains("已关账到 2022年2月", page);
        Assert.Contains("已确认到达 0 人", page);
        var after = (await FindAsync(person.Id, February)).Situation!;
        Assert.Equal((before.Id, before.Status, before.Workplace), (after.Id, after.Status, after.Workplace));
        Assert.Equal(TransportBatchState.Departed, (await BatchAsync(batch)).State);
    }

    [Fact]
    public async Task A_宁乡市_officer_gets_404_for_a_花垣县_batch_and_sees_only_his_own_people_on_a_provincial_one()
    {
        var ningxiang = await SignInAsync("ningxiang", Ningxiang);
        var huayuan = await SignInAsync("huayuan", Huayuan);
        var shibadong = await VillageAsync(Shibadong);
        var hejiawan = await VillageAsync(Hejiawan);
        var theirs = await CreateBatchAsync(huayuan, "2022-02-10", "4301");
        await PostFormAsync(huayuan, $"/Employment/Transport/Batch?id={theirs}&handler=Find", new() { ["query"] = shibadong[0].PersonNumber }, BatchUrl(theirs));
        Guid provincial;
        await using (var scope = Services.InScope())
        {
            var transport = scope.Get<TransportService>();
            provincial = (await transport.CreateAsync(new TransportBatchInput("43", "湖南省人社厅", new DateOnly(2022, 2, 11), Ningxiang, "4403", null, null,
                TransportMode.Train, 100, null, TransportPayer.Government, null), "省", default)).Id!.Value;
            await transport.AddPassengerAsync(provincial, hejiawan[0].Id, "省", default);
            await transport.AddPassengerAsync(provincial, shibadong[1].Id, "省", default);
        }
        var strangerOnProvincial = await PassengerIdAsync(provincial, shibadong[1].Id);
        var ownOnProvincial = await PassengerIdAsync(provincial, hejiawan[0].Id);

        Assert.Equal(HttpStatusCode.NotFound, (await ningxiang.GetAsync(BatchUrl(theirs))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ningxiang.GetAsync($"/Employment/Transport/Edit?id={theirs}")).StatusCode);
        var edit = await PostFormAsync(ningxiang, $"/Employment/Transport/Edit?id={theirs}", BatchFields("2022-02-10", Huayuan, Huayuan, "4301", "45"), "/Employment/Transport/Edit");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        var cancel = await PostFormAsync(ningxiang, $"/Employment/Transport/Batch?id={theirs}&handler=Cancel", [], "/Employment/Transport");
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(TransportBatchState.Planned, (await BatchAsync(theirs)).State);
        Assert.DoesNotContain(theirs.ToString(), await ningxiang.GetStringAsync("/Employment/Transport"));

        var page = await ningxiang.GetStringAsync(BatchUrl(provincial));
        Assert.Contains(hejiawan[0].IdNumberMasked, page);
        Assert.DoesNotContain(shibadong[1].PersonNumber, page);
        Assert.DoesNotContain(shibadong[1].IdNumberMasked, page);
        Assert.Contains("只能查看本辖区的乘车人员", page);
        foreach (var passenger in new[] { strangerOnProvincial, ownOnProvincial })
        {
            var remove = await PostFormAsync(ningxiang, $"/Employment/Transport/Batch?id={provincial}&handler=Remove", new() { ["passenger"] = passenger.ToString() }, BatchUrl(provincial));
            Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        }
        Assert.Equal(2, (await BatchAsync(provincial)).Booked);
        // A 十八洞村 person cannot be put on a 宁乡市 batch: not found in the scope.
        var own = await CreateBatchAsync(ningxiang, "2022-02-12", "4403");
        await PostFormAsync(ningxiang, $"/Employment/Transport/Batch?id={own}&handler=Find", new() { ["query"] = shibadong[2].PersonNumber }, BatchUrl(own));
        Assert.Equal(0, (await BatchAsync(own)).Booked);
        var added = await PostFormAsync(ningxiang, $"/Employment/Transport/Batch?id={own}&handler=Add", new() { ["person"] = shibadong[2].Id.ToString() }, BatchUrl(own));
        Assert.Equal(HttpStatusCode.NotFound, added.StatusCode);
    }

    [Fact]
    public async Task The_report_counts_by_region_and_period_drills_down_to_masked_people_and_exports_with_an_audit_record()
    {
        var client = await SignInAsync("ningxiang", Ningxiang);
        var people = await VillageAsync(Hejiawan);
        var february = await CreateBatchAsync(client, "2022-02-10", "4403");
        var march = await CreateBatchAsync(client, "2022-03-01", "430104");
        foreach (var (batch, who) in new[] { (february, people[0]), (february, people[1]), (march, people[0]), (march, people[2]) })
            await PostFormAsync(client, $"/Employment/Transport/Batch?id={batch}&handler=Find", new() { ["query"] = who.PersonNumber }, BatchUrl(batch));
        foreach (var batch in new[] { february, march })
            await PostFormAsync(client, $"/Employment/Transport/Batch?id={batch}&handler=Depart", [], BatchUrl(batch));

        var month = await client.GetStringAsync($"/Reporting/Transport?region={Ningxiang}&period=2022-02");
        var quarter = await client.GetStringAsync($"/Reporting/Transport?region={Ningxiang}&period=2022-Q1");

        // 煤炭坝镇 (430182106): two trips in February; four trips of three people in the quarter, two of them 省外.
        Assert.Matches(TownshipRow("430182106", 2, 2), month);
        Assert.Matches(TownshipRow("430182106", 4, 3), quarter);
        var people2 = await client.GetStringAsync($"/Reporting/Transport/People?region={Hejiawan}&period=2022-Q1");
        Assert.Contains("输送 4 人次", people2);
        Assert.Contains(people[2].IdNumberMasked, people2);
        Assert.DoesNotContain(await IdNumberAsync(people[2].Id), people2);

        var export = await client.GetAsync($"/Reporting/Transport?region={Ningxiang}&period=2022-Q1&handler=Export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);
        Assert.True((await export.Content.ReadAsByteArrayAsync()).Length > 100);
        var listExport = await client.GetAsync($"/Reporting/Transport/People?region={Hejiawan}&period=2022-Q1&handler=Export");
        Assert.Equal(HttpStatusCode.OK, listExport.StatusCode);
        await listExport.Content.ReadAsByteArrayAsync();
        Assert.Equal(2, (await Services.EntriesAsync(AuditEvents.ExportTransport)).Count);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Reporting/Transport?region={Huayuan}&period=2022")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Reporting/Transport/People?region={Shibadong}&period=2022")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/Reporting/Transport?region={Ningxiang}&period=2022-13")).StatusCode);
    }

    [Fact]
    public async Task A_bad_batch_form_answers_with_Chinese_errors_by_field_and_keeps_what_was_typed()
    {
        var client = await SignInAsync("ningxiang", Ningxiang);

        var response = await PostFormAsync(client, "/Employment/Transport/Edit", new()
        {
            ["Input.OrganiserRegionCode"] = Ningxiang, ["Input.Organiser"] = "宁乡市人社局", ["Input.TravelDate"] = "2022-02-30",
            ["Input.OriginRegionCode"] = Ningxiang, ["Input.DestinationRegionCode"] = "深圳", ["Input.Mode"] = "Rocket",
            ["Input.Seats"] = "很多", ["Input.Cost"] = "-5", ["Input.PaidBy"] = "Employer",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        foreach (var message in new[] { "出发日期应写成", "请选择目的地", "请选择运输方式", "座位数应为整数", "费用应为金额" })
            Assert.Contains(message, html);
        Assert.Contains("value=\"很多\"", html);
        Assert.Equal(0, await CountBatchesAsync());
    }

    private static Regex TownshipRow(string code, int trips, int persons) =>
        new($"region={code}&amp;period=[^\"]*\">[^<]+</a>\\s*</td>\\s*<td><a [^>]*>{trips}</a></td>\\s*<td>{persons}</td>");

    private static string BatchUrl(Guid id) => $"/Employment/Transport/Batch?id={id}";

    private static Dictionary<string, string> BatchFields(string date, string organiser, string origin, string destination, string seats, string? employer = null) => new()
    {
        ["Input.OrganiserRegionCode"] = organiser, ["Input.Organiser"] = "人社局", ["Input.TravelDate"] = date, ["Input.OriginRegionCode"] = origin,
        ["Input.DestinationRegionCode"] = destination, ["Input.EmployerName"] = employer ?? "", ["Input.Mode"] = "Bus", ["Input.Seats"] = seats,
        ["Input.Cost"] = "1500.50", ["Input.PaidBy"] = "Government",
    };

    private async Task<Guid> CreateBatchAsync(HttpClient client, string date, string destination, string seats = "45", string? employer = null)
    {
        var code = await RegionOfAsync(client);
        var response = await PostFormAsync(client, "/Employment/Transport/Edit", BatchFields(date, code, code, destination, seats, employer));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(Regex.Match(response.Headers.Location!.OriginalString, "id=([0-9a-f-]{36})").Groups[1].Value);
    }

    private static async Task<string> RegionOfAsync(HttpClient client)
    {
        var form = await client.GetStringAsync("/Employment/Transport/Edit");
        return Regex.Match(form, "name=\"Input.OrganiserRegionCode\" value=\"(\\d+)\"").Groups[1].Value is { Length: > 0 } v ? v
            : Regex.Match(form, "value=\"(\\d+)\"[^>]*name=\"Input.OrganiserRegionCode\"").Groups[1].Value;
    }

    private async Task<IReadOnlyList<PersonSummary>> VillageAsync(string village)
    {
        await using var scope = Services.InScope();
        return await scope.Get<IPersonDirectory>().InVillageAsync(village);
    }

    private async Task<string> IdNumberAsync(Guid personId)
    {
        await using var scope = Services.InScope();
        var person = await scope.Get<AppDbContext>().Set<Person>().SingleAsync(p => p.Id == personId);
        return scope.Get<PersonalDataProtector>().Decrypt(person.IdNumberCipher);
    }

    private async Task<TransportBatch> BatchAsync(Guid id)
    {
        await using var scope = Services.InScope();
        return await scope.Get<AppDbContext>().Set<TransportBatch>().AsNoTracking().SingleAsync(b => b.Id == id);
    }

    private async Task<int> CountBatchesAsync()
    {
        await using var scope = Services.InScope();
        return await scope.Get<AppDbContext>().Set<TransportBatch>().CountAsync();
    }

    private async Task<Guid> PassengerIdAsync(Guid batch, Guid person)
    {
        await using var scope = Services.InScope();
        return await scope.Get<AppDbContext>().Set<TransportPassenger>().Where(p => p.BatchId == batch && p.PersonId == person).Select(p => p.Id).SingleAsync();
    }

    private async Task<RoundEntry> FindAsync(Guid personId, Period period)
    {
        await using var scope = Services.InScope();
        return await scope.Get<MonthlyRoundService>().FindAsync(personId, period) ?? throw new InvalidOperationException("not found");
    }
}
