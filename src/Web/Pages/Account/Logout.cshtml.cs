using Bangfu.Identity;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Account;

/// <summary>Sign-out (POST only): ends the session on the server, so the old cookie no longer opens anything.</summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn, AuditTrail audit) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await signIn.SignOutAsync();
            await audit.RecordAsync(new AuditEntry(AuthenticationEvents.Category, AuthenticationEvents.SignOut, AuditEntry.Success, User.Identity.Name));
        }
        return RedirectToPage("/Account/Login");
    }
}
