using Bangfu.Employment.Matching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Employment.Matching;

/// <summary>
/// 人岗匹配 for one person: the open vacancies ranked for them (at most <see cref="Top"/>), each with its score (0–100)
/// and every component explained in Chinese (<see cref="MatchingService.ForPersonAsync"/>, <see cref="MatchExplainer"/>).
/// A person outside the caller's scope, or unknown, answers 404.
/// </summary>
public sealed class PersonModel(MatchingService matching) : PageModel
{
    public const int Top = 20;

    [BindProperty(SupportsGet = true)] public Guid PersonId { get; set; }
    public PersonMatches? Matches { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Matches = await matching.ForPersonAsync(PersonId, Top, ct);
        return Matches is null ? NotFound() : Page();
    }
}
