using Bangfu.Employment.Jobseekers;
using Bangfu.Platform.Data;
using Bangfu.Registry.Contracts;
using Bangfu.Registry.Regions;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Web.Pages.Employment.Jobseekers;

/// <summary>求职登记: the people of a village (a village cadre goes straight to their own), with whether each has a profile.</summary>
public sealed class IndexModel(IPersonDirectory people, RegionTree tree, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    public RegionPickerModel Picker { get; private set; } = null!;
    public Region? Place { get; private set; }
    public IReadOnlyList<PersonSummary> People { get; private set; } = [];
    public IReadOnlySet<Guid> WithProfile { get; private set; } = new HashSet<Guid>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Village = string.IsNullOrWhiteSpace(Village) ? tree.OwnVillage : Village.Trim();
        Picker = await tree.PickerAsync("village", Village, RegionLevel.Village, submitOnChoice: true, ct: ct);
        if (Village is null || (Village.Length < 12 && tree.InScope(Village))) return Page();
        if ((Place = await tree.VillageAsync(Village, ct)) is null) return NotFound();
        People = await people.InVillageAsync(Village, ct);
        WithProfile = (await db.Set<JobseekerProfile>().Where(p => p.RegionCode == Village).Select(p => p.PersonId).ToListAsync(ct)).ToHashSet();
        return Page();
    }
}
