using Bangfu.Registry.Contracts;

namespace Bangfu.Employment.Services;

/// <summary>A vacancy as a push list shows it: what, for whom, where, for how much (yuan per month), and why it was chosen.</summary>
public sealed record PushVacancy(Guid Id, string Title, string Employer, string Workplace, string Wage, string? Why = null);

/// <summary>
/// Chooses the vacancies to push to each person of a list: matching when it is available, else the open vacancies near
/// the person in a simple order. Registered by whoever provides vacancies; without one, push lists carry no vacancies.
/// </summary>
public interface IPushVacancySource
{
    /// <summary>Up to <paramref name="top"/> vacancies per person (absent or empty when none fits).</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<PushVacancy>>> TopAsync(IReadOnlyList<PersonSummary> people, int top, CancellationToken cancellationToken = default);
}

/// <summary>One line of a push list: the person, their 311 counts this year, and the vacancies to push.</summary>
public sealed record PushLine(PersonSummary Person, ServiceCounts Counts, IReadOnlyList<PushVacancy> Vacancies);

/// <summary>
/// Push lists (岗位推送清单): for a village, everyone unemployed and willing in the ledger's month with their top vacancies,
/// to print or export for cadres who deliver in person, by phone or in a WeChat group. A delivery counts only when a cadre
/// records it (<see cref="RecordDeliveryAsync"/>) or the SMS sender reports a message sent (<see cref="OutboxService"/>).
/// </summary>
public sealed class PushListService(Ledger311Service ledger, IPushVacancySource vacancies)
{
    /// <summary>The village's push list for a year (people still seeking, by person number).</summary>
    public async Task<IReadOnlyList<PushLine>> ListAsync(string villageCode, int year, int top = 5, CancellationToken ct = default)
    {
        var lines = (await ledger.LedgerAsync(villageCode, year, ct: ct)).Where(l => l.StillSeeking).ToList();
        var chosen = await vacancies.TopAsync(lines.Select(l => l.Person).ToList(), top, ct);
        return lines.Select(l => new PushLine(l.Person, l.Counts, chosen.GetValueOrDefault(l.Person.Id) ?? [])).ToList();
    }

    /// <summary>
    /// Records that the list was delivered (who, when, how): one job push per person, carrying the vacancies listed for them.
    /// </summary>
    public async Task<IReadOnlyList<ServiceRecord>> RecordDeliveryAsync(IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> vacanciesByPerson,
        DateOnly date, ServiceChannel channel, string? what, string? userName, CancellationToken ct = default)
    {
        var records = new List<ServiceRecord>();
        foreach (var group in vacanciesByPerson.GroupBy(p => ServiceRecord.JoinVacancies(p.Value) ?? ""))
            records.AddRange(await ledger.RecordAsync(group.Select(g => g.Key).ToList(),
                new ServiceInput(ServiceKind.JobPush, date, channel, what ?? "岗位推送清单", group.First().Value), userName, ct: ct));
        return records;
    }
}
