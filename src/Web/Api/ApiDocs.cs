using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Bangfu.Web.Api;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>, generated from the endpoints by Microsoft.AspNetCore.OpenApi) and the
/// API browser (<c>/api/docs</c>, Swagger UI with its assets embedded in the package, so nothing loads from elsewhere).
/// Both need a signed-in user; the document also accepts a token.
/// </summary>
public static class ApiDocs
{
    /// <summary>
    /// The Content-Security-Policy of the API browser's path only. It differs from the site's in one point:
    /// <c>style-src 'unsafe-inline'</c>, because Swagger UI renders with React, which writes style attributes on its
    /// elements (collapsing sections, the model views) and a policy without it leaves the page unusable. Scripts stay
    /// <c>'self'</c> (Swagger UI's page loads its scripts from files, with no inline script), and connections stay on
    /// this site (the document and "try it out" calls). Inline styles cannot run code; the rest of the site keeps the
    /// strict policy.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    internal static IServiceCollection AddBangfuOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "帮扶 · 就业帮扶信息平台 API",
                    Version = "v1",
                    Description = "区划、人员清单、花名册导入与月调度报表的 JSON 接口。\n\n" +
                                  "认证：在“账号 › 访问令牌”（/Account/Tokens）创建个人访问令牌，请求时加请求头 " +
                                  "`Authorization: Bearer bfpat_…`；浏览器中已登录时也可直接调用（提交修改须带防伪令牌）。\n\n" +
                                  "每个接口需要与对应页面相同的权限，只返回您管辖区域内的数据：区域外的记录一律答 404。" +
                                  "身份证号码和电话只以脱敏形式返回；按身份证号码查找须用 POST 把号码放在请求体中，不得放在网址里。\n\n" +
                                  "错误按 RFC 9457 以 application/problem+json 返回，title 和 detail 为中文。",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "bfpat",
                    Description = "个人访问令牌：bfpat_ 加 43 个字符，在 /Account/Tokens 创建，只显示一次。",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
                return Task.CompletedTask;
            });
        });

    internal static void MapBangfuApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(ApiPaths.OpenApiDocument.Replace("v1", "{documentName}", StringComparison.Ordinal)).RequireAuthorization();
        app.MapSwaggerUI(ApiPaths.Docs.TrimStart('/'), o =>
        {
            o.DocumentTitle = "帮扶 API 文档";
            o.SwaggerEndpoint(ApiPaths.OpenApiDocument, "帮扶 API v1");
        }).RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser());
    }
}
