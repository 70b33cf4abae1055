using Bangfu.Employment.Contracts;
using Bangfu.Employment.Situations;

namespace Bangfu.Employment.MonthlyRound;

/// <summary>
/// What a cadre records for a person in the monthly round: the status picked from the list, and for work, where
/// (a region code, optional) and for whom; the date of coming home (返乡) when the person came back from work away.
/// </summary>
public sealed record SituationChange(
    EmploymentStatus Status,
    WorkplaceKind Workplace = WorkplaceKind.None,
    string? WorkplaceRegionCode = null,
    string? EmployerName = null,
    DateOnly? ReturnedOn = null,
    bool? WillingToWorkAway = null);
