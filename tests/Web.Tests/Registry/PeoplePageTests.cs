using System.Net;
using Bangfu.Registry.RosterImport;
using Bangfu.Registry.RosterImport.Reading;
using Bangfu.Testing;

namespace Bangfu.Web.Tests.Registry;

public sealed class PeoplePageTests : RegistryWebTest
{
    [Fact]
    public async Task A_village_officer_sees_only_the_people_of_their_village()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var client = await SignInAsync("hejiawan", Hejiawan);

        var html = await client.GetStringAsync("/Registry/People");

        Assert.Contains("共 246 人", html);
        var rows = Rows(html);
        Assert.Equal(100, rows.Count);
        Assert.All(rows, r => Assert.StartsWith(Hejiawan, r[8]));     // 户编号
        Assert.All(rows, r => Assert.Matches(@"^430182\*{8}[0-9]{3}[0-9X]$", r[4]));
        Assert.DoesNotContain("430182195208270011", html);
    }

    [Fact]
    public async Task A_village_officer_asking_for_another_village_sees_nobody_and_is_told_why()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var client = await SignInAsync("hejiawan", Hejiawan);

        var response = await client.GetAsync($"/Registry/People?region={Shibadong}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("不在您的管辖范围内", html);
        Assert.DoesNotContain("共 ", html);
        Assert.Empty(Rows(html));
    }

    [Fact]
    public async Task The_pages_follow_one_another_until_every_person_of_the_village_was_shown_once()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var client = await SignInAsync("hejiawan", Hejiawan);

        var seen = new List<string>();
        var url = "/Registry/People";
        for (var page = 0; page < 5 && url is not null; page++)
        {
            var html = await client.GetStringAsync(url);
            seen.AddRange(System.Text.RegularExpressions.Regex.Matches(html, "Detail\\?id=([0-9a-f-]{36})").Select(m => m.Groups[1].Value));
            var next = System.Text.RegularExpressions.Regex.Match(html, "href=\"([^\"]*after=[^\"]*)\"[^>]*>下一页");
            url = next.Success ? WebUtility.HtmlDecode(next.Groups[1].Value) : null;
        }

        Assert.Equal(246, seen.Count);
        Assert.Equal(246, seen.Distinct().Count());
    }

    [Fact]
    public async Task A_name_search_is_posted_and_finds_only_matching_people()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var client = await SignInAsync("ningxiang", "430182");

        var response = await PostFormAsync(client, "/Registry/People", new() { ["Region"] = "", ["Name"] = "王明" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Rows(Body(response));
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("王明", r[0]));
        Assert.All(rows, r => Assert.Equal("贺家湾村", r[9]));   // a county officer's list names the village
        // GET ignores a name in the URL: names are not to be put in links.
        Assert.Contains("共 246 人", await client.GetStringAsync("/Registry/People?name=王明"));
    }

    [Fact]
    public async Task The_detail_of_a_person_shows_the_47_fields_masked_with_household_members()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var person = await PersonAsync(Hejiawan);
        var client = await SignInAsync("hejiawan", Hejiawan);

        var html = await client.GetStringAsync($"/Registry/People/Detail?id={person.Id}");

        foreach (var column in RosterLayout.ExportColumns) Assert.Contains($">{column.Header}</dt>", html);
        Assert.Contains("430182********0011", html);
        Assert.DoesNotContain("430182195208270011", html);
        Assert.Contains("136****5219", html);
        Assert.Contains("彭小红", html);      // a member of the household
        Assert.Contains("配偶", html);
        Assert.Contains("至今", html);
        Assert.Contains("导入以来没有变更", html);
    }

    [Fact]
    public async Task The_detail_of_a_person_outside_the_officers_scope_or_unknown_is_not_found()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var other = await PersonAsync(Shibadong);
        var client = await SignInAsync("hejiawan", Hejiawan);

        var outside = await client.GetAsync($"/Registry/People/Detail?id={other.Id}");
        var unknown = await client.GetAsync($"/Registry/People/Detail?id={Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain(other.Name, Body(outside));
    }

    [Fact]
    public async Task The_roster_download_is_the_47_column_layout_with_id_numbers_as_text()
    {
        await ImportAsync(Fixtures.SeedVillages);
        // The roster carries ID numbers in full: a county officer (who may unmask) downloads it, a village officer may not.
        var village = await SignInAsync("hejiawan", Hejiawan);
        var refused = await PostFormAsync(village, "/Registry/People?handler=Roster", new() { ["Region"] = Hejiawan }, "/Registry/People");
        Assert.NotEqual(System.Net.HttpStatusCode.OK, refused.StatusCode);
        var client = await SignInAsync("ningxiang", "430182");

        var response = await PostFormAsync(client, "/Registry/People?handler=Roster", new() { ["Region"] = Hejiawan }, "/Registry/People");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(Uri.EscapeDataString("花名册-贺家湾村"), response.Content.Headers.ContentDisposition!.ToString());
        var path = Path.Combine(Database.DataDirectory, "download.xlsx");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        using var sheet = RosterSheet.Open(path, RosterLayout.IsHeaderRow);
        Assert.Equal(RosterLayout.ExportColumns.Select(c => c.Header), sheet.Headers);
        var rows = sheet.Rows().ToList();
        Assert.Equal(246, rows.Count);
        Assert.All(rows, r => Assert.False(r.Cells[11].WasNumber));
        Assert.Contains(rows, r => r.Cells[11].Text == "430182195208270011");
    }

    [Fact]
    public async Task The_excel_of_the_list_has_masked_identifiers_only_and_another_county_cannot_be_downloaded()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var client = await SignInAsync("ningxiang", "430182");

        var list = await PostFormAsync(client, "/Registry/People?handler=Export", new() { ["Region"] = Hejiawan }, "/Registry/People");
        var other = await PostFormAsync(client, "/Registry/People?handler=Roster", new() { ["Region"] = "433124" }, "/Registry/People");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var path = Path.Combine(Database.DataDirectory, "list.xlsx");
        await File.WriteAllBytesAsync(path, await list.Content.ReadAsByteArrayAsync());
        var (headers, rows) = RosterFiles.Read(path);
        var id = Array.IndexOf(headers, "证件号码");
        Assert.Equal(246, rows.Count);
        Assert.All(rows, r => Assert.Contains("********", r[id]));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode); // the form again, not a file
        Assert.Contains("不在您的管辖范围内", Body(other));
        Assert.StartsWith("text/html", other.Content.Headers.ContentType!.ToString());
    }
}
