using Bangfu.Employment.Employers;
using Bangfu.Employment.Jobseekers;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Scope;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Bangfu.Testing;

/// <summary>
/// Vacancies for matching tests, posted and published through the services by an officer of 宁乡市 (430182) for an
/// employer registered there: 焊工 in 煤炭坝镇 (the township of 贺家湾村), 保安员 in 花垣县 (十八洞村's county), 钢筋工 in 深圳市坪山区.
/// </summary>
public static class MatchingScenario
{
    public const string Ningxiang = "430182";
    public const string Meitanba = "430182106";
    public const string Huayuan = "433124";

    public sealed record Vacancies(Guid Welder, Guid Guard, Guid Rebar);

    public static async Task<Vacancies> PostAsync(IServiceProvider services)
    {
        await using var scope = services.InScope(RegionScope.Of(Ningxiang));
        var employer = await scope.Get<EmployerService>().SaveAsync(null,
            new EmployerInput("比亚迪汽车工业有限公司", "91440300192317458F", null, Ningxiang, null, "张经理", "13800138000", "宁乡经开区"));
        Assert.True(employer is { Succeeded: true }, string.Join("；", employer?.Errors.Values ?? []));
        var vacancies = scope.Get<VacancyService>();
        async Task<Guid> Post(VacancyInput input)
        {
            var saved = await vacancies.CreateAsync(employer!.Employer!.Id, input with { ExpiresOn = vacancies.Today.AddMonths(1) }, VacancySource.Officer);
            Assert.True(saved is { Succeeded: true }, string.Join("；", saved?.Errors.Values ?? []));
            Assert.NotNull(await vacancies.ReviewAsync(saved!.Vacancy!.Id, publish: true, null));
            return saved.Vacancy.Id;
        }
        return new Vacancies(
            await Post(new VacancyInput
            {
                Title = "焊工", OccupationCode = "6-18-02-04", Headcount = 20, WageMin = 5000, WageMax = 7000, WorkplaceRegionCode = Meitanba,
                AgeMin = 18, AgeMax = 60, SuitableForRuralLabour = true, HomeDaily = true, MealsProvided = true,
            }),
            await Post(new VacancyInput
            {
                Title = "保安员", OccupationCode = "4-07-05-01", Headcount = 5, WageMin = 2500, WageMax = 3000, WorkplaceRegionCode = Huayuan,
                SuitableForRuralLabour = true, HomeDaily = true,
            }),
            await Post(new VacancyInput
            {
                Title = "钢筋工", OccupationCode = "6-29-01-04", Headcount = 100, WageMin = 8000, WageMax = 12000, WorkplaceRegionCode = "440310",
                AgeMin = 18, AgeMax = 55, SuitableForRuralLabour = true, HousingProvided = true, MealsProvided = true,
            }));
    }

    /// <summary>Records a jobseeker profile through the service, as an officer of the person's village.</summary>
    public static async Task SaveProfileAsync(IServiceProvider services, string villageCode, Guid personId, JobseekerInput input)
    {
        await using var scope = services.InScope(RegionScope.Of(villageCode));
        var saved = await scope.Get<JobseekerService>().SaveAsync(personId, input);
        Assert.True(saved is { Errors.Count: 0 }, string.Join("；", saved?.Errors.Values ?? []));
    }
}
