using Bangfu.Employment.Jobseekers;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Registry.People;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Tests.Jobseekers;

/// <summary>Profiles on the seed roster of five villages (贺家湾村 of 宁乡市, 十八洞村 of 花垣县 …).</summary>
public sealed class JobseekerProfileTests : DatabaseTest
{
    private const string Hejiawan = "430182106209";
    private const string Shibadong = "433124110226";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportAsync(Fixtures.SeedVillages, "2021-12");
    }

    private async Task<Guid> PersonInAsync(string village)
    {
        await using var scope = Services.InScope();
        return await scope.Get<AppDbContext>().Set<Person>().Where(p => p.RegionCode == village).OrderBy(p => p.PersonNumber).Select(p => p.Id).FirstAsync();
    }

    private static readonly JobseekerInput Intention = new()
    {
        SkillOccupationCodes = ["6-29-01-01", " "],
        SkillsText = "会砌墙、贴瓷砖",
        Certificates = ["电工证", "", "电工证"],
        WantedOccupationCodes = ["6-29-01-01", "4-07-05-01"],
        ExpectedWageMin = 4000,
        Reach = Reach.InProvince,
        MustBeHomeDaily = true,
        TrainingWishes = "想学电工",
        AvailableFrom = new DateOnly(2026, 3, 15),
    };

    [Fact]
    public async Task A_village_cadre_records_a_profile_and_sees_the_work_history_from_the_employment_situations()
    {
        var personId = await PersonInAsync(Hejiawan);
        await using (var scope = Services.InScope(RegionScope.Of(Hejiawan)))
        {
            var saved = await scope.Get<JobseekerService>().SaveAsync(personId, Intention);
            Assert.Empty(saved!.Value.Errors);
        }
        await using (var scope = Services.InScope(RegionScope.Of(Hejiawan)))
        {
            var view = await scope.Get<JobseekerService>().FindAsync(personId);
            var p = view!.Profile!;
            Assert.Equal((Hejiawan, "430182"), (p.RegionCode, p.CountyCode));
            Assert.Equal(["6-29-01-01"], p.SkillOccupationCodes);
            Assert.Equal(["电工证"], p.Certificates);
            Assert.Equal(["6-29-01-01", "4-07-05-01"], p.WantedOccupationCodes);
            Assert.Equal((4000, Reach.InProvince, true, new DateOnly(2026, 3, 15)), (p.ExpectedWageMin!.Value, p.Reach, p.MustBeHomeDaily, p.AvailableFrom!.Value));
            Assert.NotEmpty(view.History); // the roster import recorded the person's situation for 2021-12
            Assert.All(view.History, s => Assert.Equal(personId, s.PersonId));
        }
        // Saving again replaces the one profile of the person.
        await using (var scope = Services.InScope(RegionScope.Of(Hejiawan)))
            await scope.Get<JobseekerService>().SaveAsync(personId, Intention with { ExpectedWageMin = 5000 });
        await using (var scope = Services.InScope())
            Assert.Equal(5000, (await scope.Get<AppDbContext>().Set<JobseekerProfile>().SingleAsync()).ExpectedWageMin);
        Assert.Equal(2, (await Services.EntriesAsync(JobseekerService.EditEvent)).Count);
    }

    [Fact]
    public async Task A_village_cadre_of_Hejiawan_cannot_see_or_edit_the_profile_of_a_Shibadong_person()
    {
        var personId = await PersonInAsync(Shibadong);
        await using (var own = Services.InScope(RegionScope.Of(Shibadong)))
            await own.Get<JobseekerService>().SaveAsync(personId, Intention);

        await using var scope = Services.InScope(RegionScope.Of(Hejiawan));
        var service = scope.Get<JobseekerService>();
        Assert.Null(await service.FindAsync(personId));
        Assert.Null(await service.SaveAsync(personId, Intention with { ExpectedWageMin = 1 }));
        Assert.Empty(await scope.Get<AppDbContext>().Set<JobseekerProfile>().ToListAsync());
    }

    [Fact]
    public async Task Unknown_occupations_and_an_impossible_wage_are_refused_by_field()
    {
        var personId = await PersonInAsync(Hejiawan);
        await using var scope = Services.InScope(RegionScope.Of(Hejiawan));
        var result = await scope.Get<JobseekerService>().SaveAsync(personId,
            Intention with { WantedOccupationCodes = ["9-99-99"], ExpectedWageMin = 1_000_000 });
        Assert.Null(result!.Value.Profile);
        Assert.Contains("9-99-99", result.Value.Errors[nameof(JobseekerInput.WantedOccupationCodes)]);
        Assert.Contains("期望月薪", result.Value.Errors[nameof(JobseekerInput.ExpectedWageMin)]);
    }
}
