using Bangfu.Employment.Employers;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Scope;
using Bangfu.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Employment.Tests.Vacancies;

/// <summary>A fresh database, a clock standing at 2026-03-02 08:00 (Beijing), and helpers to act as an officer of a region.</summary>
public abstract class EmploymentServicesTest : DatabaseTest
{
    public const string Ningxiang = "430182";
    public const string Huayuan = "433124";
    public const string BydCode = "91440300192317458F";
    public const string HuaweiCode = "914403001922038216";

    protected ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));
    protected static readonly DateOnly Today = new(2026, 3, 2);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        App = Database.BuildServices(configure: s => s.AddSingleton<TimeProvider>(Clock));
    }

    public override async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>The services over the test database with <see cref="Clock"/> as the clock.</summary>
    protected ServiceProvider App { get; private set; } = null!;

    protected AsyncServiceScope As(string regionCode) => App.InScope(RegionScope.Of(regionCode));

    protected async Task<Employer> EmployerAsync(string county, string creditCode, string name = "比亚迪汽车工业有限公司")
    {
        await using var scope = As(county);
        var result = await scope.Get<EmployerService>().SaveAsync(null,
            new EmployerInput(name, creditCode, null, county, null, "张经理", "13800138000", "工业园 1 号"));
        Assert.NotNull(result);
        Assert.True(result.Succeeded, string.Join("；", result.Errors.Values));
        return result.Employer!;
    }

    protected static VacancyInput Input(string title = "汽车零部件装配工", int headcount = 50) => new()
    {
        Title = title, OccupationCode = "6-22", Headcount = headcount, WageMin = 4500, WageMax = 6500,
        WorkplaceRegionCode = "430182", WorkplaceText = "宁乡经开区", AgeMin = 18, AgeMax = 45, EducationCode = "03",
        MealsProvided = true, HousingProvided = true, SuitableForRuralLabour = true, ExpiresOn = Today.AddMonths(1),
    };

    protected async Task<Vacancy> PostAsync(string county, Guid employerId, VacancyInput? input = null)
    {
        await using var scope = As(county);
        var result = await scope.Get<VacancyService>().CreateAsync(employerId, input ?? Input(), VacancySource.Officer);
        Assert.NotNull(result);
        Assert.True(result.Succeeded, string.Join("；", result.Errors.Values));
        return result.Vacancy!;
    }
}
