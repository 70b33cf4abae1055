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
/// job, and is the same whether or not the person is in the registry. It is shown only on the page the registration redirects
/// to, by a TempData mark for this vacancy (a cookie the POST sets and that GET consumes), never by anything in the address:
/// a forwarded link shows the form. That response is <c>no-store</c> and kept out of the output cache, so it is never served to
/// anyone else. A vacancy that is not open (or no longer, when the form is posted) is 404 with a public page that says
/// 该岗位已停止招聘 and links back to the search, not the staff error page.
/// </summary>
public sealed class FairVacancyModel(FairSearchService search, VacancyInterestService interests, OccupationCatalog occupations, RegionTree tree) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? IdNumber { get; set; }
    /// <summary>The honeypot: hidden from people, filled by robots.</summary>
    [BindProperty] public string? Website { get; set; }
    /// <summary>TempData key: the vacancy id just registered for, set by the POST, consumed by the GET it redirects to.</summary>
    public const string RegisteredKey = "fair.registered";

    /// <summary>The confirmation is shown (this request follows this browser's successful registration for this vacancy).</summary>
    public bool Registered { get; private set; }

    /// <summary>The vacancy is not open: the page says so (404) with a link back to the search.</summary>
    public bool Closed { get; private set; }

    public FairVacancyDetails? Details { get; private set; }
    public string OccupationName { get; private set; } = "";
    public string PlaceName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return ClosedPage();
        // (TempData reads a Guid-shaped string back as a Guid: compare the text.)
        if (TempData[RegisteredKey]?.ToString() == Id.ToString())
        {
            Registered = true;
            // Personal to this browser: no cache anywhere may keep it (the TempData cookie it clears keeps it out of the
            // output cache too; this says so explicitly).
            if (HttpContext.Features.Get<Microsoft.AspNetCore.OutputCaching.IOutputCacheFeature>() is { } cache) cache.Context.AllowCacheStorage = false;
            Response.Headers.CacheControl = "no-store";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return ClosedPage();
        if (!string.IsNullOrEmpty(Website)) return Confirmed();
        var result = await interests.RegisterAsync(Id, new InterestInput(Clip(Name, 40), Clip(Phone, 40), Clip(IdNumber, 40)), ct);
        // Filled or withdrawn between the page's load and the service's read.
        if (result.Errors.ContainsKey("")) return ClosedPage();
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors) ModelState.AddModelError(field, message);
            return Page();
        }
        return Confirmed();
    }

    private RedirectResult Confirmed()
    {
        TempData[RegisteredKey] = Id.ToString();
        return Redirect($"/Fair/Vacancy/{Id}");
    }

    private PageResult ClosedPage()
    {
        Closed = true;
        Details = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
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
