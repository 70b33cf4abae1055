using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Bangfu.Web.Api;

/// <summary>
/// Errors of the API as problem details (RFC 9457, <c>application/problem+json</c>) with Chinese titles and details.
/// Endpoints return them directly for the cases they know (400 with field errors, 404, 409); the middleware below
/// turns every other error response under the API's paths into one (401, 403, 405, 413, 415, 429 from a limiter,
/// 500), so a caller never gets an HTML error page or a redirect to the sign-in page.
/// </summary>
public static class ApiProblems
{
    public static string Title(int status) => status switch
    {
        400 => "请求有误",
        401 => "未登录或访问令牌无效",
        403 => "没有权限",
        404 => "找不到",
        405 => "不支持该请求方法",
        409 => "与当前状态冲突",
        413 => "请求内容过大",
        415 => "不支持的内容类型",
        422 => "无法处理的内容",
        429 => "请求过于频繁",
        500 => "服务器内部错误",
        503 => "服务暂时不可用",
        _ => status < 500 ? "请求未能完成" : "服务器错误",
    };

    public static string DefaultDetail(int status) => status switch
    {
        400 => "请求的内容不完整或格式不对。",
        401 => "请先登录，或在请求头中提供有效的访问令牌：Authorization: Bearer bfpat_…。",
        403 => "您（或此访问令牌）没有执行此操作的权限。",
        404 => "您要找的资源不存在，或不在您的管辖范围内。",
        405 => "此地址不支持该请求方法。",
        409 => "操作与资源的当前状态冲突。",
        413 => "上传的文件或请求内容超过了允许的大小。",
        415 => "请求的内容类型不受支持。",
        429 => "请求过于频繁，请稍后再试。",
        500 => "系统处理请求时出错，已记录。请稍后重试，或把 trace_id 告知管理员。",
        _ => "请求未能完成。",
    };

    /// <summary>A problem with the Chinese title of its status and the given (or the default) detail.</summary>
    public static IResult Problem(int status, string? detail = null) =>
        TypedResults.Problem(detail ?? DefaultDetail(status), statusCode: status, title: Title(status));

    public static IResult NotFound(string? detail = null) => Problem(StatusCodes.Status404NotFound, detail);

    public static IResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, detail);

    /// <summary>400 with the fields that are wrong (<c>errors</c>: field name → Chinese messages).</summary>
    public static IResult Invalid(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail ?? "请按字段提示修改后重试。", title: Title(400));

    public static IResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>Field errors collected while reading a request's parameters.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    public void Add(string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    public bool Any => errors.Count > 0;

    public IResult ToResult() => ApiProblems.Invalid(errors);
}

/// <summary>
/// Makes every error response under the API's paths a problem details body: an exception becomes 500 (with the
/// exception only in Development: stack traces tell an attacker about the system), a malformed request 400, and an
/// empty 4xx/5xx (no route, wrong method, a limiter's 429) gets the body its status calls for. The site's status code
/// pages and exception page stay for everything else.
/// </summary>
internal sealed class ApiProblemsMiddleware(RequestDelegate next, IHostEnvironment environment, ILogger<ApiProblemsMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!ApiPaths.IsApi(context.Request.Path))
        {
            await next(context);
            return;
        }
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages) statusPages.Enabled = false;
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, e.StatusCode, environment.IsDevelopment() ? e.Message : null);
            return;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            // The type only: messages may quote the data that was being processed.
            logger.LogError("API request {TraceId} failed: {ExceptionType}", context.TraceIdentifier, e.GetType().FullName);
            await WriteAsync(context, StatusCodes.Status500InternalServerError, environment.IsDevelopment() ? e.ToString() : null);
            return;
        }
        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
            await WriteAsync(context, response.StatusCode, null);
    }

    private static Task WriteAsync(HttpContext context, int status, string? detail)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized) context.Response.Headers.WWWAuthenticate = "Bearer";
        var problem = new ProblemDetails { Status = status, Title = ApiProblems.Title(status), Detail = detail ?? ApiProblems.DefaultDetail(status) };
        return Results.Problem(problem).ExecuteAsync(context);
    }
}

/// <summary>
/// For the API's paths, a failed authorization answers 401 or 403 as problem details instead of the cookie's redirect
/// to the sign-in or access-denied page; a token that was refused says why (expired, revoked …).
/// </summary>
internal sealed class ApiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!ApiPaths.IsApi(context.Request.Path) || result.Succeeded) return fallback.HandleAsync(next, context, policy, result);
        if (result.Challenged)
        {
            context.Response.Headers.WWWAuthenticate = context.Items[AccessTokenAuthentication.FailureItem] is string
                ? "Bearer error=\"invalid_token\""
                : "Bearer";
            var detail = context.Items[AccessTokenAuthentication.FailureItem] as string;
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, detail).ExecuteAsync(context);
        }
        return ApiProblems.Problem(StatusCodes.Status403Forbidden).ExecuteAsync(context);
    }
}
