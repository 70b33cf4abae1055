using Bangfu.Identity.Security;
using Bangfu.Identity.Sessions;
using Bangfu.Identity.Users;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Security;
using Bangfu.Platform.Users;
using Bangfu.Web.Api;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Bangfu.Web.Infrastructure;

public static class WebComposition
{
    /// <summary>Who may open the user administration pages: the system administrator and the security administrator.</summary>
    public const string UserAdministrationPolicy = "identity.users";
    /// <summary>Vacancy pages: officers who post for employers, reviewers, and employer accounts.</summary>
    public const string VacanciesPolicy = "employment.vacancies";

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
            o.SlidingExpiration = true;
        });
        // The cookie holds a session key only; the session lives on the server (SessionTicketStore), which enforces the
        // idle and absolute timeouts. The cookie's own lifetime is the idle timeout, slid on use.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SessionTicketStore, IOptions<SecurityOptions>>((o, store, security) =>
            {
                o.SessionStore = store;
                o.ExpireTimeSpan = security.Value.Idle;
            });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = "bangfu.2fa";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddScoped<IUserClaimsPrincipalFactory<AppUser>, BangfuClaimsPrincipalFactory>();
        services.AddAuthorization(o =>
        {
            // Every page needs a signed-in user unless it says otherwise; each permission is a policy of the same name.
            o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            foreach (var permission in Permissions.All)
                o.AddPolicy(permission, p => p.RequireClaim(Permissions.ClaimType, permission));
            o.AddPolicy(UserAdministrationPolicy, p => p.RequireClaim(Permissions.ClaimType, Permissions.UsersManage, Permissions.SecurityManage));
            o.AddPolicy(VacanciesPolicy, p => p.RequireClaim(Permissions.ClaimType, Permissions.EmployersManage, Permissions.VacanciesReview, Permissions.VacanciesPost));
        });
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRazorPages(o =>
        {
            o.Conventions.ConfigureFilter(new RequireHandlerFilter());
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/TwoFactor");
            o.Conventions.AuthorizeFolder("/Identity/Users", UserAdministrationPolicy);
            o.Conventions.AuthorizeFolder("/Registry/Imports", Permissions.RegistryImport);
            o.Conventions.AuthorizeFolder("/Registry/People", Permissions.RegistryView);
            o.Conventions.AuthorizeFolder("/Registry/Quality", Permissions.RegistryView);
            o.Conventions.AuthorizeFolder("/Employment/Round", Permissions.EmploymentRound);
            o.Conventions.AuthorizeFolder("/Employment/Lists", Permissions.RegistryView);
            o.Conventions.AuthorizeFolder("/Employment/Transport", Permissions.TransportManage);
            o.Conventions.AuthorizeFolder("/Employment/Employers", Permissions.EmployersManage);
            o.Conventions.AuthorizeFolder("/Employment/Vacancies", VacanciesPolicy);
            o.Conventions.AuthorizePage("/Employment/Vacancies/Review", Permissions.VacanciesReview);
            o.Conventions.AuthorizePage("/Employment/Vacancies/Import", Permissions.EmployersManage);
            o.Conventions.AuthorizeFolder("/Employment/Jobseekers", Permissions.JobseekersEdit);
            o.Conventions.AuthorizeFolder("/Employment/Services", Permissions.ServicesRecord);
            o.Conventions.AuthorizeFolder("/Employment/Referrals", Permissions.ServicesRecord);
            o.Conventions.AuthorizeFolder("/Employment/Matching", Permissions.ServicesRecord);
            o.Conventions.AuthorizeFolder("/Employment/Ledger", Permissions.ReportsView);
            o.Conventions.AuthorizeFolder("/Reporting", Permissions.ReportsView);
            // The auditor only: not even the system administrator reads the trail (GB/T 22239-2019 8.1.4.2 d, 8.1.4.3).
            // The online fair (永不落幕网络招聘会) is public: anyone may search and register interest without an account.
            o.Conventions.AllowAnonymousToFolder("/Fair");
            o.Conventions.AuthorizeFolder("/Employment/Fairs", Permissions.FairsManage);
            o.Conventions.AuthorizeFolder("/Employment/Interests", Permissions.ServicesRecord);
            // The auditor only: not even the system administrator reads the trail (GB/T 22239-2019 8.1.4.2 c, 8.1.4.3).
            o.Conventions.AuthorizeFolder("/Audit", Permissions.AuditView);
        });
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => ChineseModelBindingMessages.Apply(o.ModelBindingMessageProvider));
        services.AddBangfuRateLimits();
        // The online fair's anonymous search results, evicted when the open vacancies change (Pages/Fair/FairOutputCache).
        services.AddOutputCache();
        services.AddOptions<Microsoft.AspNetCore.OutputCaching.OutputCacheOptions>().Configure<IConfiguration>(Pages.Fair.FairOutputCache.Configure);
        services.AddSingleton<Bangfu.Employment.Vacancies.IVacancyChangeHandler, Pages.Fair.FairOutputCache>();
        services.AddProblemDetails();
        // Chinese text is written as is, not as numeric character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<RosterUploads>();
        services.AddScoped<RegionTree>();
        services.AddScoped<Pages.Employment.Transport.PassengerSearch>();
        // The JSON API: token authentication beside the cookie, problem details, OpenAPI (src/Web/Api).
        services.AddBangfuApi();
        return services;
    }

    public static WebApplication UseBangfuWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseBangfuApiProblems();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseMiddleware<FreshSessionMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<AuditActorMiddleware>();
        app.UseRateLimiter();
        app.UseMiddleware<NoStoreMiddleware>();
        app.UseMiddleware<RegionScopeMiddleware>();
        app.UseMiddleware<AccountGateMiddleware>();
        app.UseAuthorization();
        // After authentication and authorisation: the user is known (a signed-in user is never served from the cache)
        // and every check has run before a cached page is served.
        app.UseOutputCache();
        app.MapRazorPages();
        app.MapBangfuApi();
        return app;
    }
}

/// <summary>
/// Puts the region scope, the display name and the role permissions into the session's claims, with what the user must
/// do first: change a generated or expired password, enrol a second factor (GB/T 22239-2019 8.1.4.1 d, for roles
/// where <see cref="RolePermissions.RequiresSecondFactor"/>). Until then the session carries no permission at all.
/// </summary>
internal sealed class BangfuClaimsPrincipalFactory(
    UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options, IOptions<SecurityOptions> security, TimeProvider clock)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    public const string RegionClaim = "bangfu:region";
    public const string MustChangePasswordClaim = "bangfu:must_change_password";
    public const string MustEnrolClaim = "bangfu:must_enrol_second_factor";

    /// <summary>When the password expires, in Unix seconds (absent when expiry is off).</summary>
    public const string PasswordExpiresClaim = "bangfu:password_expires";

    protected override async Task<System.Security.Claims.ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.RegionCode is not null) identity.AddClaim(new(RegionClaim, user.RegionCode));
        identity.AddClaim(new("bangfu:display_name", user.DisplayName));
        var roleNames = await UserManager.GetRolesAsync(user);
        var expires = security.Value.PasswordExpiry(user.PasswordChangedAt ?? user.CreatedAt);
        if (expires is { } e) identity.AddClaim(new(PasswordExpiresClaim, e.ToUnixTimeSeconds().ToString()));
        var mustEnrol = !user.TwoFactorEnabled && roleNames.Any(RolePermissions.RequiresSecondFactor);
        if (user.MustChangePassword) identity.AddClaim(new(MustChangePasswordClaim, "1"));
        if (mustEnrol) identity.AddClaim(new(MustEnrolClaim, "1"));
        if (user.MustChangePassword || mustEnrol || expires <= clock.GetUtcNow()) return identity;
        foreach (var permission in RolePermissions.Of(roleNames))
            identity.AddClaim(new(Permissions.ClaimType, permission));
        return identity;
    }
}

/// <summary>Sets the request's region scope from the signed-in user (no claim: no scope, no data).</summary>
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
                // An account whose scope is not a valid code sees nothing rather than failing every request.
                _ => RegionScope.TryOf(region) ?? RegionScope.None,
            };
        }
        return next(context);
    }
}

/// <summary>
/// Security headers on every response: CSP without inline script, no framing, no sniffing, strict referrer.
/// The API browser's path alone gets <see cref="ApiDocs.ContentSecurityPolicy"/> (inline styles allowed; see there why).
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var h = context.Response.Headers;
        h.ContentSecurityPolicy = ApiPaths.IsDocs(context.Request.Path)
            ? ApiDocs.ContentSecurityPolicy
            : "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
              "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'; form-action 'self'";
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        return next(context);
    }
}

/// <summary>
/// A POST (or other state-changing request) that matches no handler of the page is refused with 404, instead of the
/// page rendering as if it were a GET without the data its handlers would have loaded.
/// </summary>
internal sealed class RequireHandlerFilter : Microsoft.AspNetCore.Mvc.Filters.IPageFilter
{
    public void OnPageHandlerSelected(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) { }

    public void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is null && !HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method))
            context.Result = new Microsoft.AspNetCore.Mvc.NotFoundResult();
    }

    public void OnPageHandlerExecuted(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutedContext context) { }
}
