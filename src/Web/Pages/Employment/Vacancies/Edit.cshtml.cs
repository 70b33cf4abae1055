using Bangfu.Employment.Employers;
using Bangfu.Employment.Occupations;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Security;
using Bangfu.Registry.Regions;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Employment.Vacancies;

/// <summary>
/// Posting a vacancy for an employer (<c>?employerId=</c>; an employer account posts for its own) or viewing and
/// editing one (<c>/{id}</c>): editable until published, then only marked filled or withdrawn. What the user does not
/// manage is 404. Numbers are read here so a typo gets a Chinese message rather than the binder's.
/// </summary>
public sealed class EditModel(VacancyService vacancies, EmployerService employers, OccupationCatalog occupations, RegionTree tree,
    RegionDirectory regions) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? EmployerId { get; set; }
    [BindProperty] public VacancyForm Input { get; set; } = new();
    public Vacancy? Vacancy { get; private set; }
    public Employer? Employer { get; private set; }
    public OccupationCatalog Occupations => occupations;
    public DateOnly Today => vacancies.Today;
    /// <summary>The vacancy's workplace as written (湖南省长沙市宁乡市), for the summary of a vacancy no longer editable.</summary>
    public string? WorkplaceName { get; private set; }
    /// <summary>The workplace picker (province → city → county, any in the country; the form's script is site.js). A
    /// township or village code already on the vacancy is kept until another place is picked.</summary>
    public RegionPickerModel Workplace { get; private set; } = null!;

    private Guid? Own => EmployerAccount.OwnEmployerId(User);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input = Vacancy is null ? VacancyForm.Blank(Today) : VacancyForm.From(VacancyInput.From(Vacancy));
        if (Vacancy is not null) WorkplaceName = await tree.FullNameAsync(Vacancy.WorkplaceRegionCode, ct);
        return await FormAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.EmployersManage) && Own is null) return NotFound();
        if (!await LoadAsync(ct)) return NotFound();
        var input = Input.ToInput(occupations, (field, message) => ModelState.AddModelError($"Input.{field}", message));
        if (await VacancyInput.WorkplaceErrorAsync(regions, Input.WorkplaceRegionCode, ct) is { } workplaceError)
            ModelState.AddModelError("Input.WorkplaceRegionCode", workplaceError);
        if (!ModelState.IsValid)
        {
            // Show every problem at once: the rules' messages for the fields that could be read.
            foreach (var (field, message) in input.Check(occupations, Today))
                if (ModelState[$"Input.{field}"] is not { Errors.Count: > 0 }) ModelState.AddModelError($"Input.{field}", message);
            return await FormAsync(ct);
        }
        var result = Vacancy is null
            ? await vacancies.CreateAsync(Employer!.Id, input, VacancySource.Officer, Own, ct)
            : await vacancies.UpdateAsync(Vacancy.Id, input, Own, ct);
        if (result is null) return NotFound();
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors) ModelState.AddModelError(field.Length == 0 ? "" : $"Input.{field}", message);
            return await FormAsync(ct);
        }
        TempData["VacancyMessage"] = "已保存，等待县级就业部门审核后发布。";
        return Redirect($"/Employment/Vacancies/Edit/{result.Vacancy!.Id}");
    }

    public Task<IActionResult> OnPostFilledAsync(CancellationToken ct) => ChangeAsync(id => vacancies.MarkFilledAsync(id, Own, ct), "已标记为招满。");

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) => ChangeAsync(id => vacancies.WithdrawAsync(id, Own, ct), "已撤回。");

    private async Task<IActionResult> ChangeAsync(Func<Guid, Task<Vacancy?>> change, string done)
    {
        if (Id is not { } id) return NotFound();
        try
        {
            if (await change(id) is null) return NotFound();
            TempData["VacancyMessage"] = done;
        }
        catch (VacancyStateException e)
        {
            TempData["VacancyMessage"] = e.Message;
        }
        return Redirect($"/Employment/Vacancies/Edit/{id}");
    }

    private async Task<IActionResult> FormAsync(CancellationToken ct)
    {
        var code = Input.WorkplaceRegionCode?.Trim();
        Workplace = await tree.PlacePickerAsync("Input.WorkplaceRegionCode", code, RegionLevel.County, ct);
        // A township or village code, or a code not in the tree, stays as typed: the hidden input sends it back unchanged.
        if (!string.IsNullOrEmpty(code) && code != Workplace.Value) Workplace = Workplace with { Value = code };
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            Vacancy = await vacancies.FindManagedAsync(id, Own, ct);
            if (Vacancy is null) return false;
            Employer = await employers.FindManagedAsync(Vacancy.EmployerId, Own, ct)
                       ?? (Own is null ? null : await employers.FindManagedAsync(Vacancy.EmployerId, Vacancy.EmployerId, ct));
            return true;
        }
        if (Own is { } own && EmployerId is { } asked && asked != own) return false;
        var employerId = Own ?? EmployerId;
        Employer = employerId is null ? null : await employers.FindManagedAsync(employerId.Value, Own, ct);
        return Employer is not null;
    }
}
