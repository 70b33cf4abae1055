using Bangfu.Platform.Data;
using Bangfu.Registry.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Registry.People;

internal sealed class PersonDirectory(AppDbContext db) : IPersonDirectory
{
    private IQueryable<Person> People => db.Set<Person>().AsNoTracking();

    private static IQueryable<PersonSummary> Summaries(IQueryable<Person> people) => people.Select(p => new PersonSummary(
        p.Id, p.CountyCode, p.RegionCode, p.HouseholdId, p.PersonNumber, p.Name, p.IdNumberMasked, p.SexCode, p.BirthDate,
        p.PhoneMasked, p.LabourCapacityCode, p.RelationshipCode, p.EducationCode));

    public Task<PersonSummary?> FindAsync(Guid personId, CancellationToken cancellationToken = default) =>
        Summaries(People.Where(p => p.Id == personId)).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<PersonSummary>> InVillageAsync(string villageCode, CancellationToken cancellationToken = default) =>
        await Summaries(People.Where(p => p.RegionCode == villageCode).OrderBy(p => p.PersonNumber)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, PersonSummary>> FindManyAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<Guid, PersonSummary>();
        foreach (var chunk in personIds.Distinct().Chunk(500))
            foreach (var p in await Summaries(People.Where(p => chunk.Contains(p.Id))).ToListAsync(cancellationToken))
                result[p.Id] = p;
        return result;
    }
}
