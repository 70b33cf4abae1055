using Bangfu.Employment.Fairs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Employment.Interests;

/// <summary>
/// 网上求职意向: interest registered on the online fair inside the officer's scope (a matched person's village, else the
/// vacancy's managing county), for follow-up: the phone in full on request (audited), state and note.
/// </summary>
public sealed class IndexModel(VacancyInterestService interests) : PageModel
{
    [BindProperty(SupportsGet = true)] public InterestState? State { get; set; }
    public IReadOnlyList<InterestListItem> Items { get; private set; } = [];
    public Guid? RevealedId { get; private set; }
    public string? RevealedPhone { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Items = await interests.ListAsync(State, 200, ct);

    public async Task<IActionResult> OnPostPhoneAsync(Guid id, CancellationToken ct)
    {
        RevealedPhone = await interests.RevealPhoneAsync(id, ct);
        if (RevealedPhone is null) return NotFound();
        RevealedId = id;
        Items = await interests.ListAsync(State, 200, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostFollowUpAsync(Guid id, InterestState state, string? note, CancellationToken ct)
    {
        if (!await interests.FollowUpAsync(id, state, note, ct)) return NotFound();
        return Redirect("/Employment/Interests");
    }

    public static string StateName(InterestState s) => s switch
    {
        InterestState.New => "待联系", InterestState.Contacted => "已联系", InterestState.Closed => "已办结", _ => s.ToString(),
    };
}
