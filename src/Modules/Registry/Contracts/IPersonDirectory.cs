namespace Bangfu.Registry.Contracts;

/// <summary>
/// A registered person as other modules see them: identity and the masked identifiers only (never the ID number or
/// phone in clear). Codes are those of the registry's code lists.
/// </summary>
public sealed record PersonSummary(
    Guid Id,
    string CountyCode,
    string RegionCode,
    Guid HouseholdId,
    string PersonNumber,
    string Name,
    string IdNumberMasked,
    string? SexCode,
    DateOnly? BirthDate,
    string? PhoneMasked,
    string? LabourCapacityCode,
    string? RelationshipCode,
    string? EducationCode = null);

/// <summary>Finds registered people for other modules, within the caller's region scope (others are not found).</summary>
public interface IPersonDirectory
{
    Task<PersonSummary?> FindAsync(Guid personId, CancellationToken cancellationToken = default);

    /// <summary>Everyone registered in a village, by person number.</summary>
    Task<IReadOnlyList<PersonSummary>> InVillageAsync(string villageCode, CancellationToken cancellationToken = default);

    /// <summary>The people with the given ids that the caller may see.</summary>
    Task<IReadOnlyDictionary<Guid, PersonSummary>> FindManyAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken = default);
}
