using System.Text.Json;
using Bangfu.Platform.Data;
using Bangfu.Platform.Time;
using Bangfu.Reporting.MonthlyDispatch;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Reporting.Tests.MonthlyDispatch;

/// <summary>The acceptance case: the five villages of the Hunan Daily page, imported for 2021-12.</summary>
public sealed class SeedVillagesTests : DatabaseTest
{
    private const string Hejiawan = "430182106209"; // 贺家湾村

    [Fact]
    public async Task Importing_the_seed_villages_reproduces_every_expected_figure_in_total_and_per_village()
    {
        var summary = await ImportAsync(Fixtures.SeedVillages, "2021-12");
        Assert.Null(summary.FileError);
        Assert.Equal(930, summary.PersonsNew);
        Assert.Equal(0, summary.RowsRefused);

        using var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Fixtures.SeedVillagesExpected));
        await using var scope = Services.InScope();
        var reports = scope.Get<MonthlyDispatchService>();
        var total = await reports.GetAsync(null, Period.Parse("2021-12"));
        AssertFigures(expected.RootElement.GetProperty("total"), total.Total.Figures, "total");
        foreach (var village in expected.RootElement.GetProperty("by_village").EnumerateObject())
        {
            var report = await reports.GetAsync(village.Name, Period.Parse("2021-12"));
            AssertFigures(village.Value, report.Total.Figures, village.Name);
        }
    }

    [Fact]
    public async Task The_province_report_has_a_row_per_city_that_adds_up_to_the_total()
    {
        await ImportAsync(Fixtures.SeedVillages, "2021-12");
        await using var scope = Services.InScope();
        var report = await scope.Get<MonthlyDispatchService>().GetAsync("43", Period.Parse("2021-12"));
        Assert.Equal(["4301", "4302", "4305", "4311", "4331"], report.Children.Select(c => c.RegionCode));
        Assert.Equal(report.Total.Figures, report.Children.Aggregate(DispatchFigures.Zero, (a, c) => a.Add(c.Figures)));
        Assert.Equal(5, report.Total.Villages);
        Assert.Null(report.Total.SameMonthLastYear);
    }

    [Fact]
    public async Task The_year_ago_column_counts_the_same_month_a_year_earlier_within_the_callers_scope()
    {
        await ImportAsync(Fixtures.SeedVillages, "2020-12");
        await ImportAsync(Fixtures.SeedVillages, "2021-12");
        await using (var scope = Services.InScope())
        {
            var reports = scope.Get<MonthlyDispatchService>();
            var before = await reports.GetAsync("43", Period.Parse("2020-12"));
            Assert.Null(before.Total.SameMonthLastYear);
            var report = await reports.GetAsync("43", Period.Parse("2021-12"));
            Assert.Equal(new YearAgoFigures(before.Total.Figures.Persons, before.Total.Figures.Employed), report.Total.SameMonthLastYear);
            Assert.Equal(930, report.Total.SameMonthLastYear!.Persons);
            foreach (var child in report.Children)
            {
                var city = before.Children.Single(c => c.RegionCode == child.RegionCode).Figures;
                Assert.Equal(new YearAgoFigures(city.Persons, city.Employed), child.SameMonthLastYear);
            }
        }

        // A village officer's report counts only the village, this year and a year before.
        await using (var scope = Services.InScope(Bangfu.Platform.Scope.RegionScope.Of(Hejiawan)))
        {
            var report = await scope.Get<MonthlyDispatchService>().GetAsync(null, Period.Parse("2021-12"));
            Assert.Equal(Hejiawan, report.Total.RegionCode);
            Assert.Equal(report.Total.Figures.Persons, report.Total.SameMonthLastYear!.Persons);
            Assert.Equal(report.Total.Figures.Employed, report.Total.SameMonthLastYear.Employed);
            Assert.True(report.Total.Figures.Persons is > 0 and < 930);
        }
    }

    [Fact]
    public async Task The_report_with_its_year_ago_column_is_read_while_another_connection_holds_a_write_transaction()
    {
        await ImportAsync(Fixtures.SeedVillages, "2020-12");
        await ImportAsync(Fixtures.SeedVillages, "2021-12");
        await using var writerScope = Services.InScope();
        var writer = writerScope.Get<AppDbContext>();
        await using var write = await writer.Database.BeginTransactionAsync();
        await writer.Database.ExecuteSqlRawAsync("UPDATE reg_region SET name = name WHERE code = '43'");

        await using var scope = Services.InScope();
        var report = scope.Get<MonthlyDispatchService>().GetAsync("43", Period.Parse("2021-12"));
        // A reader must not wait for the writer (on SQLite a transaction of its own would queue behind the write lock).
        Assert.Same(report, await Task.WhenAny(report, Task.Delay(TimeSpan.FromSeconds(20))));
        Assert.Equal(930, (await report).Total.SameMonthLastYear!.Persons);
    }

    private static void AssertFigures(JsonElement expected, DispatchFigures actual, string where)
    {
        var map = new Dictionary<string, int>
        {
            ["persons"] = actual.Persons,
            ["households"] = actual.Households,
            ["labour_force"] = actual.LabourForce,
            ["employed"] = actual.Employed,
            ["employed_outside_province"] = actual.EmployedOutsideProvince,
            ["employed_in_province_outside_county"] = actual.EmployedInProvinceOutsideCounty,
            ["employed_in_county"] = actual.EmployedInCounty,
            ["workshop_workers"] = actual.WorkshopWorkers,
            ["public_welfare_jobs"] = actual.PublicWelfareJobs,
            ["able_not_employed"] = actual.AbleNotEmployed,
        };
        foreach (var figure in expected.EnumerateObject())
            Assert.True(figure.Value.GetInt32() == map[figure.Name], $"{where} {figure.Name}: expected {figure.Value.GetInt32()}, got {map[figure.Name]}");
        Assert.Equal(map.Count, expected.EnumerateObject().Count());
    }
}
