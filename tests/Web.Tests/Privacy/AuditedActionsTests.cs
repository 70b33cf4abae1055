using System.Net;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Registry.DataQuality;
using Bangfu.Testing;
using Bangfu.Web.Tests.Registry;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Web.Tests.Privacy;

/// <summary>
/// What officers do with people's data is in the audit trail, with who, from where and what: a look at a person, an
/// unmasking with its reason (and a refused one), a list view with its count, every export with its rows, imports with
/// their counts, a confirmed issue, an account created. No entry holds a full ID number or phone.
/// </summary>
public sealed class AuditedActionsTests : RegistryWebTest
{
    private const string FullIdNumber = "430182195208270011";
    private const string FullMemberPhone = "13648987784";

    [Fact]
    public async Task Looking_at_a_person_is_recorded_with_who_from_where_and_whom()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var person = await PersonAsync(Hejiawan);
        var county = await SignInAsync("ningxiang", "430182");

        await county.GetStringAsync($"/Registry/People/Detail?id={person.Id}");

        var view = Assert.Single(await Services.EntriesAsync(AuditEvents.PersonView));
        Assert.Equal((AuditCategories.Person, "ningxiang", AuditEntry.Success, person.Id.ToString(), Hejiawan),
            (view.Category, view.UserName, view.Result, view.Target, view.RegionCode));
        Assert.NotNull(view.UserId);
        Assert.Matches("^[0-9a-f]{32}$", view.CorrelationId); // the request's trace id (the test server has no client address)
    }

    [Fact]
    public async Task Unmasking_with_a_reason_shows_the_full_numbers_once_uncached_and_records_the_reason()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var person = await PersonAsync(Hejiawan);
        var county = await SignInAsync("ningxiang", "430182");
        var url = $"/Registry/People/Detail?id={person.Id}";
        Assert.Contains("查看完整证件号码和电话", await county.GetStringAsync(url));

        var response = await PostFormAsync(county, url.Replace("?", "?handler=Unmask&"),
            new() { ["Purpose"] = "核实身份", ["Description"] = "为其办理交通补贴核对身份证" }, url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var html = Body(response);
        Assert.Contains($"data-revealed=\"id\">{FullIdNumber}<", html);
        Assert.Contains($"data-revealed=\"phone\">{FullMemberPhone}<", html);
        Assert.DoesNotContain(FullIdNumber, await county.GetStringAsync(url)); // once: the next look is masked again
        var unmask = Assert.Single(await Services.EntriesAsync(AuditEvents.PersonUnmask));
        Assert.Equal(("ningxiang", AuditEntry.Success, person.Id.ToString()), (unmask.UserName, unmask.Result, unmask.Target));
        Assert.Contains("核实身份：为其办理交通补贴核对身份证", unmask.Details);
        Assert.DoesNotContain(FullIdNumber, unmask.Details);
    }

    [Fact]
    public async Task Unmasking_is_refused_without_the_permission_or_without_a_reason()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var person = await PersonAsync(Hejiawan);
        var url = $"/Registry/People/Detail?id={person.Id}";
        var unmask = url.Replace("?", "?handler=Unmask&");
        var village = await SignInAsync("hejiawan", Hejiawan);   // may see the person, may not unmask
        var county = await SignInAsync("ningxiang", "430182");

        Assert.DoesNotContain("查看完整证件号码和电话", await village.GetStringAsync(url));
        var refused = await PostFormAsync(village, unmask, new() { ["Purpose"] = "核实身份", ["Description"] = "核对身份证号码" }, url);
        var noReason = await PostFormAsync(county, unmask, new() { ["Purpose"] = "核实身份", ["Description"] = "" }, url);
        var tooShort = await PostFormAsync(county, unmask, new() { ["Purpose"] = "核实身份", ["Description"] = "核对" }, url);
        var noPurpose = await PostFormAsync(county, unmask, new() { ["Description"] = "为其办理交通补贴" }, url);

        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain(FullIdNumber, Body(refused));
        foreach (var response in new[] { noReason, tooShort, noPurpose })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(FullIdNumber, Body(response));
        }
        Assert.Contains("至少 4 个字", Body(noReason));
        Assert.Contains("至少 4 个字", Body(tooShort));
        Assert.Contains("请选择查看事由", Body(noPurpose));
        var entry = Assert.Single(await Services.EntriesAsync(AuditEvents.PersonUnmask));
        Assert.Equal(("hejiawan", "失败：无权限"), (entry.UserName, entry.Result));
    }

    [Fact]
    public async Task Exports_are_recorded_with_what_which_region_and_how_many_rows()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var county = await SignInAsync("ningxiang", "430182");

        var list = await PostFormAsync(county, "/Registry/People?handler=Export", new() { ["Region"] = Hejiawan }, "/Registry/People");
        var roster = await PostFormAsync(county, "/Registry/People?handler=Roster", new() { ["Region"] = Hejiawan }, "/Registry/People");
        var behind = await county.GetAsync($"/Reporting/Monthly/People?handler=Export&region={Hejiawan}&period=2021-12&figure=Persons");
        var dispatch = await county.GetAsync("/Reporting/Monthly?handler=Export&region=430182&period=2021-12");
        var lists = await county.GetAsync($"/Employment/Lists?handler=Export&village={Hejiawan}&period=2021-12");
        var issues = await PostFormAsync(county, "/Registry/Quality?handler=Export", new() { ["Region"] = Hejiawan }, "/Registry/Quality");
        foreach (var response in new[] { list, roster, behind, dispatch, lists, issues })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await response.Content.ReadAsByteArrayAsync(); // the whole download
        }

        var exports = (await Services.EntriesAsync()).Where(e => e.Category == AuditCategories.Export).ToList();
        Assert.All(exports, e => Assert.Equal(("ningxiang", AuditEntry.Success), (e.UserName, e.Result)));
        Assert.Equal(
            [AuditEvents.ExportPersonList, AuditEvents.ExportRoster, AuditEvents.ExportFigurePeople, AuditEvents.ExportDispatch,
             AuditEvents.ExportVillageList, AuditEvents.ExportQualityIssues],
            exports.Select(e => e.Name).ToList());
        Assert.Equal([246, 246, 246, 246, 0], exports.Where(e => e.Name != AuditEvents.ExportDispatch).Select(RowCount).ToList());
        Assert.All(exports.Where(e => e.Name != AuditEvents.ExportDispatch), e => Assert.Equal(Hejiawan, e.RegionCode));
        var dispatchEntry = exports.Single(e => e.Name == AuditEvents.ExportDispatch);
        Assert.Equal("430182", dispatchEntry.RegionCode);
        Assert.True(RowCount(dispatchEntry) > 1);
        Assert.All(exports, e => Assert.DoesNotMatch("(?<![0-9A-Za-z])([0-9]{17}[0-9X]|1[3-9][0-9]{9})(?![0-9A-Za-z])", e.Details ?? ""));
    }

    [Fact]
    public async Task The_people_behind_a_figure_are_recorded_as_one_list_view_with_the_count()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var county = await SignInAsync("ningxiang", "430182");

        await county.GetStringAsync($"/Reporting/Monthly/People?region={Hejiawan}&period=2021-12&figure=Persons");

        var view = Assert.Single(await Services.EntriesAsync(AuditEvents.PersonList));
        Assert.Equal((AuditCategories.Person, Hejiawan), (view.Category, view.RegionCode));
        Assert.Contains("\"shown\":200", view.Details);
        Assert.Contains("\"total\":246", view.Details);
    }

    [Fact]
    public async Task Confirming_a_data_quality_issue_is_recorded()
    {
        var (headers, rows) = RosterFiles.Read(Fixtures.SeedVillages);
        rows.First(r => r[RosterFiles.Column(headers, "村")] == "贺家湾村")[RosterFiles.Column(headers, "健康状况")] = null;
        await ImportAsync(RosterFiles.WriteCsv(Database.DataDirectory, "defects.csv", headers, rows));
        Guid id;
        await using (var scope = Services.InScope())
            id = await scope.Get<AppDbContext>().Set<QualityIssue>().Where(i => i.RegionCode == Hejiawan).Select(i => i.Id).SingleAsync();
        var village = await SignInAsync("hejiawan", Hejiawan);

        await PostFormAsync(village, $"/Registry/Quality?handler=Confirm&id={id}", [], "/Registry/Quality");

        var confirm = Assert.Single(await Services.EntriesAsync(AuditEvents.QualityConfirm));
        Assert.Equal((AuditCategories.Person, "hejiawan", id.ToString(), Hejiawan), (confirm.Category, confirm.UserName, confirm.Target, confirm.RegionCode));
        Assert.Contains("\"rule\":\"HEALTH_EMPTY\"", confirm.Details);
        Assert.Contains("\"newState\":\"已核实\"", confirm.Details);
    }

    [Fact]
    public async Task Creating_an_account_is_recorded_as_a_change_of_permissions()
    {
        await SignInAsync("ningxiang", "430182");

        var created = (await Services.EntriesAsync(AuditEvents.UserCreate)).Single(e => e.Target == "ningxiang");

        Assert.Equal(AuditCategories.Permissions, created.Category);
        Assert.Contains("\"roles\":[\"county_officer\"]", created.Details);
        Assert.Contains("\"regionScope\":\"430182\"", created.Details);
    }

    private static int RowCount(AuditEvent e) =>
        System.Text.Json.JsonDocument.Parse(e.Details!).RootElement.GetProperty("rows").GetInt32();
}
