using Bangfu.Employment.Jobseekers;
using Bangfu.Employment.Matching;
using Bangfu.Platform.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Employment.Matching;

/// <summary>
/// 人岗匹配 for one person: the open vacancies ranked for them (at most <see cref="Top"/>), each with its score (0–100)
/// and every component explained in Chinese (<see cref="MatchingService.ForPersonAsync"/>, <see cref="MatchExplainer"/>).
/// A person outside the caller's scope, or unknown, answers 404. The view reads the jobseeker profile and is recorded as
/// such (人员 / jobseeker.view, as <see cref="JobseekerService"/> does).
/// </summary>
public sealed class PersonModel(MatchingService matching, AuditTrail audit) : PageModel
{
    public const int Top = 20;

    [BindProperty(SupportsGet = true)] public Guid PersonId { get; set; }
    public PersonMatches? Matches { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Matches = await matching.ForPersonAsync(PersonId, Top, ct);
        if (Matches is null) return NotFound();
        await audit.RecordAsync(new AuditEntry(AuditCategories.Person, JobseekerService.ViewEvent, Target: PersonId.ToString(),
            Details: new { page = "匹配岗位", shown = Matches.Vacancies.Count }, RegionCode: Matches.Person.RegionCode), ct);
        return Page();
    }
}
