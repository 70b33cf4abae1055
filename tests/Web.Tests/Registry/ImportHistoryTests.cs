using Bangfu.Platform.Data;
using Bangfu.Platform.Time;
using Bangfu.Registry.RosterImport;
using Bangfu.Testing;

namespace Bangfu.Web.Tests.Registry;

public sealed class ImportHistoryTests : RegistryWebTest
{
    [Fact]
    public async Task The_import_history_pages_by_fifty_newest_first_and_shows_only_the_scope()
    {
        await using (var scope = Services.InScope())
        {
            var db = scope.Get<AppDbContext>();
            var start = new DateTimeOffset(2021, 12, 1, 0, 0, 0, TimeSpan.Zero);
            for (var i = 1; i <= 55; i++)
                db.Add(new RosterImportRecord
                {
                    RegionCode = "430182", FileName = $"宁乡-{i:00}.xlsx", FileSha256 = new string('0', 64), Period = Period.Parse("2021-12"),
                    State = RosterImportState.Committed, CreatedAt = start.AddMinutes(i),
                });
            db.Add(new RosterImportRecord
            {
                RegionCode = "433124", FileName = "花垣-01.xlsx", FileSha256 = new string('0', 64), Period = Period.Parse("2021-12"),
                State = RosterImportState.Committed, CreatedAt = start.AddMinutes(100),
            });
            await db.SaveChangesAsync();
        }
        var county = await SignInAsync("ningxiang", "430182");

        var first = await county.GetStringAsync("/Registry/Imports");
        var second = await county.GetStringAsync("/Registry/Imports?p=2");

        Assert.Contains("宁乡-55.xlsx", first);
        Assert.Contains("宁乡-06.xlsx", first);
        Assert.DoesNotContain("宁乡-05.xlsx", first);
        Assert.Contains("更早的导入", first);
        Assert.Contains("宁乡-05.xlsx", second);
        Assert.Contains("宁乡-01.xlsx", second);
        Assert.DoesNotContain("更早的导入", second);
        Assert.DoesNotContain("花垣", first + second);
    }
}
