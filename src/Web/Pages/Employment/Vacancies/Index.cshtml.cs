using Bangfu.Employment.Employers;
using Bangfu.Employment.Occupations;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Web.Pages.Employment.Vacancies;

/// <summary>岗位: the vacancies the user manages (an employer account: its own), filtered by state, occupation and title.</summary>
public sealed class IndexModel(VacancyService vacancies, AppDbContext db, OccupationCatalog occupations) : PageModel
{
    [BindProperty(SupportsGet = true)] public VacancyState? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Occupation { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? EmployerId { get; set; }

    public IReadOnlyList<Vacancy> Vacancies { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> EmployerNames { get; private set; } = new Dictionary<Guid, string>();
    public DateOnly Today => vacancies.Today;
    public OccupationCatalog Occupations => occupations;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var code = occupations.Find(Occupation)?.Code ?? (string.IsNullOrWhiteSpace(Occupation) ? null : Occupation);
        Vacancies = await vacancies.ListManagedAsync(new VacancyFilter(State, code, Q, EmployerId), EmployerAccount.OwnEmployerId(User), 200, ct);
        var ids = Vacancies.Select(v => v.EmployerId).Distinct().ToList();
        EmployerNames = await db.Set<Employer>().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
    }

    public static string Wage(Vacancy v) => v.WageMin == v.WageMax ? $"{v.WageMin} 元/月" : $"{v.WageMin}–{v.WageMax} 元/月";
}
