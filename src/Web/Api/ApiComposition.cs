using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Bangfu.Web.Api;

/// <summary>
/// The versioned JSON API (<c>/api/v1</c>): authentication by cookie or personal access token, problem details for
/// errors, the OpenAPI document and its browser. One file per area (<see cref="RegionsApi"/>, <see cref="RegistryApi"/>,
/// <see cref="ImportsApi"/>, <see cref="ReportsApi"/>); each endpoint needs the permission of the matching page and sees
/// only the caller's region scope (anything outside it is 404, as if it did not exist).
/// </summary>
public static class ApiComposition
{
    /// <summary>Registers the API's services; call after the site's authentication is set up.</summary>
    public static IServiceCollection AddBangfuApi(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthentication>(AccessTokenAuthentication.SchemeName, "访问令牌", null)
            .AddPolicyScheme(AccessTokenAuthentication.CookieOrToken, "登录或访问令牌", o => o.ForwardDefaultSelector = context =>
                ApiPaths.IsApi(context.Request.Path) && AccessTokenAuthentication.HasBearer(context.Request)
                    ? AccessTokenAuthentication.SchemeName
                    : IdentityConstants.ApplicationScheme);
        // Every request authenticates through the selector: pages keep the cookie (a bearer header on a page is ignored).
        services.Configure<AuthenticationOptions>(o => o.DefaultScheme = AccessTokenAuthentication.CookieOrToken);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DictionaryKeyPolicy = null;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
            // Chinese as is (still escaping what HTML would misread), not as \u escapes.
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        // Every problem of the API names the request, so a caller can quote it and an administrator find it in the log.
        services.Configure<Microsoft.AspNetCore.Http.ProblemDetailsOptions>(o =>
        {
            var before = o.CustomizeProblemDetails;
            o.CustomizeProblemDetails = context =>
            {
                before?.Invoke(context);
                if (ApiPaths.IsApi(context.HttpContext.Request.Path))
                    context.ProblemDetails.Extensions.TryAdd("trace_id", System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
            };
        });
        services.AddSingleton<ImportJobs>();
        services.AddBangfuOpenApi();
        return services;
    }

    /// <summary>The API's middleware: problem details for its errors. Goes inside the site's exception and status code pages.</summary>
    public static IApplicationBuilder UseBangfuApiProblems(this IApplicationBuilder app) => app.UseMiddleware<ApiProblemsMiddleware>();

    /// <summary>Maps <c>/api/v1/...</c>, the OpenAPI document and the API browser.</summary>
    public static IEndpointRouteBuilder MapBangfuApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiPaths.Version1)
            .RequireAuthorization()
            .AddEndpointFilter<CookieAntiforgeryFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        api.MapRegionsApi();
        api.MapRegistryApi();
        api.MapImportsApi();
        api.MapReportsApi();
        app.MapBangfuApiDocs();
        return app;
    }
}

/// <summary>
/// Antiforgery for the API's state changes made with the sign-in cookie (a browser, e.g. the API browser): they must
/// carry the antiforgery token in the <c>RequestVerificationToken</c> header, as the site's own scripts do. A request with
/// a bearer token needs none: a browser never adds that header by itself, so a forged cross-site request cannot carry it.
/// </summary>
internal sealed class CookieAntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
        if (!safe && !AccessTokenAuthentication.IsToken(http.User) && !await antiforgery.IsRequestValidAsync(http))
            return ApiProblems.Problem(StatusCodes.Status400BadRequest,
                "用登录状态（Cookie）提交修改时，须在请求头 RequestVerificationToken 中带上防伪令牌；程序调用请改用访问令牌。");
        return await next(context);
    }
}
