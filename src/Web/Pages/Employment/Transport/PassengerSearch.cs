using Bangfu.Platform.Data;
using Bangfu.Registry.People;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Web.Pages.Employment.Transport;

/// <summary>
/// Finds the people to put on a batch from what an officer types: a person number (人口编号) or a resident ID number
/// (身份证号, looked up by its keyed hash through <see cref="IdNumberLookup"/>, never decrypted). Only people inside the
/// caller's scope are found (the registry's global filter). The text arrives in a POST body, never in a URL.
/// </summary>
public sealed class PassengerSearch(AppDbContext db, IdNumberLookup ids)
{
    /// <summary>At most 20 people, with masked identifiers; empty when the text is blank or matches nobody.</summary>
    public async Task<IReadOnlyList<PersonListItem>> FindAsync(string? text, CancellationToken ct)
    {
        var query = text?.Trim() ?? "";
        if (query.Length is 0 or > 40) return [];
        var byId = query.Length is 15 or 18 ? await ids.FindAsync(query, ct) : [];
        var byNumber = await db.Set<Person>().AsNoTracking().Where(p => p.PersonNumber == query)
            .Select(p => new PersonListItem(p.Id, p.RegionCode, "", p.PersonNumber, p.Name, p.SexCode, p.BirthDate, p.IdNumberMasked,
                p.PhoneMasked, p.RelationshipCode, p.LabourCapacityCode, p.MonthsWorked, p.WorkplaceText, null))
            .Take(20).ToListAsync(ct);
        return byId.Concat(byNumber).DistinctBy(p => p.Id).Take(20).ToList();
    }
}
