using System.Globalization;
using Bangfu.Employment.Referrals;
using Bangfu.Registry.Contracts;
using Bangfu.Registry.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Employment.Referrals;

/// <summary>
/// The outcome of a referral; for a hire, the placement (employer, start date, monthly wage, workplace as written, e.g.
/// 广东省深圳市坪山区), which sets the person's situation and brings follow-ups at 1, 3 and 6 months. Out of scope: 404.
/// </summary>
public sealed class OutcomeModel(ReferralService referrals, IPersonDirectory people, PlaceResolver places) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public OutcomeForm Input { get; set; } = new();

    public Referral Referral { get; private set; } = null!;
    public PersonSummary Person { get; private set; } = null!;

    public sealed class OutcomeForm
    {
        public ReferralOutcome? Outcome { get; set; }
        public string? OutcomeOn { get; set; }
        public string? EmployerName { get; set; }
        public string? StartDate { get; set; }
        public string? Wage { get; set; }
        public string? Workplace { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem) return problem;
        Input.EmployerName ??= Referral.EmployerName;
        Input.OutcomeOn ??= referrals.Today.ToString("yyyy-MM-dd");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem) return problem;
        if (Input.Outcome is null) ModelState.AddModelError("Input.Outcome", "请选择推荐结果。");
        if (!DateOnly.TryParseExact(Input.OutcomeOn, "yyyy-MM-dd", out var on)) ModelState.AddModelError("Input.OutcomeOn", "结果日期格式应为 YYYY-MM-DD。");
        PlacementInput? placement = null;
        if (Input.Outcome == ReferralOutcome.Hired)
        {
            if (!DateOnly.TryParseExact(Input.StartDate, "yyyy-MM-dd", out var start)) ModelState.AddModelError("Input.StartDate", "上岗日期格式应为 YYYY-MM-DD。");
            if (!decimal.TryParse(Input.Wage, NumberStyles.Number, CultureInfo.InvariantCulture, out var wage)) ModelState.AddModelError("Input.Wage", "月工资应为数字（元），例如 4500。");
            var place = await places.ResolveAsync(Input.Workplace, ct);
            if (place.Region is null) ModelState.AddModelError("Input.Workplace", place.Message ?? "没有认出工作地点，请写明省、市、县，例如：广东省深圳市坪山区。");
            if (ModelState.IsValid) placement = new PlacementInput(null, Input.EmployerName ?? "", start, wage, place.Region!.Code);
        }
        if (!ModelState.IsValid) return Page();
        try
        {
            await referrals.RecordOutcomeAsync(Id, Input.Outcome!.Value, on, placement, User.Identity?.Name, ct);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError(FieldOf(e.ParamName), e.Message.Split(" (Parameter")[0]);
            return Page();
        }
        catch (InvalidOperationException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
        return RedirectToPage("Index", new { village = Referral.RegionCode });
    }

    /// <summary>The form field beside which a service error shows: the service names <see cref="PlacementInput"/>'s members
    /// (MonthlyWage, WorkplaceRegionCode), the form has Wage and Workplace; an error of the whole placement shows above the form.</summary>
    internal static string FieldOf(string? serviceParam) => serviceParam switch
    {
        nameof(PlacementInput.MonthlyWage) => "Input.Wage",
        nameof(PlacementInput.WorkplaceRegionCode) => "Input.Workplace",
        nameof(PlacementInput.EmployerName) or nameof(PlacementInput.StartDate) or "Outcome" or "OutcomeOn" => "Input." + serviceParam,
        _ => "",
    };

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await referrals.FindReferralAsync(Id, ct) is not { } referral) return NotFound();
        if (await people.FindAsync(referral.PersonId, ct) is not { } person) return NotFound();
        (Referral, Person) = (referral, person);
        return null;
    }
}
