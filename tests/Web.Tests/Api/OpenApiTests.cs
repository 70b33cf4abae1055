using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Web.Tests.Api;

public sealed partial class OpenApiTests : ApiTest
{
    [Fact]
    public async Task The_openapi_document_is_valid_json_and_lists_every_api_route_with_a_chinese_summary()
    {
        var client = TokenClient(await TokenAsync(await OfficerAsync("ningxiang", Ningxiang)));

        var response = await client.GetAsync("/openapi/v1.json");
        var document = await JsonAsync(response);

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        foreach (var (method, pattern) in ApiRoutes(Services))
        {
            Assert.True(paths.TryGetProperty(pattern, out var item), $"{pattern} missing from the OpenAPI document");
            Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{method} {pattern} missing from the OpenAPI document");
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", operation.GetProperty("summary").GetString());
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", operation.GetProperty("description").GetString());
        }
        Assert.All(paths.EnumerateObject(), p => Assert.StartsWith("/api/v1/", p.Name));
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("bearer", out _));
    }

    [Fact]
    public async Task The_openapi_document_needs_a_signed_in_user_or_a_token()
    {
        await ProblemAsync(await Client().GetAsync("/openapi/v1.json"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_api_browser_is_behind_sign_in_and_alone_allows_inline_styles()
    {
        var anonymous = await Client().GetAsync("/api/docs/index.html");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location!.PathAndQuery);

        var client = await SignInAsync("ningxiang", Ningxiang);
        var page = await client.GetAsync("/api/docs/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script>|<script [^>]*>[^<]", html); // scripts come from files only
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("style-src 'self' 'unsafe-inline'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/docs/index.js")).StatusCode);
        var config = await client.GetStringAsync("/api/docs/index.js");
        Assert.Contains("/openapi/v1.json", config);

        var elsewhere = await client.GetAsync("/Registry/Regions");
        Assert.DoesNotContain("unsafe-inline", elsewhere.Headers.GetValues("Content-Security-Policy").Single());
    }

    /// <summary>Every endpoint under /api, as (method, OpenAPI-style path).</summary>
    internal static IReadOnlyList<(string Method, string Pattern)> ApiRoutes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => ("/" + e.RoutePattern.RawText!.TrimStart('/')).StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m =>
                (m, Constraint().Replace("/" + e.RoutePattern.RawText!.TrimStart('/').TrimEnd('/'), "{$1}"))))
            .Distinct().OrderBy(r => r.Item2, StringComparer.Ordinal).ThenBy(r => r.m, StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\{([a-z_]+):[^}]+\}")]
    private static partial Regex Constraint();
}
