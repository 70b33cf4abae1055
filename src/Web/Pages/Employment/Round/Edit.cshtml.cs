using Bangfu.Employment.Contracts;
using Bangfu.Employment.MonthlyRound;
using Bangfu.Platform.Time;
using Bangfu.Registry.Regions;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Employment.Round;

/// <summary>
/// Records what changed for one person in a month of the round. Opened inline from the round's list through htmx
/// (the form alone; a saved change answers with the person's new line), or as a page of its own without script.
/// People outside the caller's scope are not found (404).
/// </summary>
public sealed class EditModel(MonthlyRoundService round, RegionTree tree, PlaceResolver places, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Person { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty] public SituationInput Input { get; set; } = new();

    public RoundEntry Entry { get; private set; } = null!;
    public Period Month { get; private set; }
    public RoundState State { get; private set; } = null!;

    /// <summary>Asked for by htmx: answer with fragments, not whole pages.</summary>
    public bool Inline => Request.Headers.ContainsKey("HX-Request");

    public string Action => $"/Employment/Round/Edit?person={Person}&period={Month}";
    public string Back => $"/Employment/Round?village={Entry.Person.RegionCode}&period={Month}#p-{Person}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem) return problem;
        Input = await SituationInput.FromAsync(Entry.Situation, tree, ct);
        return Form();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem) return problem;
        ModelState.Clear(); // the input is checked below, in Chinese, field by field
        if (State.IsClosed)
        {
            ModelState.AddModelError("", $"{Month.ToChinese()}已关账，不能再修改；请在 {Month.Next().ToChinese()} 登记变化。");
            return Form();
        }
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var change = await Input.ToChangeAsync(Entry.Person.RegionCode, Month, today, places, ModelState, ct);
        if (change is null) return Form();
        try
        {
            await round.SetAsync(Person, Month, change, User.Identity?.Name, ct);
        }
        catch (InvalidOperationException e)
        {
            ModelState.AddModelError("", e.Message);
            return Form();
        }
        if (!Inline) return Redirect(Back);

        await LoadAsync(ct);
        Response.Headers["HX-Retarget"] = "#p-" + Person;
        Response.Headers["HX-Reswap"] = "outerHTML";
        return Partial("_Saved", this);
    }

    private IActionResult Form() => Inline ? Partial("_SituationForm", this) : Page();

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!Bangfu.Platform.Time.Period.TryParse(Period, out var month)) return BadRequest();
        var now = clock.GetLocalNow();
        if (month > new Period(now.Year, now.Month)) return BadRequest();
        if (await round.FindAsync(Person, month, ct) is not { } entry) return NotFound();
        (Month, Entry) = (month, entry);
        State = await round.StateAsync(entry.Person.RegionCode, month, ct);
        return null;
    }
}
