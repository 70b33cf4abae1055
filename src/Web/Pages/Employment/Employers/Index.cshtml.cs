using Bangfu.Employment.Employers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Employment.Employers;

/// <summary>用人单位: the employers registered by the county bureaus in the officer's scope, searchable by name or credit code.</summary>
public sealed class IndexModel(EmployerService employers) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public IReadOnlyList<Employer> Employers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Employers = await employers.ListManagedAsync(Q, 200, ct);

    public static string TypeName(string code) => EmployerTypes.List.ByCode(code)?.Name ?? code;
}
