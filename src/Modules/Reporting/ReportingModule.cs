using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Reporting;

public static class ReportingModule
{
    /// <summary>The monthly dispatch (月调度) and its exports.</summary>
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddScoped<MonthlyDispatch.MonthlyDispatchService>();
        return services;
    }
}
