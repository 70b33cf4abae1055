using Bangfu.Platform.Users;
using Microsoft.AspNetCore.Identity;

namespace Bangfu.Identity.Users;

/// <summary>
/// Identity's "may this account sign in" question, answered with <see cref="AppUser.IsDisabled"/>, so a disabled account
/// is refused at the password step and at the second-factor step alike (SignInResult.NotAllowed).
/// </summary>
internal sealed class EnabledAccountConfirmation : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(!user.IsDisabled);
}
