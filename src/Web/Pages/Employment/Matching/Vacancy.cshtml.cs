using Bangfu.Employment.Employers;
using Bangfu.Employment.Matching;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Web.Pages.Employment.Matching;

/// <summary>
/// 人岗匹配 for one vacancy: the unemployed-and-willing of the caller's scope (or of <see cref="Region"/> inside it)
/// ranked for it, at most <see cref="Top"/>, with masked ID numbers, names as the caller may see them, the score and
/// each component in Chinese, and a link to record a referral. A vacancy is reachable when it is published (visible to
/// every officer, docs/employment-services.md "Scope") or managed by the caller; otherwise, and for a region outside
/// the scope, 404. Each view is recorded in the audit trail as a list of people (人员 / person.list) with its count.
/// </summary>
public sealed class VacancyModel(MatchingService matching, AppDbContext db, RegionTree tree, AuditTrail audit) : PageModel
{
    public const int Top = 50;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    public VacancyMatches? Matches { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var vacancy = await db.Set<Vacancy>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == Id, ct);
        if (vacancy is null || (vacancy.State != VacancyState.Published && !EmployerService.Manages(db.Scope, vacancy.ManagingRegionCode))) return NotFound();
        Region = string.IsNullOrWhiteSpace(Region) ? null : Region.Trim();
        if (Region is not null && !tree.InScope(Region)) return NotFound();
        Matches = await matching.ForVacancyAsync(Id, Top, Region ?? "", ct);
        if (Matches is null) return NotFound();
        await audit.RecordAsync(new AuditEntry(AuditCategories.Person, AuditEvents.PersonList, Target: Id.ToString(),
            Details: new { list = "岗位匹配人员", vacancy = vacancy.Title, shown = Matches.People.Count }, RegionCode: Region ?? tree.Base), ct);
        return Page();
    }
}
