using Bangfu.Platform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bangfu.Employment;

public static class EmploymentModule
{
    /// <summary>Employment situations, the monthly round and village lists.</summary>
    public static IServiceCollection AddEmployment(this IServiceCollection services)
    {
        services.AddModelAssembly(typeof(EmploymentModule).Assembly);
        services.AddScoped<Registry.Contracts.IRosterImportHandler, Situations.RosterSituationHandler>();
        services.AddScoped<MonthlyRound.MonthlyRoundService>();
        services.AddScoped<Transport.TransportService>();
        services.AddScoped<Transport.TransportReport>();
        services.AddScoped<Reports.ServicesReport>();
        services.AddSingleton(Occupations.OccupationCatalog.Default);
        services.AddScoped<Employers.EmployerService>();
        services.AddScoped<Vacancies.VacancyService>();
        services.AddScoped<Vacancies.VacancyImportService>();
        services.AddScoped<Jobseekers.JobseekerService>();
        services.AddScoped<Matching.MatchingService>();
        services.AddScoped<Services.Ledger311Service>();
        services.AddScoped<Services.PushListService>();
        services.AddScoped<Services.OutboxService>();
        services.TryAddSingleton<Services.IMessageSender, Services.NotConfiguredMessageSender>();
        services.TryAddScoped<Services.IPushVacancySource, Services.MatchingPushSource>();
        services.AddScoped<Referrals.ReferralService>();
        services.AddScoped<Fairs.FairSearchService>();
        services.AddScoped<Fairs.VacancyInterestService>();
        services.AddScoped<Fairs.JobFairService>();
        services.AddScoped<Fairs.DemoDataLoader>();
        services.AddScoped<Referrals.VacancyApplicantService>();
        services.AddScoped<Referrals.OpenVacancySearch>();
        services.AddSingleton<Vacancies.VacancyChanges>();
        services.AddOptions<Matching.OpenVacancyIndexOptions>().BindConfiguration(Matching.OpenVacancyIndexOptions.Section);
        services.AddSingleton<Matching.OpenVacancyIndex>();
        services.AddSingleton<Vacancies.IVacancyChangeHandler>(sp => sp.GetRequiredService<Matching.OpenVacancyIndex>());
        return services;
    }
}
