using Bangfu.Employment.Employers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Employment.Employers;

/// <summary>
/// Registering (no id) or editing an employer. Another bureau's employer, or one that does not exist, is 404. The
/// contact phone is never shown in full: the form shows the masked number, and an empty field keeps it.
/// </summary>
public sealed class EditModel(EmployerService employers) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public Employer? Employer { get; private set; }
    public bool Saved { get; private set; }

    public sealed class InputModel
    {
        public string? Name { get; set; }
        public string? CreditCode { get; set; }
        public string? TypeCode { get; set; }
        public string? RegionCode { get; set; }
        public string? ManagingRegionCode { get; set; }
        public string? ContactName { get; set; }
        public string? ContactPhone { get; set; }
        public string? Address { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            Employer = await employers.FindManagedAsync(id, null, ct);
            if (Employer is null) return NotFound();
            Input = new InputModel
            {
                Name = Employer.Name, CreditCode = Employer.CreditCode, TypeCode = Employer.TypeCode, RegionCode = Employer.RegionCode,
                ManagingRegionCode = Employer.ManagingRegionCode, ContactName = Employer.ContactName, Address = Employer.Address,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Id is { } id && (Employer = await employers.FindManagedAsync(id, null, ct)) is null) return NotFound();
        var result = await employers.SaveAsync(Id, new EmployerInput(Input.Name, Input.CreditCode, Input.TypeCode, Input.RegionCode,
            Input.ManagingRegionCode, Input.ContactName, Input.ContactPhone, Input.Address), null, ct);
        if (result is null) return NotFound();
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors) ModelState.AddModelError($"Input.{field}", message);
            return Page();
        }
        TempData["EmployerMessage"] = $"已保存“{result.Employer!.Name}”。";
        return Redirect($"/Employment/Employers/Edit/{result.Employer.Id}");
    }
}
