using Bangfu.Employment.Employers;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Data;
using Bangfu.Registry.Contracts;
using Bangfu.Registry.Regions;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Services;

/// <summary>
/// The plain choice of vacancies for a push list, used where no matching is registered: the vacancies open today whose
/// workplace lies in the person's county, then elsewhere in the province (local employment first, as the 就地就近 policy
/// puts it); within each, those marked suitable for rural labour first, then the higher wage ceiling, then the newest.
/// </summary>
public sealed class OpenVacancyPushSource(AppDbContext db, RegionDirectory regions, TimeProvider clock) : IPushVacancySource
{
    private const int Candidates = 300;

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<PushVacancy>>> TopAsync(IReadOnlyList<PersonSummary> people, int top, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<Guid, IReadOnlyList<PushVacancy>>();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        foreach (var county in people.GroupBy(p => p.CountyCode))
        {
            var province = county.Key[..2];
            var open = await db.Set<Vacancy>().AsNoTracking()
                .Where(v => v.State == VacancyState.Published && v.ExpiresOn >= today && v.FilledCount < v.Headcount
                            && v.WorkplaceRegionCode.StartsWith(province))
                .OrderByDescending(v => v.WorkplaceRegionCode.StartsWith(county.Key))
                .ThenByDescending(v => v.SuitableForRuralLabour).ThenByDescending(v => v.WageMax).ThenByDescending(v => v.PublishedAt)
                .Take(Candidates)
                .Join(db.Set<Employer>().AsNoTracking(), v => v.EmployerId, e => e.Id,
                    (v, e) => new { v.Id, v.Title, Employer = e.Name, v.WorkplaceRegionCode, v.WorkplaceText, v.WageMin, v.WageMax })
                .ToListAsync(cancellationToken);
            var chosen = new List<PushVacancy>();
            foreach (var v in open.Take(top))
            {
                var place = await regions.FindAsync(v.WorkplaceRegionCode, cancellationToken);
                var local = v.WorkplaceRegionCode.StartsWith(county.Key, StringComparison.Ordinal);
                chosen.Add(new PushVacancy(v.Id, v.Title, v.Employer, (place?.PlainName ?? v.WorkplaceRegionCode) + (v.WorkplaceText is { } t ? " " + t : ""),
                    v.WageMin == v.WageMax ? $"{v.WageMin} 元/月" : $"{v.WageMin}–{v.WageMax} 元/月", local ? "县内岗位" : "省内岗位"));
            }
            foreach (var person in county) result[person.Id] = chosen;
        }
        return result;
    }
}
