using Bangfu.Platform.Audit;
using Bangfu.Platform.Security;
using Bangfu.Registry.DataQuality;
using Bangfu.Registry.People;
using Bangfu.Registry.Regions;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Registry.People;

/// <summary>
/// A person's record: the 47 roster fields in Chinese (ID number and phones masked; names and sensitive fields as the
/// user's permissions allow), the household with its members over time, the change history and the open data-quality
/// issues. A person outside the caller's scope is not found. Every view is recorded in the audit trail.
/// <para>查看完整证件号码和电话: with <see cref="Permissions.RegistryUnmask"/> and a reason (a purpose and at least four
/// characters typed), a POST shows this one person's ID number and phones in full, once, in a response that is never
/// cached; the unmasking and its reason are recorded, and so is an attempt without the permission
/// (GB/T 35273-2020 §7.2; PIPL art. 6).</para>
/// </summary>
public sealed class DetailModel(PeopleService people, QualityIssueService issues, RegionDirectory regions, AuditTrail audit) : PageModel
{
    public PersonDetail Detail { get; private set; } = null!;
    public string VillageName { get; private set; } = "";

    /// <summary>The identifiers in full, after a successful unmasking in this response only.</summary>
    public RevealedIdentifiers? Revealed { get; private set; }

    /// <summary>事由: one of <see cref="UnmaskReason.Purposes"/>.</summary>
    [BindProperty] public string? Purpose { get; set; }

    /// <summary>具体原因, typed by hand.</summary>
    [BindProperty] public string? Description { get; set; }

    public bool CanUnmask => User.Can(Permissions.RegistryUnmask);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await people.DetailAsync(id, User.PersonalDataView(), ct) is not { } detail) return NotFound();
        await ShowAsync(detail, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUnmaskAsync(Guid id, CancellationToken ct)
    {
        if (!CanUnmask)
        {
            await audit.RecordAsync(new AuditEntry(AuditCategories.Person, AuditEvents.PersonUnmask, $"{AuditEntry.Failure}：无权限",
                id.ToString()), ct);
            return Forbid();
        }
        var reason = UnmaskReason.Compose(Purpose, Description, out var problem);
        if (reason is null)
        {
            ModelState.AddModelError(nameof(Description), problem!);
            return await OnGetAsync(id, ct);
        }
        if (await people.UnmaskAsync(id, reason, User.PersonalDataView(), ct) is not { } unmasked) return NotFound();
        await ShowAsync(unmasked.Detail, ct);
        Revealed = unmasked.Revealed;
        (Purpose, Description) = (null, null);
        return Page();
    }

    public string RuleDescription(string code) => issues.Rule(code)?.Description ?? code;

    private async Task ShowAsync(PersonDetail detail, CancellationToken ct)
    {
        Detail = detail;
        VillageName = await new RegionPaths(regions).NameAsync(detail.Person.RegionCode, ct);
    }
}
