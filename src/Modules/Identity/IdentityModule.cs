using Bangfu.Identity.Tokens;
using Bangfu.Identity.Users;
using Bangfu.Platform;
using Bangfu.Platform.Data;
using Bangfu.Platform.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Identity;

public static class IdentityModule
{
    /// <summary>Accounts, roles, region scopes and personal access tokens (ASP.NET Core Identity on the Bangfu database).</summary>
    public static IdentityBuilder AddBangfuIdentity(this IServiceCollection services)
    {
        services.AddModelAssembly(typeof(IdentityModule).Assembly);
        services.AddScoped<UserService>();
        services.AddScoped<AccessTokenService>();
        services.AddScoped<IDatabaseSeeder, FirstAdministratorSeeder>();
        return services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(30);
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
    }
}
