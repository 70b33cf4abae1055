using Bangfu.Employment.Employers;
using Bangfu.Employment.Referrals;
using Bangfu.Employment.Vacancies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Employment.Vacancies;

/// <summary>
/// 报名与推荐: who applied to a vacancy (interests from the online fair, referrals by officers) for its employer and its managing
/// officers to follow up (<see cref="VacancyApplicantService"/>): an employer account its own vacancies only, names masked; an
/// officer the vacancies he manages, the people of his scope. A phone in full on request (POST, audited). A vacancy the caller
/// does not manage, or another employer's, is 404.
/// </summary>
public sealed class ApplicantsModel(VacancyService vacancies, VacancyApplicantService applicants) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public Vacancy Vacancy { get; private set; } = null!;
    public IReadOnlyList<VacancyApplicant> Items { get; private set; } = [];
    public Guid? RevealedId { get; private set; }
    public string? RevealedPhone { get; private set; }
    public bool ForEmployer => Own is not null;

    private Guid? Own => EmployerAccount.OwnEmployerId(User);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPhoneAsync(Guid interest, CancellationToken ct)
    {
        if (await vacancies.FindManagedAsync(Id, Own, ct) is not { } vacancy) return NotFound();
        if ((RevealedPhone = await applicants.RevealPhoneAsync(vacancy, interest, Own, ct)) is null) return NotFound();
        RevealedId = interest;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await vacancies.FindManagedAsync(Id, Own, ct) is not { } vacancy) return false;
        Vacancy = vacancy;
        Items = await applicants.ListAsync(vacancy, Own, ct) ?? [];
        return true;
    }
}
