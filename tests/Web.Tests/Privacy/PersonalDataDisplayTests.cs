using System.Net;
using Bangfu.Platform.Security;
using Bangfu.Registry.People;
using Bangfu.Testing;
using Bangfu.Web.Tests.Registry;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Bangfu.Web.Tests.Privacy;

/// <summary>
/// What an officer sees of a person follows their permissions: a province officer (no full names, no sensitive fields)
/// sees names as surname + * in lists, records and exports, and health, disability and income-related fields withheld;
/// a county officer sees them. Responses to signed-in users are never cached.
/// </summary>
public sealed class PersonalDataDisplayTests : RegistryWebTest
{
    [Fact]
    public async Task A_province_officer_sees_names_as_surname_and_star_in_lists_records_and_exports()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var person = await PersonAsync(Hejiawan);
        var province = await SignInAsync("hunan", "43");
        var masked = Masking.Name(person.Name);

        var list = Rows(Body(await PostFormAsync(province, "/Registry/People", new() { ["Region"] = Hejiawan })));
        var detail = await province.GetStringAsync($"/Registry/People/Detail?id={person.Id}");
        var behind = Rows(await province.GetStringAsync($"/Reporting/Monthly/People?region={Hejiawan}&period=2021-12&figure=Persons"));
        var export = await PostFormAsync(province, "/Registry/People?handler=Export", new() { ["Region"] = Hejiawan }, "/Registry/People");
        var behindExport = await province.GetAsync($"/Reporting/Monthly/People?handler=Export&region={Hejiawan}&period=2021-12&figure=Persons");

        Assert.Equal(100, list.Count); // the first page
        Assert.All(list, r => Assert.Matches("^.\\*$", r[0]));
        Assert.All(behind, r => Assert.Matches("^.\\*$", r[2]));
        Assert.Contains($"<h1 class=\"h4\">{masked} ", detail);
        Assert.DoesNotContain(person.Name, detail);
        Assert.DoesNotContain("彭小红", detail); // a member of the household, in full
        Assert.Contains("彭*", detail);
        foreach (var file in new[] { export, behindExport })
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            var names = MiniExcel.Query(new MemoryStream(await file.Content.ReadAsByteArrayAsync()), useHeaderRow: true)
                .Cast<IDictionary<string, object?>>().Select(r => (string?)r["姓名"]).ToList();
            Assert.Equal(246, names.Count);
            Assert.All(names, n => Assert.Matches("^.\\*$", n));
        }
        // The full roster is the complete record: not for an officer who may not see everything.
        var roster = await PostFormAsync(province, "/Registry/People?handler=Roster", new() { ["Region"] = Hejiawan }, "/Registry/People");
        Assert.NotEqual(HttpStatusCode.OK, roster.StatusCode);
    }

    [Fact]
    public async Task A_county_officer_sees_names_and_sensitive_fields_in_full()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var person = await PersonAsync(Hejiawan);
        var county = await SignInAsync("ningxiang", "430182");

        var detail = await county.GetStringAsync($"/Registry/People/Detail?id={person.Id}");

        Assert.Contains($"<h1 class=\"h4\">{person.Name} ", detail);
        Assert.Contains($">健康状况</dt>\n                <dd class=\"mb-0\">{await HealthAsync(person)}</dd>", detail.ReplaceLineEndings("\n"));
        Assert.DoesNotContain(PersonalDataView.Withheld, detail);
    }

    [Fact]
    public async Task Health_disability_and_income_related_fields_are_withheld_without_the_permission()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var person = await PersonAsync(Hejiawan);
        var province = await SignInAsync("hunan", "43");

        var detail = (await province.GetStringAsync($"/Registry/People/Detail?id={person.Id}")).ReplaceLineEndings("\n");

        foreach (var header in new[] { "健康状况", "残疾类别", "残疾证办证年度", "是否接受大病医疗救助", "是否接受其他健康扶贫", "是否享受低保", "是否特困供养人员" })
            Assert.Contains($">{header}</dt>\n                <dd class=\"mb-0\">{PersonalDataView.Withheld}</dd>", detail);
        Assert.Equal(SensitiveFields.Columns.Count, System.Text.RegularExpressions.Regex.Matches(detail, PersonalDataView.Withheld).Count);
        Assert.Contains(">劳动技能</dt>", detail);
        Assert.DoesNotContain($">劳动技能</dt>\n                <dd class=\"mb-0\">{PersonalDataView.Withheld}", detail);
    }

    [Fact]
    public async Task Responses_to_signed_in_users_are_never_cached()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var person = await PersonAsync(Hejiawan);
        var county = await SignInAsync("ningxiang", "430182");

        foreach (var url in new[]
                 {
                     "/", $"/Registry/People/Detail?id={person.Id}", $"/Registry/People?region={Hejiawan}", "/Registry/Quality",
                     "/Reporting/Monthly?region=430182&period=2021-12", $"/Reporting/Monthly/People?region={Hejiawan}&period=2021-12&figure=Persons",
                     $"/Employment/Lists?village={Hejiawan}&period=2021-12", $"/Employment/Lists?handler=Export&village={Hejiawan}&period=2021-12",
                     $"/Registry/People/Detail?id={Guid.NewGuid()}",
                 })
        {
            var response = await county.GetAsync(url);
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        }
        var css = await county.GetAsync("/css/site.css");
        Assert.DoesNotContain("no-store", css.Headers.CacheControl?.ToString() ?? "");
    }

    // The person's 健康状况 as the roster has it (found by their ID number).
    private async Task<string> HealthAsync(Person person)
    {
        await using var scope = Services.CreateAsyncScope();
        var id = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>().Decrypt(person.IdNumberCipher);
        var (headers, rows) = RosterFiles.Read(Fixtures.SeedVillages);
        return rows.Single(r => r[RosterFiles.Column(headers, "证件号码")] == id)[RosterFiles.Column(headers, "健康状况")]!;
    }
}
