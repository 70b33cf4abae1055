namespace Bangfu.Web.Api;

/// <summary>
/// Which requests are the API's: <c>/api/...</c> and the OpenAPI document under <c>/openapi/...</c>. These accept a
/// personal access token as well as the sign-in cookie and answer errors as problem details (RFC 9457), never with a
/// redirect or an HTML page. The API browser at <see cref="Docs"/> is a page for people: it needs the cookie and sends
/// a visitor who is not signed in to the sign-in page.
/// </summary>
public static class ApiPaths
{
    public const string Version1 = "/api/v1";
    public const string Docs = "/api/docs";
    public const string OpenApiDocument = "/openapi/v1.json";

    public static bool IsApi(PathString path) =>
        (path.StartsWithSegments("/api") && !IsDocs(path)) || path.StartsWithSegments("/openapi");

    public static bool IsDocs(PathString path) => path.StartsWithSegments(Docs);
}
