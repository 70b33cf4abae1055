using Bangfu.Employment.Employers;
using Bangfu.Employment.Occupations;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Data;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Web.Pages.Employment.Vacancies;

/// <summary>
/// 岗位审核: the county bureau's queue of vacancies waiting for review, oldest first; publish, or reject with a reason.
/// Decisions are audited as approvals (VacancyService). A vacancy another bureau manages is 404.
/// </summary>
public sealed class ReviewModel(VacancyService vacancies, AppDbContext db, OccupationCatalog occupations, RegionTree tree) : PageModel
{
    public IReadOnlyList<Vacancy> Queue { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> EmployerNames { get; private set; } = new Dictionary<Guid, string>();
    public OccupationCatalog Occupations => occupations;
    /// <summary>The workplaces' names as written (湖南省长沙市宁乡市) by region code; an unknown code stands for itself.</summary>
    public IReadOnlyDictionary<string, string> Places { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Queue = await vacancies.ReviewQueueAsync(ct);
        var ids = Queue.Select(v => v.EmployerId).Distinct().ToList();
        EmployerNames = await db.Set<Employer>().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var places = new Dictionary<string, string>();
        foreach (var code in Queue.Select(v => v.WorkplaceRegionCode).Distinct()) places[code] = await tree.FullNameAsync(code, ct);
        Places = places;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? decision, string? reason, CancellationToken ct)
    {
        if (decision is not ("publish" or "reject")) return BadRequest();
        try
        {
            var v = await vacancies.ReviewAsync(id, decision == "publish", reason, ct);
            if (v is null) return NotFound();
            TempData["ReviewMessage"] = decision == "publish" ? $"“{v.Title}”已发布。" : $"“{v.Title}”已退回。";
        }
        catch (VacancyStateException e)
        {
            TempData["ReviewMessage"] = e.Message;
        }
        return Redirect("/Employment/Vacancies/Review");
    }
}
