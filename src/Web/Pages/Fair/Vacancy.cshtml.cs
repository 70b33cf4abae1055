using Bangfu.Employment.Fairs;
using Bangfu.Employment.Occupations;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Fair;

/// <summary>
/// An open vacancy on the online fair and the interest form (姓名, 手机号码, optional 身份证号码). Anonymous; the POST
/// carries the antiforgery token, is limited per client address (RateLimits), and has a honeypot field that people do
/// not see: a filled one is answered like a success and stored nowhere. The confirmation promises only a call, never a
/// job, and is the same whether or not the person is in the registry. A vacancy that is not open is 404.
/// </summary>
public sealed class FairVacancyModel(FairSearchService search, VacancyInterestService interests, OccupationCatalog occupations, RegionTree tree) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? IdNumber { get; set; }
    /// <summary>The honeypot: hidden from people, filled by robots.</summary>
    [BindProperty] public string? Website { get; set; }
    [BindProperty(SupportsGet = true)] public bool Registered { get; set; }

    public FairVacancyDetails? Details { get; private set; }
    public string OccupationName { get; private set; } = "";
    public string PlaceName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!string.IsNullOrEmpty(Website)) return Redirect($"/Fair/Vacancy/{Id}?registered=true");
        var result = await interests.RegisterAsync(Id, new InterestInput(Clip(Name, 40), Clip(Phone, 40), Clip(IdNumber, 40)), ct);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors) ModelState.AddModelError(field, message);
            return Page();
        }
        return Redirect($"/Fair/Vacancy/{Id}?registered=true");
    }

    private static string? Clip(string? s, int max) => s is { Length: > 0 } && s.Length > max ? s[..max] : s;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Details = await search.DetailsAsync(Id, ct);
        if (Details is null) return false;
        OccupationName = occupations.ByCode(Details.Item.OccupationCode)?.Name ?? Details.Item.OccupationCode;
        PlaceName = await FairIndexModel.PlaceNameAsync(tree, Details.Item.WorkplaceRegionCode, ct);
        return true;
    }
}
