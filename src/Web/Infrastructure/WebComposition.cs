using Bangfu.Platform.Scope;
using Bangfu.Platform.Security;
using Bangfu.Platform.Users;
using Microsoft.AspNetCore.Identity;

namespace Bangfu.Web.Infrastructure;

public static class WebComposition
{
    public static IServiceCollection AddBangfuWeb(this IServiceCollection services)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/Denied";
            o.Cookie.Name = "bangfu.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(15);
            o.SlidingExpiration = true;
        });
        services.AddScoped<IUserClaimsPrincipalFactory<AppUser>, BangfuClaimsPrincipalFactory>();
        services.AddAuthorization(o =>
        {
            // Every page needs a signed-in user unless it says otherwise; each permission is a policy of the same name.
            o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            foreach (var permission in Permissions.All)
                o.AddPolicy(permission, p => p.RequireClaim(Permissions.ClaimType, permission));
        });
        services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");
        services.AddRazorPages(o =>
        {
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AuthorizeFolder("/Registry/Imports", Permissions.RegistryImport);
            o.Conventions.AuthorizeFolder("/Registry/People", Permissions.RegistryView);
            o.Conventions.AuthorizeFolder("/Registry/Quality", Permissions.RegistryView);
            o.Conventions.AuthorizeFolder("/Employment/Round", Permissions.EmploymentRound);
            o.Conventions.AuthorizeFolder("/Employment/Lists", Permissions.RegistryView);
            o.Conventions.AuthorizeFolder("/Reporting", Permissions.ReportsView);
            // The auditor only: not even the system administrator reads the trail (GB/T 22239-2019 8.1.4.2 c, 8.1.4.3).
            o.Conventions.AuthorizeFolder("/Audit", Permissions.AuditView);
        });
        services.AddProblemDetails();
        // Chinese text is written as is, not as numeric character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<RosterUploads>();
        services.AddScoped<RegionTree>();
        return services;
    }

    public static WebApplication UseBangfuWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<AuditActorMiddleware>();
        app.UseMiddleware<NoStoreMiddleware>();
        app.UseMiddleware<RegionScopeMiddleware>();
        app.UseAuthorization();
        app.MapRazorPages();
        return app;
    }
}

/// <summary>Puts the region scope and the must-change-password flag into the sign-in cookie.</summary>
internal sealed class BangfuClaimsPrincipalFactory(
    UserManager<AppUser> users, RoleManager<AppRole> roles, Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    public const string RegionClaim = "bangfu:region";
    public const string MustChangePasswordClaim = "bangfu:must_change_password";

    protected override async Task<System.Security.Claims.ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.RegionCode is not null) identity.AddClaim(new(RegionClaim, user.RegionCode));
        if (user.MustChangePassword) identity.AddClaim(new(MustChangePasswordClaim, "1"));
        identity.AddClaim(new("bangfu:display_name", user.DisplayName));
        foreach (var permission in Bangfu.Identity.Users.RolePermissions.Of(await UserManager.GetRolesAsync(user)))
            identity.AddClaim(new(Permissions.ClaimType, permission));
        return identity;
    }
}

/// <summary>
/// Sets the request's region scope from the signed-in user (no claim: no scope, no data), and sends a user who must
/// change the generated password to the change-password page before anything else.
/// </summary>
internal sealed class RegionScopeMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, RegionScopeAccessor scope)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var region = user.FindFirst(BangfuClaimsPrincipalFactory.RegionClaim)?.Value;
            scope.Scope = region switch
            {
                null => RegionScope.None,
                "" => RegionScope.Nationwide,
                _ => RegionScope.Of(region),
            };
            var path = context.Request.Path;
            if (user.HasClaim(BangfuClaimsPrincipalFactory.MustChangePasswordClaim, "1")
                && !path.StartsWithSegments("/Account") && !path.StartsWithSegments("/lib")
                && !path.StartsWithSegments("/css") && !path.StartsWithSegments("/js"))
            {
                context.Response.Redirect("/Account/ChangePassword");
                return Task.CompletedTask;
            }
        }
        return next(context);
    }
}

/// <summary>Security headers on every response: CSP without inline script, no framing, no sniffing, strict referrer.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var h = context.Response.Headers;
        h.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
                                  "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        return next(context);
    }
}
