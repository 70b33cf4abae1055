using Bangfu.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Employment;

public static class EmploymentModule
{
    /// <summary>Employment situations, the monthly round and village lists.</summary>
    public static IServiceCollection AddEmployment(this IServiceCollection services)
    {
        services.AddModelAssembly(typeof(EmploymentModule).Assembly);
        services.AddScoped<Registry.Contracts.IRosterImportHandler, Situations.RosterSituationHandler>();
        services.AddScoped<MonthlyRound.MonthlyRoundService>();
        services.AddSingleton(Occupations.OccupationCatalog.Default);
        services.AddScoped<Employers.EmployerService>();
        services.AddScoped<Vacancies.VacancyService>();
        services.AddScoped<Vacancies.VacancyImportService>();
        services.AddScoped<Jobseekers.JobseekerService>();
        services.AddScoped<Fairs.FairSearchService>();
        services.AddScoped<Fairs.VacancyInterestService>();
        services.AddScoped<Fairs.JobFairService>();
        services.AddScoped<Fairs.DemoDataLoader>();
        return services;
    }
}
