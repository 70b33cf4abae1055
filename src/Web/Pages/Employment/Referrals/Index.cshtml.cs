using Bangfu.Employment.MonthlyRound;
using Bangfu.Employment.Referrals;
using Bangfu.Registry.Contracts;
using Bangfu.Registry.Regions;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Employment.Referrals;

/// <summary>
/// A village's referrals (推荐就业) with their outcomes, and the form to refer someone of the labour force to a job: the vacancy is
/// picked from a short list of open vacancies searched by title, occupation or employer (<c>?handler=Vacancies&amp;q=</c>, an
/// htmx GET; referral.js fills the form), or the job and employer are typed for a job not on the register. A referral to a
/// vacancy must name an open one (published, not expired, not filled), and takes its job title and employer from the vacancy,
/// not from the posted text; a link for a vacancy that has closed picks nothing and says so.
/// </summary>
public sealed class IndexModel(ReferralService referrals, MonthlyRoundService round, IPersonDirectory people, RegionTree tree, Bangfu.Platform.Audit.AuditTrail audit,
    OpenVacancySearch openVacancies) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty] public ReferralForm Input { get; set; } = new();

    public RegionPickerModel Picker { get; private set; } = null!;
    public Region? Place { get; private set; }
    public IReadOnlyList<Referral> Referrals { get; private set; } = [];
    public IReadOnlyList<PersonSummary> LabourForce { get; private set; } = [];
    public IReadOnlyDictionary<Guid, PersonSummary> Names { get; private set; } = new Dictionary<Guid, PersonSummary>();
    [TempData] public string? Saved { get; set; }
    /// <summary>The vacancy the form refers to, when one was picked (or the page was opened for it).</summary>
    public VacancyChoice? Chosen { get; private set; }

    /// <summary>The picker's short list, with the workplaces' names.</summary>
    public sealed record VacancyChoices(IReadOnlyList<VacancyChoice> Items, IReadOnlyDictionary<string, string> Places, bool Searched);

    public sealed class ReferralForm
    {
        public Guid? Person { get; set; }
        public Guid? Vacancy { get; set; }
        public string? JobTitle { get; set; }
        public string? EmployerName { get; set; }
        public ReferralSource? Source { get; set; }
        public string? ReferredOn { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? person, Guid? vacancy, CancellationToken ct, string? job = null, string? employer = null)
    {
        (Input.Person, Input.Vacancy) = (person, vacancy);
        (Input.JobTitle, Input.EmployerName) = (job, employer);
        Input.ReferredOn ??= referrals.Today.ToString("yyyy-MM-dd");
        if (await LoadAsync(ct) is { } problem) return problem;
        if (Chosen is not null) (Input.JobTitle, Input.EmployerName) = (Chosen.Title, Chosen.EmployerName);
        else
        {
            // Not a vacancy one can be referred to now: nothing is picked; a published one that closed says so.
            if (vacancy is { } closed && await openVacancies.FindAsync(closed, ct) is { } was)
                ModelState.AddModelError("Input.Vacancy", $"岗位“{was.Title}”（{was.EmployerName}）已停止招聘（已撤回、已招满或已截止），请另选岗位。");
            Input.Vacancy = null;
        }
        if (Place is not null)
            await audit.RecordAsync(new Bangfu.Platform.Audit.AuditEntry(Bangfu.Platform.Audit.AuditCategories.Person, Bangfu.Platform.Audit.AuditEvents.PersonList,
                Target: Place.Code, Details: new { list = "推荐就业", shown = Referrals.Count }, RegionCode: Place.Code), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem) return problem;
        if (Place is null) return NotFound();
        if (Input.Person is null) ModelState.AddModelError("Input.Person", "请选择人员。");
        if (Input.Source is null) ModelState.AddModelError("Input.Source", "请选择推荐来源。");
        if (!DateOnly.TryParseExact(Input.ReferredOn, "yyyy-MM-dd", out var on)) ModelState.AddModelError("Input.ReferredOn", "推荐日期格式应为 YYYY-MM-DD。");
        if (Input.Vacancy is { } vacancy)
        {
            // A referral to a vacancy names an open one, and its job and employer are the vacancy's, whatever text came with it.
            if (Chosen is not null) (Input.JobTitle, Input.EmployerName) = (Chosen.Title, Chosen.EmployerName);
            else if (await openVacancies.FindAsync(vacancy, ct) is { } closed)
                ModelState.AddModelError("Input.Vacancy", $"岗位“{closed.Title}”（{closed.EmployerName}）已停止招聘（已撤回、已招满或已截止），请另选岗位。");
            else ModelState.AddModelError("Input.Vacancy", "找不到所选的岗位，请重新选择。");
            if (Chosen is null) Input.Vacancy = null; // the form shows nothing picked
        }
        if (!ModelState.IsValid) return Page();
        try
        {
            await referrals.CreateAsync(new ReferralInput(Input.Person!.Value, Input.Vacancy, Input.JobTitle ?? "", Input.EmployerName ?? "", Input.Source!.Value, on), User.Identity?.Name, ct);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError("Input." + e.ParamName, e.Message.Split(" (Parameter")[0]);
            return Page();
        }
        Saved = "已登记推荐。";
        return RedirectToPage(new { village = Place.Code });
    }

    /// <summary>Open vacancies for the picker (at most <see cref="OpenVacancySearch.Max"/>): no personal data, no change.</summary>
    public async Task<IActionResult> OnGetVacanciesAsync(string? q, CancellationToken ct)
    {
        var items = await openVacancies.SearchAsync(q, ct: ct);
        var places = new Dictionary<string, string>();
        foreach (var code in items.Select(v => v.WorkplaceRegionCode).Distinct()) places[code] = await tree.FullNameAsync(code, ct);
        return Partial("_VacancyChoices", new VacancyChoices(items, places, !string.IsNullOrWhiteSpace(q)));
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Chosen = Input.Vacancy is { } vacancy ? await openVacancies.FindOpenAsync(vacancy, ct) : null;
        Village = string.IsNullOrWhiteSpace(Village) ? tree.OwnVillage : Village.Trim();
        Picker = await tree.PickerAsync("village", Village, RegionLevel.Village, submitOnChoice: true, ct: ct);
        if (Village is null || (Village.Length < 12 && tree.InScope(Village))) return null;
        if ((Place = await tree.VillageAsync(Village, ct)) is null) return NotFound();
        Referrals = await referrals.ReferralsAsync(Place.Code, ct: ct);
        var period = await round.CurrentPeriodAsync(Place.Code, ct);
        LabourForce = (await round.ListAsync(Place.Code, period, VillageList.LabourForce, ct)).Select(e => e.Person).ToList();
        Names = await people.FindManyAsync(Referrals.Select(r => r.PersonId).ToList(), ct);
        return null;
    }
}
