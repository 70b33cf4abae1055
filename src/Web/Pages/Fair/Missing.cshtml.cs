using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Fair;

/// <summary>
/// Any other address under /Fair (a truncated vacancy link such as <c>/Fair/Vacancy/4f2a</c>, <c>/Fair/xyz</c>): 404 with the
/// fair's public "not found" page and a link back to the search, instead of the staff sign-in page that an address matching
/// no page would get (the fallback policy asks for an account). Anonymous like the rest of /Fair; reads nothing.
/// </summary>
public sealed class FairMissingModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status404NotFound;
}
