using Bangfu.Employment.Matching;
using Bangfu.Registry.Contracts;

namespace Bangfu.Employment.Services;

/// <summary>
/// The vacancies of a push list chosen by 人岗匹配 (<see cref="MatchingService"/>): each person's best open vacancies, with
/// the score and its first components as the reason shown on the list. People the region's batch did not cover (the
/// push list's month differs from the latest month with data) are ranked one by one.
/// </summary>
public sealed class MatchingPushSource(MatchingService matching) : IPushVacancySource
{
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<PushVacancy>>> TopAsync(IReadOnlyList<PersonSummary> people, int top, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<Guid, IReadOnlyList<PushVacancy>>();
        if (people.Count == 0) return result;
        var wanted = people.Select(p => p.Id).ToHashSet();
        foreach (var village in people.GroupBy(p => p.RegionCode))
            foreach (var m in await matching.ForRegionAsync(village.Key, top, cancellationToken))
                if (wanted.Contains(m.Person.Id)) result[m.Person.Id] = Show(m.Vacancies);
        foreach (var person in people.Where(p => !result.ContainsKey(p.Id)))
            if (await matching.ForPersonAsync(person.Id, top, cancellationToken) is { } m)
                result[person.Id] = Show(m.Vacancies);
        return result;
    }

    private static List<PushVacancy> Show(IReadOnlyList<RankedVacancy> vacancies) => vacancies.Select(v => new PushVacancy(
        v.VacancyId, v.Title, v.EmployerName, v.WorkplaceName,
        v.WageMin == v.WageMax ? $"{v.WageMin} 元/月" : $"{v.WageMin}–{v.WageMax} 元/月",
        $"匹配 {v.Why.Points:0.#} 分" + string.Concat(v.Why.Components.OrderByDescending(c => c.Weight).Take(2).Select(c => "；" + c.Explanation)))).ToList();
}
