using Bangfu.Employment.Contracts;
using Bangfu.Employment.MonthlyRound;
using Bangfu.Platform.Time;
using Bangfu.Registry.Regions;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using Bangfu.Platform.Security;

namespace Bangfu.Web.Pages.Employment.Round;

/// <summary>
/// The monthly round (月度走访) of a village: its labour force with each person's situation carried forward from last
/// month; tapping a person opens the form for what changed (Edit); closing the month (关账/报送) freezes it.
/// A village officer goes straight to their village; others choose one with the region picker.
/// </summary>
public sealed class IndexModel(MonthlyRoundService round, RegionTree tree, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public bool All { get; set; }

    /// <summary>One person's line in the round.</summary>
    public sealed record Row(RoundEntry Entry, Period Period, bool Editable)
    {
        /// <summary>A change was recorded in the round for this month (situations from imports carry an import id).</summary>
        public bool Changed => Entry.Situation is { ImportId: null } s && s.FromPeriod == Period;
    }

    public RegionPickerModel Picker { get; private set; } = null!;
    public Region? Place { get; private set; }
    public Period Month { get; private set; }
    public Period ThisMonth { get; private set; }
    public RoundState? State { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int LabourForce { get; private set; }
    public int Everyone { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Village = string.IsNullOrWhiteSpace(Village) ? tree.OwnVillage : Village.Trim();
        Picker = await tree.PickerAsync("village", Village, RegionLevel.Village, submitOnChoice: true, ct: ct);
        // A region above village level is a choice not yet finished: the picker shows it and asks for the village.
        if (Village is null || (Village.Length < 12 && tree.InScope(Village))) return Page();
        if ((Place = await tree.VillageAsync(Village, ct)) is null) return NotFound();

        var today = clock.GetLocalNow();
        ThisMonth = new Period(today.Year, today.Month);
        Month = await round.CurrentPeriodAsync(Village, ct);
        if (!string.IsNullOrWhiteSpace(Period))
        {
            if (!Bangfu.Platform.Time.Period.TryParse(Period, out var asked))
                ModelState.AddModelError(nameof(Period), "月份格式应为 YYYY-MM，例如 2022-01。");
            else if (asked > ThisMonth)
                ModelState.AddModelError(nameof(Period), $"{asked.ToChinese()}还没有到，请选择本月或以前的月份。");
            else
                Month = asked;
        }
        Period = Month.ToString();
        State = await round.StateAsync(Village, Month, ct);

        var everyone = await round.ListAsync(Village, Month, VillageList.Roster, ct);
        var labourForce = everyone.Where(e => MonthlyRoundService.Belongs(e, VillageList.LabourForce)).ToList();
        (Everyone, LabourForce) = (everyone.Count, labourForce.Count);
        Rows = (All ? everyone : labourForce).Select(e => new Row(e, Month, !State.IsClosed)).ToList();
        return Page();
    }

    /// <summary>关账/报送: closes the month for the village; the page then shows it read-only and offers the next month.</summary>
    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        if (await tree.VillageAsync(Village, ct) is null) return NotFound();
        if (!Bangfu.Platform.Time.Period.TryParse(Period, out var month)) return BadRequest();
        try
        {
            await round.CloseAsync(Village!, month, User.Identity?.Name, ct);
            TempData["RoundMessage"] = $"{month.ToChinese()}已关账（报送）。";
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException)
        {
            TempData["RoundError"] = e.Message;
        }
        return RedirectToPage(new { village = Village, period = month.ToString() });
    }

    /// <summary>重新打开: the county reopens the village's last closed month to correct it.</summary>
    public async Task<IActionResult> OnPostReopenAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.EmploymentReopen)) return Forbid();
        if (await tree.VillageAsync(Village, ct) is null) return NotFound();
        if (!Bangfu.Platform.Time.Period.TryParse(Period, out var month)) return BadRequest();
        try
        {
            await round.ReopenAsync(Village!, month, ct);
            TempData["RoundMessage"] = $"{month.ToChinese()}已重新打开，可以更正；改好后请重新关账。";
        }
        catch (InvalidOperationException e)
        {
            TempData["RoundError"] = e.Message;
        }
        return RedirectToPage(new { village = Village, period = month.ToString() });
    }
}
