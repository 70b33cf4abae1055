using Bangfu.Employment.Fairs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Employment.Fairs;

/// <summary>招聘会: the fairs the officer sees (their county's), and setting up a new one.</summary>
public sealed class IndexModel(JobFairService fairs) : PageModel
{
    public IReadOnlyList<JobFair> Fairs { get; private set; } = [];
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? VenueRegionCode { get; set; }
    [BindProperty] public string? VenueText { get; set; }
    [BindProperty] public string? Organisers { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Fairs = await fairs.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (fair, errors) = await fairs.SaveAsync(null, new FairInput(Name, Date, VenueRegionCode, VenueText, Organisers), ct);
        if (fair is null)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError(field, message);
            Fairs = await fairs.ListAsync(ct);
            return Page();
        }
        return Redirect($"/Employment/Fairs/Details/{fair.Id}");
    }
}
