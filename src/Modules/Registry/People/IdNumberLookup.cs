using Bangfu.Platform.Data;
using Bangfu.Platform.Security;
using Bangfu.Registry.Households;
using Bangfu.Registry.Identifiers;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Registry.People;

/// <summary>
/// Finds people by their full document number without decrypting anything: the number is normalised as the importer
/// does (GB 11643-1999, 15-digit numbers converted) and looked up by its keyed hash. Only people inside the caller's
/// region scope are found. The number itself is never stored, logged or returned.
/// </summary>
public sealed class IdNumberLookup(AppDbContext db, PersonalDataProtector protector, TimeProvider clock)
{
    /// <summary>The people whose document number is <paramref name="idNumber"/> (usually one), as list rows with masked identifiers.</summary>
    /// <returns>Empty when nobody in the scope has it, or when the text holds no characters of a number.</returns>
    public async Task<IReadOnlyList<PersonListItem>> FindAsync(string idNumber, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var value = ResidentIdNumber.TryParse(idNumber, today, out var id) == ResidentIdProblem.None ? id!.Value : ResidentIdNumber.Normalise(idNumber);
        if (value.Length == 0) return [];
        var hash = protector.Hash("id", value);
        return await (from p in db.Set<Person>().AsNoTracking()
                      join h in db.Set<Household>().AsNoTracking() on new { p.CountyCode, Id = p.HouseholdId } equals new { h.CountyCode, h.Id }
                      where p.IdNumberHash == hash
                      orderby p.RegionCode, p.PersonNumber
                      select new PersonListItem(p.Id, p.RegionCode, h.HouseholdNumber, p.PersonNumber, p.Name, p.SexCode, p.BirthDate,
                          p.IdNumberMasked, p.PhoneMasked, p.RelationshipCode, p.LabourCapacityCode, p.MonthsWorked, p.WorkplaceText,
                          h.MonitoringTypeCode))
            .Take(20).ToListAsync(ct);
    }
}
