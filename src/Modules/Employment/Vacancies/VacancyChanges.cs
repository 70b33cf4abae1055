using Microsoft.Extensions.Logging;

namespace Bangfu.Employment.Vacancies;

/// <summary>
/// Something that keeps open vacancies in memory (the matching index, the online fair's cached pages) and must drop or
/// rebuild it when they change. Registered as a singleton; told by <see cref="VacancyChanges"/>.
/// </summary>
public interface IVacancyChangeHandler
{
    /// <summary>The open vacancies, or what is shown of them (an employer's name), may have changed in the database.</summary>
    ValueTask VacanciesChangedAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Tells every <see cref="IVacancyChangeHandler"/> of this process, after a write is saved, that the open vacancies
/// may have changed. The write paths that call it: <see cref="VacancyService"/> when a vacancy is published, filled or
/// withdrawn, or edited while or after it was published; <see cref="VacancyImportService"/> after an import is
/// committed; <see cref="Employers.EmployerService"/> when an employer's name changes; <c>DemoDataLoader</c> when it
/// added vacancies. A published vacancy's expiry is a date, not a write: the caches key on the day instead.
/// <para>Only this process hears it. Another instance of the web host, or the CLI writing to the same database, is
/// seen when the caches expire (<see cref="Matching.OpenVacancyIndexOptions.MaxAge"/>, the fair's page lifetime).</para>
/// </summary>
public sealed class VacancyChanges(IEnumerable<IVacancyChangeHandler> handlers, ILogger<VacancyChanges> log)
{
    /// <summary>Tells the handlers. Not cancellable: the write is saved, and the caches must hear of it even when the
    /// caller has gone. A handler that fails is logged and the others are still told.</summary>
    public async Task ChangedAsync()
    {
        foreach (var handler in handlers)
        {
            try
            {
                await handler.VacanciesChangedAsync(CancellationToken.None);
            }
            catch (Exception e)
            {
                log.LogError(e, "Vacancy change handler {Handler} failed", handler.GetType().Name);
            }
        }
    }
}
