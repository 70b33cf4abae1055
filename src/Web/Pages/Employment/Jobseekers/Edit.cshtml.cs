using System.Globalization;
using Bangfu.Employment.Jobseekers;
using Bangfu.Employment.Occupations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Employment.Jobseekers;

/// <summary>
/// A person's jobseeker profile, kept by the cadre on a phone: skills and wanted occupations picked from the
/// occupation list, certificates (one a line), expected wage, how far they will go, must be home daily, training
/// wishes, available from; work history from the employment situations below. A person outside the scope is 404.
/// </summary>
public sealed class EditModel(JobseekerService jobseekers, OccupationCatalog occupations) : PageModel
{
    public const int OccupationSlots = 3;

    [BindProperty(SupportsGet = true)] public Guid PersonId { get; set; }
    [BindProperty] public FormModel Input { get; set; } = new();
    public JobseekerView? View { get; private set; }
    public OccupationCatalog Occupations => occupations;

    public sealed class FormModel
    {
        public List<string?> Skills { get; set; } = [];
        public string? SkillsText { get; set; }
        public string? Certificates { get; set; }
        public List<string?> Wanted { get; set; } = [];
        public string? ExpectedWageMin { get; set; }
        public Reach Reach { get; set; }
        public bool MustBeHomeDaily { get; set; }
        public string? TrainingWishes { get; set; }
        public string? AvailableFrom { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = await jobseekers.FindAsync(PersonId, ct);
        if (View is null) return NotFound();
        if (View.Profile is { } p)
            Input = new FormModel
            {
                Skills = p.SkillOccupationCodes.Select(c => occupations.ByCode(c)?.Display ?? c).ToList<string?>(),
                SkillsText = p.SkillsText, Certificates = string.Join("\n", p.Certificates),
                Wanted = p.WantedOccupationCodes.Select(c => occupations.ByCode(c)?.Display ?? c).ToList<string?>(),
                ExpectedWageMin = p.ExpectedWageMin?.ToString(), Reach = p.Reach, MustBeHomeDaily = p.MustBeHomeDaily,
                TrainingWishes = p.TrainingWishes, AvailableFrom = p.AvailableFrom?.ToString("yyyy-MM-dd"),
            };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        int? wage = null;
        if (!string.IsNullOrWhiteSpace(Input.ExpectedWageMin))
        {
            if (int.TryParse(Input.ExpectedWageMin.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var w)) wage = w;
            else ModelState.AddModelError("Input.ExpectedWageMin", "期望月薪应为整数（元/月）");
        }
        DateOnly? available = null;
        if (!string.IsNullOrWhiteSpace(Input.AvailableFrom))
        {
            if (DateOnly.TryParseExact(Input.AvailableFrom.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) available = d;
            else ModelState.AddModelError("Input.AvailableFrom", "可上岗日期应写作 2026-03-15");
        }
        var skills = Codes(Input.Skills, "Input.Skills");
        var wanted = Codes(Input.Wanted, "Input.Wanted");
        if (ModelState.IsValid)
        {
            var result = await jobseekers.SaveAsync(PersonId, new JobseekerInput
            {
                SkillOccupationCodes = skills, SkillsText = Input.SkillsText,
                Certificates = (Input.Certificates ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                WantedOccupationCodes = wanted, ExpectedWageMin = wage, Reach = Input.Reach, MustBeHomeDaily = Input.MustBeHomeDaily,
                TrainingWishes = Input.TrainingWishes, AvailableFrom = available,
            }, ct);
            if (result is null) return NotFound();
            foreach (var (field, message) in result.Value.Errors)
                ModelState.AddModelError(field switch
                {
                    nameof(JobseekerInput.SkillOccupationCodes) => "Input.Skills",
                    nameof(JobseekerInput.WantedOccupationCodes) => "Input.Wanted",
                    _ => $"Input.{field}",
                }, message);
            if (result.Value.Profile is not null)
            {
                TempData["JobseekerMessage"] = "已保存求职登记。";
                return Redirect($"/Employment/Jobseekers/Edit/{PersonId}");
            }
        }
        View = await jobseekers.FindAsync(PersonId, ct);
        return View is null ? NotFound() : Page();
    }

    private List<string> Codes(IEnumerable<string?> texts, string field)
    {
        var codes = new List<string>();
        foreach (var text in texts.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            if (occupations.Find(text) is { } o) codes.Add(o.Code);
            else ModelState.AddModelError(field, $"“{text}”不是职业分类代码表中的职业，请从列表中选择");
        }
        return codes;
    }

    public static string ReachName(Reach r) => r switch { Reach.InCounty => "县内", Reach.InProvince => "省内", _ => "不限" };
}
