using Bangfu.Employment.Fairs;
using Bangfu.Platform.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Employment.Fairs;

/// <summary>
/// A fair: its figures (employers, jobs offered, attendees, poverty-alleviated attendees, intentions, hires), employers,
/// vacancies and the attendees inside the officer's scope (ID masked; the list view is audited); sign-in by ID number,
/// adding employers and vacancies, recording intentions and hires. A fair of another county is 404.
/// </summary>
public sealed class DetailsModel(JobFairService fairs, AuditTrail audit) : PageModel
{
    public const string AttendeesEvent = "fair.attendees";

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public JobFair Fair { get; private set; } = null!;
    public FairFigures Figures { get; private set; } = null!;
    public IReadOnlyList<FairEmployerRow> Employers { get; private set; } = [];
    public IReadOnlyList<FairVacancyRow> Vacancies { get; private set; } = [];
    public IReadOnlyList<FairAttendeeRow> Attendees { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSignInAsync(string? name, string? idNumber, CancellationToken ct) =>
        ActAsync(async () =>
        {
            var r = await fairs.SignInAsync(Id, name, idNumber, ct);
            if (r is null) return (false, null);
            if (r.Error is not null) return (true, "!" + r.Error);
            return (true, r.AlreadySignedIn ? $"{r.Attendance!.IdNumberMasked} 已经签到过" : $"已签到：{r.Attendance!.Name}（{r.Attendance.IdNumberMasked}）");
        }, ct);

    public Task<IActionResult> OnPostEmployerAsync(string? creditCode, CancellationToken ct) =>
        ActAsync(async () => (true, await fairs.AddEmployerAsync(Id, creditCode, ct) is { } e ? "!" + e : "已添加参会单位"), ct);

    public Task<IActionResult> OnPostVacancyAsync(Guid vacancyId, CancellationToken ct) =>
        ActAsync(async () => (true, await fairs.LinkVacancyAsync(Id, vacancyId, ct) is { } e ? "!" + e : "已添加岗位"), ct);

    public Task<IActionResult> OnPostIntentionAsync(Guid attendanceId, Guid vacancyId, bool hired, CancellationToken ct) =>
        ActAsync(async () => (true, await fairs.RecordIntentionAsync(Id, attendanceId, vacancyId, hired, ct) is { } e ? "!" + e : hired ? "已记录录用" : "已记录意向"), ct);

    private async Task<IActionResult> ActAsync(Func<Task<(bool Found, string? Message)>> act, CancellationToken ct)
    {
        if (await fairs.FindAsync(Id, ct) is null) return NotFound();
        var (found, message) = await act();
        if (!found) return NotFound();
        if (message is { } m && m.StartsWith('!')) Error = m[1..]; else Message = message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var fair = await fairs.FindAsync(Id, ct);
        if (fair is null) return false;
        Fair = fair;
        Figures = await fairs.FiguresAsync(Id, ct);
        Employers = await fairs.EmployersAsync(Id, ct);
        Vacancies = await fairs.VacanciesAsync(Id, ct);
        Attendees = await fairs.AttendeesAsync(Id, ct);
        if (Attendees.Count > 0)
            await audit.RecordAsync(new AuditEntry(AuditCategories.Person, AttendeesEvent, Target: Id.ToString(),
                Details: new { Count = Attendees.Count }, RegionCode: fair.ManagingRegionCode), ct);
        return true;
    }
}
