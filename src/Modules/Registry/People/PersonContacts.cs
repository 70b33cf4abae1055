using Bangfu.Platform.Data;
using Bangfu.Registry.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Registry.People;

internal sealed class PersonContacts(AppDbContext db) : IPersonContacts
{
    public async Task<IReadOnlyDictionary<Guid, PersonPhone>> PhonesAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<Guid, PersonPhone>();
        foreach (var chunk in personIds.Distinct().Chunk(500))
            foreach (var p in await db.Set<Person>().AsNoTracking().Where(p => chunk.Contains(p.Id) && p.PhoneCipher != null)
                         .Select(p => new { p.Id, p.PhoneCipher, p.PhoneMasked }).ToListAsync(cancellationToken))
                result[p.Id] = new PersonPhone(p.Id, p.PhoneCipher!, p.PhoneMasked ?? "");
        return result;
    }
}
