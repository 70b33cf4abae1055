using System.Net;
using System.Net.Http.Json;
using Bangfu.Identity.Users;
using Bangfu.Platform.Data;
using Bangfu.Platform.Security;
using Bangfu.Registry.People;
using Bangfu.Registry.Regions;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using P = Bangfu.Platform.Security.Permissions;

namespace Bangfu.Web.Tests.Api;

/// <summary>
/// Every route under /api, enumerated from the host's route table, is called without credentials, with a token inside
/// the scope of the data, with the ids and regions of another county, and with a token that lacks the route's permission.
/// A route added without a case here fails the first test.
/// </summary>
public sealed class ApiRouteTableTests : ApiTest
{
    /// <summary>One route: its permission, whose token reaches its data, a request inside that token's scope and one outside it.</summary>
    /// <param name="OutOfScope">Null only where the route takes no id or region to point outside the scope (<see cref="Unscoped"/> says why).</param>
    private sealed record RouteCase(string Method, string Pattern, string Permission, bool County, Func<HttpRequestMessage> InScope,
        Func<HttpRequestMessage>? OutOfScope, string? Unscoped = null);

    /// <summary>The data the cases point at: people and imports in 宁乡市 (贺家湾村) and in 花垣县 (十八洞村).</summary>
    private sealed record Data(Person Hejiawan, Person Shibadong, string HejiawanId, string ShibadongId, string ShibadongPath,
        Guid CommitImport, Guid CancelImport, Guid ForeignImport, IReadOnlySet<string> AllIdNumbers, IReadOnlySet<string> AllPhones);

    private static IReadOnlyList<RouteCase> Cases(Data d) =>
    [
        new("GET", "/api/v1/regions", P.RegistryView, false, () => Get("/api/v1/regions"), null, "没有参数：只答调用者自己的管辖区域"),
        new("GET", "/api/v1/regions/resolve", P.RegistryView, false, () => Get("/api/v1/regions/resolve?place=湖南省长沙市宁乡市"), null,
            "识别地点文字只读公开的区划表，不涉及任何人的数据；务工地点遍及全国，故不限管辖区域"),
        new("GET", "/api/v1/regions/by-names", P.RegistryView, false, () => Get("/api/v1/regions/by-names?path=湖南省/长沙市/宁乡市/煤炭坝镇/贺家湾村"),
            () => Get("/api/v1/regions/by-names?path=" + Uri.EscapeDataString(d.ShibadongPath))),
        new("GET", "/api/v1/regions/{code}", P.RegistryView, false, () => Get($"/api/v1/regions/{Hejiawan}"), () => Get($"/api/v1/regions/{Shibadong}")),
        new("GET", "/api/v1/regions/{code}/children", P.RegistryView, false, () => Get($"/api/v1/regions/{Hejiawan}/children"),
            () => Get($"/api/v1/regions/{Shibadong[..9]}/children")),
        new("GET", "/api/v1/registry/people", P.RegistryView, false, () => Get($"/api/v1/registry/people?region={Hejiawan}"),
            () => Get($"/api/v1/registry/people?region={Shibadong}")),
        new("POST", "/api/v1/registry/people/search", P.RegistryView, false, () => Post("/api/v1/registry/people/search", new { region = Hejiawan }),
            () => Post("/api/v1/registry/people/search", new { region = Shibadong })),
        new("POST", "/api/v1/registry/people/by-id-number", P.RegistryView, false,
            () => Post("/api/v1/registry/people/by-id-number", new { id_number = d.HejiawanId }),
            () => Post("/api/v1/registry/people/by-id-number", new { id_number = d.ShibadongId })),
        new("GET", "/api/v1/registry/people/{id}", P.RegistryView, false, () => Get($"/api/v1/registry/people/{d.Hejiawan.Id}"),
            () => Get($"/api/v1/registry/people/{d.Shibadong.Id}")),
        new("GET", "/api/v1/imports", P.RegistryImport, true, () => Get("/api/v1/imports"), null, "没有参数：只列调用者管辖区域内的导入"),
        new("POST", "/api/v1/imports", P.RegistryImport, true, () => Upload(), null, "导入总在调用者自己的管辖区域内进行，区域外的行被拒绝（见端到端测试）"),
        new("GET", "/api/v1/imports/{id}", P.RegistryImport, true, () => Get($"/api/v1/imports/{d.CommitImport}"), () => Get($"/api/v1/imports/{d.ForeignImport}")),
        new("POST", "/api/v1/imports/{id}/commit", P.RegistryImport, true, () => Post($"/api/v1/imports/{d.CommitImport}/commit", null),
            () => Post($"/api/v1/imports/{d.ForeignImport}/commit", null)),
        new("POST", "/api/v1/imports/{id}/cancel", P.RegistryImport, true, () => Post($"/api/v1/imports/{d.CancelImport}/cancel", null),
            () => Post($"/api/v1/imports/{d.ForeignImport}/cancel", null)),
        new("GET", "/api/v1/reports/monthly-dispatch", P.ReportsView, false, () => Get($"/api/v1/reports/monthly-dispatch?region={Hejiawan}&period=2021-12"),
            () => Get($"/api/v1/reports/monthly-dispatch?region={Shibadong}&period=2021-12")),
        new("GET", "/api/v1/reports/monthly-dispatch/people", P.ReportsView, false,
            () => Get($"/api/v1/reports/monthly-dispatch/people?region={Hejiawan}&period=2021-12&figure=employed"),
            () => Get($"/api/v1/reports/monthly-dispatch/people?region={Shibadong}&period=2021-12&figure=employed")),
    ];

    private static readonly Data Placeholder = new(new Person(), new Person(), "430182195208270011", "433124195208270011", "湖南省", Guid.NewGuid(),
        Guid.NewGuid(), Guid.NewGuid(), new HashSet<string>(), new HashSet<string>());

    [Fact]
    public void Every_api_route_has_a_case_in_this_table()
    {
        var routes = OpenApiTests.ApiRoutes(Services).Select(r => $"{r.Method} {r.Pattern}").Order().ToList();
        var cases = Cases(Placeholder).Select(c => $"{c.Method} {c.Pattern}").Order().ToList();
        Assert.Equal(routes, cases);
    }

    [Fact]
    public async Task Every_api_route_answers_401_problem_without_credentials_or_with_a_bad_token()
    {
        foreach (var token in new[] { null, "bfpat_not-a-real-token", "bfpat_" + new string('A', 43) })
        foreach (var c in Cases(Placeholder))
        {
            var response = await TokenClient(token).SendAsync(c.InScope());
            var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
            Assert.False(problem.TryGetProperty("errors", out _));
        }
    }

    [Fact]
    public async Task Every_api_route_answers_403_to_a_token_without_its_permission()
    {
        var village = await OfficerAsync("hejiawan", Hejiawan);
        var county = await OfficerAsync("ningxiang", Ningxiang);
        var withoutView = TokenClient(await TokenAsync(village, [P.ReportsView]));
        var withoutReports = TokenClient(await TokenAsync(village, [P.RegistryView]));
        var withoutImport = TokenClient(await TokenAsync(county, [P.RegistryView, P.ReportsView]));
        foreach (var c in Cases(Placeholder))
        {
            var client = c.Permission switch { P.RegistryView => withoutView, P.ReportsView => withoutReports, _ => withoutImport };
            await ProblemAsync(await client.SendAsync(c.InScope()), HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task An_employer_accounts_token_is_refused_every_api_route()
    {
        // 用人单位: vacancies.post only, no region scope; the API serves none of it (person data, imports, reports). It gets no token,
        // and its sign-in cookie reaches no route (403 before any body is read).
        var account = await OfficerAsync("qiye", null, Roles.Employer);
        var refused = await Assert.ThrowsAsync<Bangfu.Identity.Tokens.AccessTokenRequestException>(() => TokenAsync(account));
        Assert.Contains("没有管辖区域", refused.Message);
        var employer = await SignInAgainAsync("qiye");
        foreach (var c in Cases(Placeholder))
        foreach (var request in new[] { c.InScope, c.OutOfScope }.OfType<Func<HttpRequestMessage>>())
            await ProblemAsync(await employer.SendAsync(request()), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Every_api_route_answers_in_scope_data_and_404_for_another_countys_ids_and_regions_without_leaking_them()
    {
        var d = await ArrangeAsync();
        var villageClient = TokenClient(await TokenAsync(await OfficerAsync("hejiawan", Hejiawan)));
        var countyClient = TokenClient(await TokenAsync(await UserAsync("ningxiang")));
        var foreign = new[] { d.Shibadong.Name, d.Shibadong.PersonNumber, d.Shibadong.IdNumberMasked, d.ShibadongId, "十八洞", d.ForeignImport.ToString() };

        foreach (var c in Cases(d))
        {
            var client = c.County ? countyClient : villageClient;
            var inside = await client.SendAsync(c.InScope());
            var body = await inside.Content.ReadAsStringAsync();
            Assert.True(inside.IsSuccessStatusCode, $"{c.Method} {c.Pattern}: {(int)inside.StatusCode} {body}\n{ServerErrors()}");
            Assert.Equal("application/json", inside.Content.Headers.ContentType?.MediaType);
            NoFullIdentifiers(c, body, d);
            // The county's own upload names every village of the file (its rows outside the county are refused by name).
            Assert.All(c.County ? foreign.Where(f => f != "十八洞") : foreign,
                f => Assert.False(body.Contains(f, StringComparison.Ordinal), $"{c.Method} {c.Pattern} leaks {f}"));

            if (c.OutOfScope is null)
            {
                Assert.False(string.IsNullOrEmpty(c.Unscoped), $"{c.Method} {c.Pattern} has no out-of-scope case and no reason");
                continue;
            }
            var outside = await client.SendAsync(c.OutOfScope());
            await ProblemAsync(outside, HttpStatusCode.NotFound);
            var problem = await outside.Content.ReadAsStringAsync();
            Assert.All(foreign.Where(f => f != d.ShibadongId), f => Assert.False(problem.Contains(f, StringComparison.Ordinal), $"{c.Method} {c.Pattern} leaks {f}"));
        }

        // The other county's import was neither committed nor cancelled.
        var theirs = await JsonAsync(await TokenClient(await TokenAsync(await UserAsync("huayuan"))).GetAsync($"/api/v1/imports/{d.ForeignImport}"));
        Assert.Equal("dry_run", theirs.GetProperty("state").GetString());
        await SettledAsync(countyClient, $"/api/v1/imports/{d.CommitImport}");
        foreach (var job in await ImportsOfAsync(countyClient)) await SettledAsync(countyClient, job);
    }

    private static void NoFullIdentifiers(RouteCase c, string body, Data d)
    {
        Assert.False(d.AllIdNumbers.Any(id => body.Contains(id, StringComparison.Ordinal)), $"{c.Method} {c.Pattern} answers a full ID number");
        Assert.False(d.AllPhones.Any(phone => body.Contains(phone, StringComparison.Ordinal)), $"{c.Method} {c.Pattern} answers a full phone number");
    }

    private async Task<Data> ArrangeAsync()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var hejiawan = await PersonAsync(Hejiawan);
        var shibadong = await PersonAsync(Shibadong);
        var ningxiang = TokenClient(await TokenAsync(await OfficerAsync("ningxiang", Ningxiang)));
        var huayuan = TokenClient(await TokenAsync(await OfficerAsync("huayuan", Huayuan)));
        var commit = (await UploadAsync(ningxiang, Fixtures.SeedVillages)).GetProperty("id").GetGuid();
        var cancel = (await UploadAsync(ningxiang, Fixtures.SeedVillages)).GetProperty("id").GetGuid();
        var foreignImport = (await UploadAsync(huayuan, Fixtures.SeedVillages)).GetProperty("id").GetGuid();

        await using var scope = Services.InScope();
        var protector = scope.Get<PersonalDataProtector>();
        var people = await scope.Get<AppDbContext>().Set<Person>().AsNoTracking().ToListAsync();
        var ids = people.Select(p => protector.Decrypt(p.IdNumberCipher)).ToHashSet();
        var phones = people.Where(p => p.PhoneCipher is { Length: > 0 }).Select(p => protector.Decrypt(p.PhoneCipher!)).ToHashSet();
        var regions = scope.Get<RegionDirectory>();
        var path = new List<string>();
        foreach (var length in new[] { 2, 4, 6, 9, 12 })
            if (await regions.FindAsync(Shibadong[..length]) is { IsPlaceholder: false } r) path.Add(r.Name);
        return new Data(hejiawan, shibadong, protector.Decrypt(hejiawan.IdNumberCipher), protector.Decrypt(shibadong.IdNumberCipher),
            string.Join('/', path), commit, cancel, foreignImport, ids, phones);
    }

    private async Task<Bangfu.Platform.Users.AppUser> UserAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Bangfu.Platform.Users.AppUser>>().FindByNameAsync(userName))!;
    }

    private static async Task<IEnumerable<string>> ImportsOfAsync(HttpClient client) =>
        (await JsonAsync(await client.GetAsync("/api/v1/imports"))).EnumerateArray().Select(i => i.GetProperty("status_url").GetString()!).ToList();

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static HttpRequestMessage Post(string url, object? body) =>
        new(HttpMethod.Post, url) { Content = body is null ? null : JsonContent.Create(body) };

    private static HttpRequestMessage Upload()
    {
        var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(File.ReadAllBytes(Fixtures.SeedVillages)), "file", Path.GetFileName(Fixtures.SeedVillages));
        content.Add(new StringContent("2021-12"), "period");
        return new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports") { Content = content };
    }
}
