using Bangfu.Registry.DataQuality;
using Bangfu.Registry.People;
using Bangfu.Registry.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Registry.People;

/// <summary>
/// A person's record: the 47 roster fields in Chinese (ID number and phones masked), the household with its members
/// over time, the change history and the open data-quality issues. A person outside the caller's scope is not found.
/// </summary>
public sealed class DetailModel(PeopleService people, QualityIssueService issues, RegionDirectory regions) : PageModel
{
    public PersonDetail Detail { get; private set; } = null!;
    public string VillageName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await people.DetailAsync(id, ct) is not { } detail) return NotFound();
        Detail = detail;
        VillageName = await new RegionPaths(regions).NameAsync(detail.Person.RegionCode, ct);
        return Page();
    }

    public string RuleDescription(string code) => issues.Rule(code)?.Description ?? code;
}
