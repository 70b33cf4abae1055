using Bangfu.Employment.Fairs;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Tests.Fairs;

public sealed class JobFairTests : FairTestBase
{
    private async Task<JobFair> FairAsync()
    {
        await using var scope = As(Ningxiang);
        var (fair, errors) = await scope.Get<JobFairService>().SaveAsync(null,
            new FairInput("贺家湾村冬季招聘会", new DateOnly(2026, 3, 5), Hejiawan, "村部广场", "宁乡市人社局"));
        Assert.Empty(errors);
        return fair!;
    }

    [Fact]
    public async Task A_fair_counts_employers_jobs_attendees_the_poverty_alleviated_among_them_intentions_and_hires()
    {
        var fair = await FairAsync();
        var byd = await EmployerAsync(Ningxiang, BydCode);
        var other = await EmployerAsync(Ningxiang, HuaweiCode, "步步高商业连锁");
        var existing = await PublishedAsync(Ningxiang, byd.Id, Input("汽车总装工", 300));
        var local1 = await PersonAsync(Hejiawan, 0);
        var local2 = await PersonAsync(Hejiawan, 1);
        var visitor = await PersonAsync(Shibadong, 0);
        var strangerId = UnknownIdNumber(5);
        FairAttendance a1, a2, a3, a4;
        Guid posted;
        await using (var scope = As(Ningxiang))
        {
            var fairs = scope.Get<JobFairService>();
            Assert.Null(await fairs.LinkVacancyAsync(fair.Id, existing.Id));
            var result = await fairs.PostVacancyAsync(fair.Id, other.Id, Input("理货员", 120) with { OccupationCode = "4-01-02" });
            Assert.True(result!.Succeeded);
            posted = result.Vacancy!.Id;
            Assert.Equal(VacancySource.Fair, result.Vacancy.Source);
            Assert.Null(await fairs.AddEmployerAsync(fair.Id, BydCode)); // already there: no second row
            Assert.Contains("没有统一社会信用代码", await fairs.AddEmployerAsync(fair.Id, "91430182MA4DM00017"));

            a1 = (await fairs.SignInAsync(fair.Id, local1.Name, local1.IdNumber))!.Attendance!;
            a2 = (await fairs.SignInAsync(fair.Id, local2.Name, local2.IdNumber))!.Attendance!;
            a3 = (await fairs.SignInAsync(fair.Id, visitor.Name, visitor.IdNumber))!.Attendance!;
            a4 = (await fairs.SignInAsync(fair.Id, "赵六", strangerId))!.Attendance!;
            var again = await fairs.SignInAsync(fair.Id, local1.Name, local1.IdNumber);
            Assert.True(again!.AlreadySignedIn);
            Assert.Contains("身份证号码不正确", (await fairs.SignInAsync(fair.Id, "钱七", "123"))!.Error);
            Assert.Contains("姓名", (await fairs.SignInAsync(fair.Id, " ", strangerId))!.Error);

            Assert.Null(await fairs.RecordIntentionAsync(fair.Id, a1.Id, existing.Id, hired: false));
            Assert.Null(await fairs.RecordIntentionAsync(fair.Id, a1.Id, existing.Id, hired: true)); // same intention, now hired
            Assert.Null(await fairs.RecordIntentionAsync(fair.Id, a2.Id, posted, hired: false));
            Assert.Null(await fairs.RecordIntentionAsync(fair.Id, a4.Id, posted, hired: true));
            var notAtFair = await PublishedAsync(Ningxiang, byd.Id, Input("不在会上的岗位"));
            Assert.Contains("不在本次招聘会", await fairs.RecordIntentionAsync(fair.Id, a2.Id, notAtFair.Id, false));
        }
        Assert.Equal((local1.Id, Hejiawan), (a1.PersonId!.Value, a1.RegionCode));
        Assert.Equal((visitor.Id, Shibadong), (a3.PersonId!.Value, a3.RegionCode));
        Assert.Equal((null, Ningxiang), (a4.PersonId, a4.RegionCode));

        // The figures, counted here from the stored rows.
        int employers, jobs, vacancies, attendees, alleviated, intentions, hires;
        await using (var scope = App.InScope())
        {
            var db = scope.Get<AppDbContext>();
            employers = await db.Set<FairEmployer>().CountAsync(x => x.FairId == fair.Id);
            var ids = await db.Set<FairVacancy>().Where(x => x.FairId == fair.Id).Select(x => x.VacancyId).ToListAsync();
            vacancies = ids.Count;
            jobs = (await db.Set<Vacancy>().Where(v => ids.Contains(v.Id)).Select(v => v.Headcount).ToListAsync()).Sum();
            var rows = await db.Set<FairAttendance>().Where(x => x.FairId == fair.Id).ToListAsync();
            attendees = rows.Count;
            alleviated = rows.Count(r => r.PersonId != null);
            var its = await db.Set<FairIntention>().Where(x => x.FairId == fair.Id).ToListAsync();
            intentions = its.Count;
            hires = its.Count(i => i.Hired);
            Assert.All(rows, r => Assert.DoesNotContain(System.Text.Encoding.UTF8.GetString(r.IdNumberCipher), new[] { local1.IdNumber, strangerId }));
        }
        Assert.Equal((2, 2, 420, 4, 3, 3, 2), (employers, vacancies, jobs, attendees, alleviated, intentions, hires));
        await using (var scope = As(Ningxiang))
        {
            var fairs = scope.Get<JobFairService>();
            Assert.Equal(new FairFigures(employers, vacancies, jobs, attendees, alleviated, intentions, hires), await fairs.FiguresAsync(fair.Id));
            // Attendee details only within scope: the 十八洞村 visitor is not listed for 宁乡市.
            var listed = await fairs.AttendeesAsync(fair.Id);
            Assert.Equal(new[] { a1.Id, a2.Id, a4.Id }.ToHashSet(), listed.Select(a => a.Id).ToHashSet());
            Assert.All(listed, a => Assert.Contains("*", a.IdNumberMasked));
            Assert.Equal((1, 1), (listed.Single(a => a.Id == a1.Id).Intentions, listed.Single(a => a.Id == a1.Id).Hires));
            var employersRows = await fairs.EmployersAsync(fair.Id);
            Assert.Equal(jobs, employersRows.Sum(e => e.Jobs));
        }
        await using (var scope = As(Hejiawan))
            Assert.Equal(new[] { a1.Id, a2.Id }.ToHashSet(), (await scope.Get<JobFairService>().AttendeesAsync(fair.Id)).Select(a => a.Id).ToHashSet());
    }

    [Fact]
    public async Task An_officer_of_another_county_does_not_find_the_fair_and_cannot_change_it()
    {
        var fair = await FairAsync();
        var person = await PersonAsync(Hejiawan);
        await using (var scope = As(Ningxiang))
            Assert.NotNull((await scope.Get<JobFairService>().SignInAsync(fair.Id, person.Name, person.IdNumber))!.Attendance);
        await using (var scope = As(Huayuan))
        {
            var fairs = scope.Get<JobFairService>();
            Assert.Null(await fairs.FindAsync(fair.Id));
            Assert.Empty(await fairs.ListAsync());
            Assert.Null(await fairs.SignInAsync(fair.Id, "张三", UnknownIdNumber()));
            Assert.Empty(await fairs.AttendeesAsync(fair.Id));
            var (none, errors) = await fairs.SaveAsync(null, new FairInput("花垣县的会", new DateOnly(2026, 3, 9), Hejiawan, null, null));
            Assert.Null(none);
            Assert.Contains("不在您管理的区县", errors["VenueRegionCode"]);
        }
        await using (var scope = As(Ningxiang))
        {
            var (bad, errors) = await scope.Get<JobFairService>().SaveAsync(null, new FairInput("", null, "4301", null, null));
            Assert.Null(bad);
            Assert.Equal(["Date", "Name", "VenueRegionCode"], errors.Keys.Order());
            Assert.Single(await scope.Get<JobFairService>().ListAsync());
        }
    }
}
