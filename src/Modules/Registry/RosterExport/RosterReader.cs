using System.Runtime.CompilerServices;
using Bangfu.Platform.Data;
using Bangfu.Platform.Security;
using Bangfu.Registry.Households;
using Bangfu.Registry.People;
using Bangfu.Registry.Regions;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Registry.RosterExport;

/// <summary>
/// Reads the roster of a region for export: households in (county, household number) order, a page of
/// <see cref="HouseholdsPerPage"/> at a time (keyset on the unique key, so each page is an index range, however far
/// into the county), each followed by its members in person-number order. Only one page is held at a time.
/// Region bounds are written as code ranges, not LIKE, so both databases use their indexes.
/// </summary>
public sealed class RosterReader(AppDbContext db, RegionDirectory regions, PersonalDataProtector protector)
{
    public const int HouseholdsPerPage = 500;

    /// <summary>The 47 values of every person whose village code starts with <paramref name="prefix"/>, in clear.</summary>
    public async IAsyncEnumerable<string?[]> RowsAsync(string prefix, [EnumeratorCancellation] CancellationToken ct)
    {
        var (low, high) = PeopleService.Range(prefix);
        var (countyLow, countyHigh) = (low[..6], high[..6]);
        var paths = new RegionPaths(regions);
        string? lastCounty = null, lastNumber = null;
        while (true)
        {
            var query = db.Set<Household>().AsNoTracking()
                .Where(h => string.Compare(h.CountyCode, countyLow) >= 0 && string.Compare(h.CountyCode, countyHigh) <= 0
                            && string.Compare(h.RegionCode, low) >= 0 && string.Compare(h.RegionCode, high) <= 0);
            if (lastCounty is not null)
                query = query.Where(h => string.Compare(h.CountyCode, lastCounty) > 0
                                         || (h.CountyCode == lastCounty && string.Compare(h.HouseholdNumber, lastNumber) > 0));
            var households = await query.OrderBy(h => h.CountyCode).ThenBy(h => h.HouseholdNumber).Take(HouseholdsPerPage).ToListAsync(ct);
            if (households.Count == 0) yield break;

            var members = new List<Person>();
            foreach (var county in households.GroupBy(h => h.CountyCode))
            {
                var ids = county.Select(h => h.Id).ToList();
                members.AddRange(await db.Set<Person>().AsNoTracking()
                    .Where(p => p.CountyCode == county.Key && ids.Contains(p.HouseholdId)).ToListAsync(ct));
            }
            var byHousehold = members.Where(p => p.RegionCode.StartsWith(prefix, StringComparison.Ordinal)).ToLookup(p => p.HouseholdId);
            foreach (var household in households)
            {
                var people = byHousehold[household.Id].OrderBy(p => p.PersonNumber, StringComparer.Ordinal).ThenBy(p => p.Id).ToList();
                var head = people.FirstOrDefault(p => p.RelationshipCode == RosterRecord.HeadCode);
                foreach (var person in people)
                    yield return RosterRecord.Values(person, household, head, await paths.PathAsync(person.RegionCode, ct), protector);
            }
            (lastCounty, lastNumber) = (households[^1].CountyCode, households[^1].HouseholdNumber);
        }
    }

}
