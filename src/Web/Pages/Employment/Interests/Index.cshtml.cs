using Bangfu.Employment.Fairs;
using Bangfu.Registry.Contracts;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Employment.Interests;

/// <summary>
/// 网上求职意向: interest registered on the online fair inside the officer's scope (a matched person's village, else the
/// vacancy's managing county), for follow-up: the phone in full on request (audited), state and note. A matched interest is
/// already a referral (网上报名) and links to it; an unmatched one can be linked by the county bureau to a registry person of
/// its scope by ID number (posted, never in a URL), which makes the referral (<see cref="VacancyInterestService.LinkAsync"/>).
/// </summary>
public sealed class IndexModel(VacancyInterestService interests, IPersonDirectory people) : PageModel
{
    /// <summary>Rows per page (keyset-paged like the people list; light enough for a phone).</summary>
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public InterestState? State { get; set; }
    /// <summary>The last interest of the previous page (the keyset cursor); null on the first page.</summary>
    [BindProperty(SupportsGet = true)] public Guid? After { get; set; }
    /// <summary>The cursor of the next page; null on the last.</summary>
    public Guid? Next { get; private set; }
    public IReadOnlyList<InterestListItem> Items { get; private set; } = [];
    public Guid? RevealedId { get; private set; }
    public string? RevealedPhone { get; private set; }
    /// <summary>The interest whose link failed, the error and the number as typed (kept so nothing typed is lost).</summary>
    public sealed record LinkFailure(Guid Id, string Error, string? Typed);

    public LinkFailure? LinkProblem { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await interests.ListAsync(State, PageSize + 1, After, ct);
        Items = rows.Take(PageSize).ToList();
        Next = rows.Count > PageSize ? Items[^1].Id : null;
    }

    public async Task<IActionResult> OnPostPhoneAsync(Guid id, CancellationToken ct)
    {
        RevealedPhone = await interests.RevealPhoneAsync(id, ct);
        if (RevealedPhone is null) return NotFound();
        RevealedId = id;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostFollowUpAsync(Guid id, InterestState state, string? note, CancellationToken ct)
    {
        if (!await interests.FollowUpAsync(id, state, note, ct)) return NotFound();
        return Redirect("/Employment/Interests");
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid id, string? idNumber, CancellationToken ct)
    {
        var result = await interests.LinkAsync(id, idNumber, ct);
        if (result is null) return NotFound();
        if (!result.Succeeded)
        {
            LinkProblem = new LinkFailure(id, result.Error!, idNumber?.Trim() is { Length: <= 30 } typed ? typed : null);
            await LoadAsync(ct);
            return Page();
        }
        var person = await people.FindAsync(result.PersonId!.Value, ct);
        Message = $"已关联到 {User.PersonName(person?.Name)}（{person?.IdNumberMasked}），并登记为推荐就业（网上报名），由其所在村跟进推荐结果。";
        return Redirect("/Employment/Interests");
    }

    public static string StateName(InterestState s) => InterestText.State(s);
}
