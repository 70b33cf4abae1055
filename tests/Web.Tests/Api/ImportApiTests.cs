using System.Net;
using System.Text.Json;
using Bangfu.Reporting.MonthlyDispatch;
using Bangfu.Testing;
using P = Bangfu.Platform.Security.Permissions;

namespace Bangfu.Web.Tests.Api;

public sealed class ImportApiTests : ApiTest
{
    [Fact]
    public async Task A_roster_uploaded_polled_and_committed_through_the_api_gives_the_expected_dispatch_figures()
    {
        var county = TokenClient(await TokenAsync(await OfficerAsync("ningxiang", Ningxiang), [P.RegistryImport, P.ReportsView, P.RegistryView]));

        var checkedImport = await UploadAsync(county, Fixtures.SeedVillages);

        Assert.Equal("dry_run", checkedImport.GetProperty("state").GetString());
        var counts = checkedImport.GetProperty("counts");
        Assert.Equal(930, counts.GetProperty("rows").GetInt32());
        Assert.Equal(246, counts.GetProperty("persons_new").GetInt32());     // 贺家湾村 only: the other villages lie outside 宁乡市
        Assert.Equal(930 - 246, counts.GetProperty("rows_refused").GetInt32());
        var statusUrl = checkedImport.GetProperty("status_url").GetString()!;
        var findings = await JsonAsync(await county.GetAsync(statusUrl + "?page=2&page_size=5"));
        Assert.Equal(5, findings.GetProperty("findings").GetProperty("items").GetArrayLength());
        Assert.True(findings.GetProperty("findings").GetProperty("total").GetInt32() > 5);
        Assert.Equal("error", findings.GetProperty("findings").GetProperty("items")[0].GetProperty("severity").GetString());
        await ProblemAsync(await county.GetAsync(statusUrl + "?page_size=0"), HttpStatusCode.BadRequest);

        var commitUrl = checkedImport.GetProperty("commit_url").GetString()!;
        await JsonAsync(await county.PostAsync(commitUrl, null), HttpStatusCode.Accepted);
        var committed = await SettledAsync(county, statusUrl);
        Assert.Equal("committed", committed.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, committed.GetProperty("commit_url").ValueKind);
        await ProblemAsync(await county.PostAsync(commitUrl, null), HttpStatusCode.Conflict);
        await ProblemAsync(await county.PostAsync(statusUrl + "/cancel", null), HttpStatusCode.Conflict);

        var report = await JsonAsync(await county.GetAsync($"/api/v1/reports/monthly-dispatch?region={Hejiawan}&period=2021-12"));
        var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Fixtures.SeedVillagesExpected)).RootElement.GetProperty("by_village").GetProperty(Hejiawan);
        Assert.Equal(DispatchFigureKeys.All.Order(), expected.EnumerateObject().Select(p => p.Name).Order());
        foreach (var key in DispatchFigureKeys.All)
            Assert.True(expected.GetProperty(key).GetInt32() == report.GetProperty(key).GetInt32(), key);
        Assert.Equal(["able_not_employed", "children", "employed", "employed_in_county", "employed_in_province_outside_county",
                "employed_outside_province", "households", "labour_force", "period", "persons", "public_welfare_jobs", "region", "region_name",
                "workshop_workers"],
            report.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        var countyReport = await JsonAsync(await county.GetAsync("/api/v1/reports/monthly-dispatch?period=2021-12"));
        Assert.Equal(Ningxiang, countyReport.GetProperty("region").GetString());
        var child = countyReport.GetProperty("children").EnumerateObject().Single();
        Assert.Equal(Hejiawan[..9], child.Name);
        Assert.Equal(DispatchFigureKeys.All.Order(), child.Value.EnumerateObject().Select(p => p.Name).Order());

        var behind = await JsonAsync(await county.GetAsync($"/api/v1/reports/monthly-dispatch/people?region={Hejiawan}&period=2021-12&figure=employed&limit=50"));
        Assert.Equal(expected.GetProperty("employed").GetInt32(), behind.GetProperty("total").GetInt32());
        Assert.Equal(50, behind.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_checked_import_can_be_cancelled_and_then_not_committed()
    {
        var county = TokenClient(await TokenAsync(await OfficerAsync("ningxiang", Ningxiang)));
        var checkedImport = await UploadAsync(county, Fixtures.SeedVillages);
        var statusUrl = checkedImport.GetProperty("status_url").GetString()!;

        var cancelled = await JsonAsync(await county.PostAsync(statusUrl + "/cancel", null));

        Assert.Equal("cancelled", cancelled.GetProperty("state").GetString());
        Assert.Equal("cancelled", (await JsonAsync(await county.GetAsync(statusUrl))).GetProperty("state").GetString());
        await ProblemAsync(await county.PostAsync(statusUrl + "/commit", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_upload_without_a_file_or_with_a_bad_month_answers_400_with_field_errors()
    {
        var county = TokenClient(await TokenAsync(await OfficerAsync("ningxiang", Ningxiang)));
        using var content = new MultipartFormDataContent { { new StringContent("2021-13"), "period" } };

        var problem = await ProblemAsync(await county.PostAsync("/api/v1/imports", content), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.Contains("YYYY-MM", errors.GetProperty("period")[0].GetString());
        Assert.Contains("花名册", errors.GetProperty("file")[0].GetString());
    }
}
