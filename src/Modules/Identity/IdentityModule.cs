using Bangfu.Identity.Passwords;
using Bangfu.Identity.SecondFactor;
using Bangfu.Identity.Security;
using Bangfu.Identity.Sessions;
using Bangfu.Identity.Tokens;
using Bangfu.Identity.Users;
using Bangfu.Platform;
using Bangfu.Platform.Data;
using Bangfu.Platform.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Identity;

public static class IdentityModule
{
    /// <summary>
    /// Accounts, roles, region scopes and personal access tokens (ASP.NET Core Identity on the Bangfu database), with the level-3 rules:
    /// password policy and history, lockout on the injected clock, server-side sessions, TOTP second factor.
    /// Settings: section <c>Security</c> (<see cref="SecurityOptions"/>).
    /// </summary>
    public static IdentityBuilder AddBangfuIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SecurityOptions.Section);
        services.Configure<SecurityOptions>(section);
        var security = section.Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddModelAssembly(typeof(IdentityModule).Assembly);
        services.AddScoped<UserService>();
        services.AddScoped<SessionService>();
        services.AddScoped<AccessTokenService>();
        services.AddSingleton<SessionTicketStore>();
        services.AddScoped<IDatabaseSeeder, FirstAdministratorSeeder>();
        services.AddScoped<IUserConfirmation<AppUser>, EnabledAccountConfirmation>();
        return services.AddIdentityCore<AppUser>(o =>
            {
                // Length and classes are PasswordPolicyValidator's (3 of 4 classes, one message each); Identity's own checks are off.
                o.Password.RequiredLength = 1;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = security.LockoutFailures;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = true; // "confirmed" = not disabled (EnabledAccountConfirmation)
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserStore<AppUserStore>()
            .AddUserManager<AppUserManager>()
            .AddPasswordValidator<PasswordPolicyValidator>()
            .AddPasswordValidator<PasswordHistoryValidator>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);
    }
}
