using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Bangfu.Employment.Employers;
using Bangfu.Employment.Fairs;
using Bangfu.Employment.Jobseekers;
using Bangfu.Employment.Referrals;
using Bangfu.Employment.Services;
using Bangfu.Employment.Transport;
using Bangfu.Employment.Vacancies;
using Bangfu.Identity.Sessions;
using Bangfu.Identity.Tokens;
using Bangfu.Identity.Users;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Platform.Jobs;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Security;
using Bangfu.Platform.Time;
using Bangfu.Platform.Users;
using Bangfu.Registry.DataQuality;
using Bangfu.Registry.People;
using Bangfu.Registry.RosterImport;
using Bangfu.Testing;
using Bangfu.Web.Tests.Registry;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using P = Bangfu.Platform.Security.Permissions;

namespace Bangfu.Web.Tests.Security;

/// <summary>
/// Every page of the application and every handler of it, enumerated from the host's route table and the compiled page
/// models, is requested without signing in, by each role that lacks its permission, and by the roles that hold it with an
/// id or region inside their scope and one of another county (十八洞村, 花垣县). Out of scope is 404 and the answer holds
/// nothing of 十八洞村's people (nor the names of 花垣县's employer, vacancy, transport batch or fair). An employer account (用人单位)
/// is among the roles: it reaches its own vacancies, the people who applied to them (masked), and no other person-level page. A page or handler added without a case here fails the first test; the API has its own
/// table (ApiRouteTableTests).
/// </summary>
public sealed class PageRouteTableTests(PageRouteTableTests.Arranged a) : IClassFixture<PageRouteTableTests.Arranged>
{
    /// <summary>A request: method, URL and (for a POST) form fields; the antiforgery token is added when it is sent.</summary>
    public sealed record Req(string Method, string Url, Dictionary<string, string>? Form = null);

    /// <summary>
    /// One page handler. <paramref name="Needs"/>: the permissions it needs, all of them ("a|b": either), <see cref="Anonymous"/>
    /// for a page open to everyone, <see cref="SignedIn"/> for one open to every signed-in user. <paramref name="Actor"/> makes the
    /// in-scope request (the village officer when the route is theirs) and gets <paramref name="Expect"/>. <paramref name="OutOfScope"/>
    /// points at 十八洞村's data (or another user's), answered with 404 to every role holding the permission whose scope excludes
    /// it; null only with <paramref name="Unscoped"/> saying why the route takes nothing that could point outside.
    /// </summary>
    public sealed record Case(string Key, string[] Needs, string Actor, Req InScope, Req? OutOfScope, string? Unscoped = null,
        int Expect = 200, string? ExpectLocation = null, bool OwnerOnly = false, int OutOfScopeStatus = 404, bool FreshClient = false,
        bool RevealsIdentifiers = false, string[]? NotFoundFor = null);

    public const string Anonymous = "anonymous";
    public const string SignedIn = "signed-in";

    /// <summary>The roles of the matrix, each with a signed-in client of its own (admins and county level up with a second factor).</summary>
    public static readonly (string Role, string User, string? Region)[] RoleAccounts =
    [
        (Roles.SystemAdministrator, "xitong", null),
        (Roles.SecurityAdministrator, "anquan", null),
        (Roles.Auditor, "shenji", null),
        (Roles.NationalOfficer, "quanguo", ""),
        (Roles.ProvinceOfficer, "hunan", "43"),
        (Roles.CityOfficer, "changsha", "4301"),
        (Roles.CountyOfficer, "ningxiang", "430182"),
        (Roles.TownshipOfficer, "meitanba", "430182106"),
        (Roles.VillageOfficer, "hejiawan", RegistryWebTest.Hejiawan),
        // 用人单位: no region scope, tied to 宁乡市's employer by its claim; its own vacancies only, no person data.
        (Roles.Employer, "qiye", null),
    ];

    private static string V => Roles.VillageOfficer;
    private static string C => Roles.CountyOfficer;
    private const string Users = P.UsersManage + "|" + P.SecurityManage;
    /// <summary>The vacancy folder: managing employers, reviewing, or posting as an employer account (WebComposition's VacanciesPolicy).</summary>
    private const string Vac = P.EmployersManage + "|" + P.VacanciesReview + "|" + P.VacanciesPost;
    private static Dictionary<string, string> F(params (string Key, string Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);
    private static Req Get(string url) => new("GET", url);
    private static Req Post(string url, params (string, string)[] fields) => new("POST", url, F(fields));

    public static IReadOnlyList<Case> Cases(Data d)
    {
        string hejiawan = RegistryWebTest.Hejiawan, shibadong = RegistryWebTest.Shibadong;
        var w = d.W;
        return
        [
            // Signing in and out.
            new("GET /Account/Login", [Anonymous], Anonymous, Get("/Account/Login"), null, "登录页：尚未登录，不涉及任何数据"),
            new("POST /Account/Login", [Anonymous], Anonymous, Post("/Account/Login", ("Input.UserName", "nobody"), ("Input.Password", "x")), null,
                "登录：只核对用户名和密码"),
            new("GET /Account/TwoFactor", [Anonymous], Anonymous, Get("/Account/TwoFactor"), null, "第二因素：只对刚通过密码的人", Expect: 302,
                ExpectLocation: "/Account/Login"),
            new("POST /Account/TwoFactor", [Anonymous], Anonymous, Post("/Account/TwoFactor", ("Code", "123456")), null, "第二因素：只对刚通过密码的人",
                Expect: 302, ExpectLocation: "/Account/Login"),
            new("GET /Error", [Anonymous], Anonymous, Get("/Error?status=404"), null, "错误页：只说明状态", Expect: 404),
            new("POST /Error", [Anonymous], Anonymous, Post("/Error?status=400"), null, "错误页：只说明状态", Expect: 400),
            new("GET /Account/Logout", [SignedIn], V, Get("/Account/Logout"), null, "退出：只针对自己的会话", Expect: 302, ExpectLocation: "/"),
            new("POST /Account/Logout", [SignedIn], V, Post("/Account/Logout"), null, "退出：只针对自己的会话", Expect: 302,
                ExpectLocation: "/Account/Login", FreshClient: true),
            new("GET /Account/Denied", [SignedIn], V, Get("/Account/Denied"), null, "无权限提示页", Expect: 403),
            new("GET /", [SignedIn], V, Get("/"), null, "首页：只显示自己的管辖区域名称"),

            // The user's own account: the ids are theirs, another user's are not found.
            new("GET /Account/ChangePassword", [SignedIn], V, Get("/Account/ChangePassword"), null, "修改自己的密码"),
            new("POST /Account/ChangePassword", [SignedIn], V, Post("/Account/ChangePassword"), null, "修改自己的密码（此处空表单，只校验）"),
            new("GET /Account/Authenticator", [SignedIn], V, Get("/Account/Authenticator"), null, "自己的验证器"),
            new("POST /Account/Authenticator", [SignedIn], V, Post("/Account/Authenticator"), null, "自己的验证器", Expect: 302,
                ExpectLocation: "/Account/Authenticator"),
            new("POST /Account/Authenticator?handler=Start", [SignedIn], V, Post("/Account/Authenticator?handler=Start"), null, "自己的验证器",
                Expect: 302, ExpectLocation: "/Account/Authenticator"),
            new("POST /Account/Authenticator?handler=RecoveryCodes", [SignedIn], V, Post("/Account/Authenticator?handler=RecoveryCodes"), null,
                "自己的验证器", Expect: 302, ExpectLocation: "/Account/Authenticator"),
            new("GET /Account/Sessions", [SignedIn], V, Get("/Account/Sessions"), null, "只列自己的会话"),
            new("POST /Account/Sessions?handler=End", [SignedIn], V, Post($"/Account/Sessions?handler=End&id={d.SpareSession}"),
                Post($"/Account/Sessions?handler=End&id={d.ForeignSession}"), Expect: 302, ExpectLocation: "/Account/Sessions", OutOfScopeStatus: 302),
            new("POST /Account/Sessions?handler=EndOthers", [SignedIn], V, Post("/Account/Sessions?handler=EndOthers"), null, "只结束自己的其他会话",
                Expect: 302, ExpectLocation: "/Account/Sessions"),
            new("GET /Account/Tokens", [SignedIn], V, Get("/Account/Tokens"), null, "只列自己的令牌"),
            new("POST /Account/Tokens", [SignedIn], V, Post("/Account/Tokens"), null, "令牌的权限和区域不超出自己的（见 AccessTokenTests；此处空表单，只校验）"),
            new("POST /Account/Tokens?handler=Revoke", [SignedIn], V, Post($"/Account/Tokens?handler=Revoke&id={d.OwnToken}"),
                Post($"/Account/Tokens?handler=Revoke&id={d.ForeignToken}"), Expect: 302, ExpectLocation: "/Account/Tokens"),

            // The registry.
            new("GET /Registry/People", [P.RegistryView], V, Get($"/Registry/People?region={hejiawan}"), Get($"/Registry/People?region={shibadong}")),
            new("POST /Registry/People", [P.RegistryView], V, Post("/Registry/People", ("Region", hejiawan), ("Name", d.Hejiawan.Name)),
                Post("/Registry/People", ("Region", shibadong), ("Name", d.Shibadong.Name[..1]))),
            new("POST /Registry/People?handler=Export", [P.RegistryView, P.RegistryExport], V, Post("/Registry/People?handler=Export", ("Region", hejiawan)),
                Post("/Registry/People?handler=Export", ("Region", shibadong))),
            new("POST /Registry/People?handler=Roster", [P.RegistryView, P.RegistryExport, P.RegistryUnmask, P.RegistryFullNames, P.RegistrySensitive], C,
                Post("/Registry/People?handler=Roster", ("Region", hejiawan)), Post("/Registry/People?handler=Roster", ("Region", shibadong)),
                RevealsIdentifiers: true),
            new("GET /Registry/People/Detail", [P.RegistryView], V, Get($"/Registry/People/Detail?id={d.Hejiawan.Id}"),
                Get($"/Registry/People/Detail?id={d.Shibadong.Id}")),
            new("POST /Registry/People/Detail?handler=Unmask", [P.RegistryView, P.RegistryUnmask], C,
                Post($"/Registry/People/Detail?handler=Unmask&id={d.Hejiawan.Id}", ("Purpose", UnmaskReason.Purposes[0]), ("Description", "核对身份信息")),
                Post($"/Registry/People/Detail?handler=Unmask&id={d.Shibadong.Id}", ("Purpose", UnmaskReason.Purposes[0]), ("Description", "核对身份信息")),
                RevealsIdentifiers: true),
            new("GET /Registry/Quality", [P.RegistryView], V, Get($"/Registry/Quality?region={hejiawan}"), Get($"/Registry/Quality?region={shibadong}")),
            new("POST /Registry/Quality?handler=Export", [P.RegistryView, P.RegistryExport], V, Post("/Registry/Quality?handler=Export", ("Region", hejiawan)),
                Post("/Registry/Quality?handler=Export", ("Region", shibadong))),
            new("POST /Registry/Quality?handler=Confirm", [P.RegistryView, P.QualityConfirm], V, Post($"/Registry/Quality?handler=Confirm&id={d.HejiawanIssue}"),
                Post($"/Registry/Quality?handler=Confirm&id={d.ShibadongIssue}"), Expect: 302, ExpectLocation: "/Registry/Quality"),
            new("GET /Registry/Quality/Rules", [P.RegistryView], V, Get("/Registry/Quality/Rules"), null, "规则说明：不涉及任何人的数据"),
            new("GET /Registry/Regions", [SignedIn], V, Get($"/Registry/Regions?code={hejiawan}"), Get($"/Registry/Regions?code={shibadong}"),
                OutOfScopeStatus: 200),
            // The township of 贺家湾村 lies above the village officer's scope, and the administrators hold none: the picker lists nothing for them.
            new("GET /Registry/Regions?handler=Children", [SignedIn], Roles.TownshipOfficer, Get($"/Registry/Regions?handler=Children&parent={hejiawan[..9]}"),
                Get($"/Registry/Regions?handler=Children&parent={shibadong[..9]}"), NotFoundFor: [Roles.VillageOfficer, Roles.SystemAdministrator, Roles.SecurityAdministrator, Roles.Auditor, Roles.Employer]),
            // Place pickers (a transport batch's destination): provinces, cities and counties anywhere; public codes, no personal data.
            new("GET /Registry/Regions?handler=Places", [SignedIn], V, Get("/Registry/Regions?handler=Places&parent=44"), null,
                "公开的统计用区划代码：任何省、市的下一级（到县为止），不涉及个人数据"),

            // Imports: county level and above.
            new("GET /Registry/Imports", [P.RegistryImport], C, Get("/Registry/Imports"), null, "没有参数：只列管辖区域内的导入"),
            new("POST /Registry/Imports", [P.RegistryImport], C, Post("/Registry/Imports", ("Period", "2021-12")), null,
                "导入总在自己的管辖区域内进行，区域外的行被拒绝（此处不带文件，只校验）"),
            new("GET /Registry/Imports/Detail", [P.RegistryImport], C, Get($"/Registry/Imports/Detail?id={d.OwnImport}"),
                Get($"/Registry/Imports/Detail?id={d.ForeignImport}")),
            new("GET /Registry/Imports/Detail?handler=Download", [P.RegistryImport], C, Get($"/Registry/Imports/Detail?handler=Download&id={d.OwnImport}"),
                Get($"/Registry/Imports/Detail?handler=Download&id={d.ForeignImport}")),
            new("POST /Registry/Imports/Detail?handler=Commit", [P.RegistryImport], C, Post($"/Registry/Imports/Detail?handler=Commit&id={d.OwnImport}"),
                Post($"/Registry/Imports/Detail?handler=Commit&id={d.ForeignImport}"), Expect: 302, ExpectLocation: "/Registry/Imports/Detail"),
            new("POST /Registry/Imports/Detail?handler=Cancel", [P.RegistryImport], C, Post($"/Registry/Imports/Detail?handler=Cancel&id={d.OwnImport}"),
                Post($"/Registry/Imports/Detail?handler=Cancel&id={d.ForeignImport}"), Expect: 302, ExpectLocation: "/Registry/Imports"),
            new("GET /Registry/Imports/Progress", [P.RegistryImport], C, Get($"/Registry/Imports/Progress?job={d.OwnJob}"),
                Get($"/Registry/Imports/Progress?job={d.ForeignJob}"), OwnerOnly: true),
            new("GET /Registry/Imports/Progress?handler=Status", [P.RegistryImport], C, Get($"/Registry/Imports/Progress?handler=Status&job={d.OwnJob}"),
                Get($"/Registry/Imports/Progress?handler=Status&job={d.ForeignJob}"), OwnerOnly: true),
            new("POST /Registry/Imports/Progress?handler=Cancel", [P.RegistryImport], C, Post($"/Registry/Imports/Progress?handler=Cancel&job={d.OwnJob}"),
                Post($"/Registry/Imports/Progress?handler=Cancel&job={d.ForeignJob}"), Expect: 302, ExpectLocation: "/Registry/Imports/Progress", OwnerOnly: true),

            // The monthly round and the village lists.
            new("GET /Employment/Round", [P.EmploymentRound], V, Get($"/Employment/Round?village={hejiawan}&period=2021-12"),
                Get($"/Employment/Round?village={shibadong}&period=2021-12")),
            new("GET /Employment/Round/Edit", [P.EmploymentRound], V, Get($"/Employment/Round/Edit?person={d.Hejiawan.Id}&period=2021-12"),
                Get($"/Employment/Round/Edit?person={d.Shibadong.Id}&period=2021-12")),
            new("POST /Employment/Round/Edit", [P.EmploymentRound], V,
                Post($"/Employment/Round/Edit?person={d.Hejiawan.Id}&period=2021-12", ("Input.Status", "NotInLabourForce")),
                Post($"/Employment/Round/Edit?person={d.Shibadong.Id}&period=2021-12", ("Input.Status", "NotInLabourForce")),
                Expect: 302, ExpectLocation: "/Employment/Round"),
            new("POST /Employment/Round?handler=Close", [P.EmploymentRound], V, Post("/Employment/Round?handler=Close", ("village", hejiawan), ("period", "2021-12")),
                Post("/Employment/Round?handler=Close", ("village", shibadong), ("period", "2021-12")), Expect: 302, ExpectLocation: "/Employment/Round"),
            new("POST /Employment/Round?handler=Reopen", [P.EmploymentRound, P.EmploymentReopen], C,
                Post("/Employment/Round?handler=Reopen", ("village", hejiawan), ("period", "2021-12")),
                Post("/Employment/Round?handler=Reopen", ("village", shibadong), ("period", "2021-12")), Expect: 302, ExpectLocation: "/Employment/Round"),
            new("GET /Employment/Lists", [P.RegistryView], V, Get($"/Employment/Lists?village={hejiawan}&period=2021-12"),
                Get($"/Employment/Lists?village={shibadong}&period=2021-12")),
            new("GET /Employment/Lists?handler=Export", [P.RegistryView, P.RegistryExport], V,
                Get($"/Employment/Lists?handler=Export&village={hejiawan}&period=2021-12"), Get($"/Employment/Lists?handler=Export&village={shibadong}&period=2021-12")),

            // Reports: the dispatch and the people behind each figure.
            new("GET /Reporting/Monthly", [P.ReportsView], V, Get($"/Reporting/Monthly?region={hejiawan}&period=2021-12"),
                Get($"/Reporting/Monthly?region={shibadong}&period=2021-12")),
            new("GET /Reporting/Monthly?handler=Export", [P.ReportsView, P.RegistryExport], V, Get($"/Reporting/Monthly?handler=Export&region={hejiawan}&period=2021-12"),
                Get($"/Reporting/Monthly?handler=Export&region={shibadong}&period=2021-12")),
            new("GET /Reporting/Monthly/People", [P.ReportsView], V, Get($"/Reporting/Monthly/People?region={hejiawan}&period=2021-12&figure=Persons"),
                Get($"/Reporting/Monthly/People?region={shibadong}&period=2021-12&figure=Persons")),
            new("GET /Reporting/Monthly/People?handler=Export", [P.ReportsView, P.RegistryExport], V,
                Get($"/Reporting/Monthly/People?handler=Export&region={hejiawan}&period=2021-12&figure=Persons"),
                Get($"/Reporting/Monthly/People?handler=Export&region={shibadong}&period=2021-12&figure=Persons")),

            // Employers and vacancies: county and township officers manage those of their county (and review there), an employer account
            // its own vacancies; 花垣县's employer and vacancy are not found.
            new("GET /Employment/Employers", [P.EmployersManage], C, Get("/Employment/Employers?q=比亚迪"), null,
                "只列管理范围内的用人单位；花垣县的不列出（其名称在 ForeignMarkers 中，答复里不得出现）"),
            new("GET /Employment/Employers/Edit", [P.EmployersManage], C, Get($"/Employment/Employers/Edit/{w.OwnEmployer}"),
                Get($"/Employment/Employers/Edit/{w.ForeignEmployer}")),
            new("POST /Employment/Employers/Edit", [P.EmployersManage], C, Post($"/Employment/Employers/Edit/{w.OwnEmployer}"),
                Post($"/Employment/Employers/Edit/{w.ForeignEmployer}", ("Input.Name", "改名"), ("Input.CreditCode", "914403001922038216"), ("Input.RegionCode", "433124"))),
            new("GET /Employment/Vacancies", [Vac], C, Get("/Employment/Vacancies"), Get($"/Employment/Vacancies?employerId={w.ForeignEmployer}"),
                "列表只含自己管理的（用人单位账号：自己的）岗位；按另一县的单位筛选得到空列表", OutOfScopeStatus: 200),
            new("GET /Employment/Vacancies/Edit", [Vac], Roles.Employer, Get($"/Employment/Vacancies/Edit/{w.OwnVacancy}"),
                Get($"/Employment/Vacancies/Edit/{w.ForeignVacancy}")),
            new("POST /Employment/Vacancies/Edit", [Vac], Roles.Employer, Post("/Employment/Vacancies/Edit", ("Input.Title", "电池装配工"),
                    ("Input.OccupationCode", "6-29-01-04"), ("Input.Headcount", "20"), ("Input.WageMin", "4500"), ("Input.WageMax", "6500"),
                    ("Input.WorkplaceRegionCode", "430182"), ("Input.ExpiresOn", w.Today)),
                Post($"/Employment/Vacancies/Edit/{w.ForeignVacancy}", ("Input.Title", "改名")), Expect: 302, ExpectLocation: "/Employment/Vacancies/Edit"),
            new("POST /Employment/Vacancies/Edit?handler=Filled", [Vac], C, Post($"/Employment/Vacancies/Edit/{w.SpareVacancy}?handler=Filled"),
                Post($"/Employment/Vacancies/Edit/{w.ForeignVacancy}?handler=Filled"), Expect: 302, ExpectLocation: $"/Employment/Vacancies/Edit/{w.SpareVacancy}"),
            new("POST /Employment/Vacancies/Edit?handler=Withdraw", [Vac], C, Post($"/Employment/Vacancies/Edit/{w.SpareVacancy}?handler=Withdraw"),
                Post($"/Employment/Vacancies/Edit/{w.ForeignVacancy}?handler=Withdraw"), Expect: 302, ExpectLocation: $"/Employment/Vacancies/Edit/{w.SpareVacancy}"),
            new("GET /Employment/Vacancies/Review", [Vac, P.VacanciesReview], C, Get("/Employment/Vacancies/Review"), null,
                "审核队列只列管理范围内的待审岗位"),
            new("POST /Employment/Vacancies/Review", [Vac, P.VacanciesReview], C, Post("/Employment/Vacancies/Review", ("id", w.OwnVacancy.ToString()), ("decision", "publish")),
                Post("/Employment/Vacancies/Review", ("id", w.ForeignVacancy.ToString()), ("decision", "publish")), Expect: 302, ExpectLocation: "/Employment/Vacancies/Review"),
            new("GET /Employment/Vacancies/Import", [Vac, P.EmployersManage], C, Get("/Employment/Vacancies/Import"), null, "上传页：不涉及数据"),
            new("GET /Employment/Vacancies/Import?handler=Template", [Vac, P.EmployersManage], C, Get("/Employment/Vacancies/Import?handler=Template"), null,
                "空白模板与一行示例"),
            new("POST /Employment/Vacancies/Import", [Vac, P.EmployersManage], C, Post("/Employment/Vacancies/Import", ("commit", "false")), null,
                "导入只接受自己管理的区县的用人单位，另一县的行被拒绝（此处不带文件，只校验）"),
            // A vacancy's applicants (online interest and referrals): its employer (names masked) and its managing officers.
            new("GET /Employment/Vacancies/Applicants", [Vac], Roles.Employer, Get($"/Employment/Vacancies/Applicants/{w.OpenVacancy}"),
                Get($"/Employment/Vacancies/Applicants/{w.ForeignVacancy}")),
            new("POST /Employment/Vacancies/Applicants?handler=Phone", [Vac], Roles.Employer,
                Post($"/Employment/Vacancies/Applicants/{w.OpenVacancy}?handler=Phone", ("interest", w.OwnInterest.ToString())),
                Post($"/Employment/Vacancies/Applicants/{w.ForeignVacancy}?handler=Phone", ("interest", w.ForeignInterest.ToString())), RevealsIdentifiers: true),

            // Jobseeker profiles, 311 services, the push list, the outbox and the ledger: people of the officer's villages.
            new("GET /Employment/Jobseekers", [P.JobseekersEdit], V, Get($"/Employment/Jobseekers?village={hejiawan}"), Get($"/Employment/Jobseekers?village={shibadong}")),
            new("GET /Employment/Matching/Person", [P.ServicesRecord], V, Get($"/Employment/Matching/Person/{w.OwnSeeker}"),
                Get($"/Employment/Matching/Person/{w.ForeignSeeker}")),
            new("GET /Employment/Matching/Vacancy", [P.ServicesRecord], V, Get($"/Employment/Matching/Vacancy/{w.OpenVacancy}"),
                Get($"/Employment/Matching/Vacancy/{w.ForeignVacancy}")),
            new("GET /Employment/Jobseekers/Edit", [P.JobseekersEdit], V, Get($"/Employment/Jobseekers/Edit/{w.OwnSeeker}"),
                Get($"/Employment/Jobseekers/Edit/{w.ForeignSeeker}")),
            new("POST /Employment/Jobseekers/Edit", [P.JobseekersEdit], V,
                Post($"/Employment/Jobseekers/Edit/{w.OwnSeeker}", ("Input.ExpectedWageMin", "3800"), ("Input.Reach", "InCounty")),
                Post($"/Employment/Jobseekers/Edit/{w.ForeignSeeker}", ("Input.ExpectedWageMin", "1"), ("Input.Reach", "InCounty")),
                Expect: 302, ExpectLocation: "/Employment/Jobseekers"),
            new("GET /Employment/Services", [P.ServicesRecord], V, Get($"/Employment/Services?village={hejiawan}"), Get($"/Employment/Services?village={shibadong}")),
            new("POST /Employment/Services", [P.ServicesRecord], V,
                Post($"/Employment/Services?village={hejiawan}", ("Input.People", w.OwnSeeker.ToString()), ("Input.Kind", "CareerGuidance"),
                    ("Input.Date", w.Today), ("Input.Channel", "Phone")),
                Post($"/Employment/Services?village={shibadong}", ("Input.People", w.ForeignSeeker.ToString()), ("Input.Kind", "CareerGuidance"),
                    ("Input.Date", w.Today), ("Input.Channel", "Phone")), Expect: 302, ExpectLocation: "/Employment/Services"),
            new("GET /Employment/Services/Push", [P.ServicesRecord], V, Get($"/Employment/Services/Push?village={hejiawan}"),
                Get($"/Employment/Services/Push?village={shibadong}")),
            new("GET /Employment/Services/Push?handler=Export", [P.ServicesRecord, P.RegistryExport], V, Get($"/Employment/Services/Push?handler=Export&village={hejiawan}"),
                Get($"/Employment/Services/Push?handler=Export&village={shibadong}")),
            new("POST /Employment/Services/Push?handler=Deliver", [P.ServicesRecord], V,
                Post($"/Employment/Services/Push?handler=Deliver&village={hejiawan}", ("People", w.OwnSeeker.ToString()), ("Date", w.Today), ("Channel", "InPerson")),
                Post($"/Employment/Services/Push?handler=Deliver&village={shibadong}", ("People", w.ForeignSeeker.ToString()), ("Date", w.Today), ("Channel", "InPerson")),
                Expect: 302, ExpectLocation: "/Employment/Services/Push"),
            new("POST /Employment/Services/Push?handler=Sms", [P.ServicesRecord], V,
                Post($"/Employment/Services/Push?handler=Sms&village={hejiawan}", ("People", w.OwnSeeker.ToString()), ("Text", "有新岗位")),
                Post($"/Employment/Services/Push?handler=Sms&village={shibadong}", ("People", w.ForeignSeeker.ToString()), ("Text", "有新岗位")),
                Expect: 302, ExpectLocation: "/Employment/Services/Push"),
            new("GET /Employment/Services/Outbox", [P.ServicesRecord], V, Get("/Employment/Services/Outbox"), null, "只列管辖区域内的短信（号码打码）"),
            new("POST /Employment/Services/Outbox?handler=Retry", [P.ServicesRecord], V, Post($"/Employment/Services/Outbox?handler=Retry&id={w.OwnMessage}"),
                Post($"/Employment/Services/Outbox?handler=Retry&id={w.ForeignMessage}"), Expect: 302, ExpectLocation: "/Employment/Services/Outbox"),
            new("GET /Employment/Ledger", [P.ReportsView], V, Get($"/Employment/Ledger?region={hejiawan}&year={w.Year}"),
                Get($"/Employment/Ledger?region={shibadong}&year={w.Year}")),
            new("GET /Employment/Ledger?handler=Export", [P.ReportsView, P.RegistryExport], V, Get($"/Employment/Ledger?handler=Export&region={hejiawan}&year={w.Year}"),
                Get($"/Employment/Ledger?handler=Export&region={shibadong}&year={w.Year}")),

            // Referrals, outcomes and follow-ups.
            new("GET /Employment/Referrals", [P.ServicesRecord], V, Get($"/Employment/Referrals?village={hejiawan}"), Get($"/Employment/Referrals?village={shibadong}")),
            new("GET /Employment/Referrals?handler=Vacancies", [P.ServicesRecord], V, Get("/Employment/Referrals?handler=Vacancies&q=叉车"), null,
                "岗位选择：只列已发布、在招的岗位（不是个人数据，每位工作人员都可见），未发布的（花垣县的）不列出"),
            new("POST /Employment/Referrals", [P.ServicesRecord], V,
                Post($"/Employment/Referrals?village={hejiawan}", ("Input.Person", w.OwnSeeker.ToString()), ("Input.JobTitle", "叉车司机"),
                    ("Input.EmployerName", "比亚迪"), ("Input.Source", "Push"), ("Input.ReferredOn", w.Today)),
                Post($"/Employment/Referrals?village={shibadong}", ("Input.Person", w.ForeignSeeker.ToString()), ("Input.JobTitle", "叉车司机"),
                    ("Input.EmployerName", "比亚迪"), ("Input.Source", "Push"), ("Input.ReferredOn", w.Today)), Expect: 302, ExpectLocation: "/Employment/Referrals"),
            new("GET /Employment/Referrals/Outcome", [P.ServicesRecord], V, Get($"/Employment/Referrals/Outcome?id={w.OwnReferral}"),
                Get($"/Employment/Referrals/Outcome?id={w.ForeignReferral}")),
            new("POST /Employment/Referrals/Outcome", [P.ServicesRecord], V, Post($"/Employment/Referrals/Outcome?id={w.OwnReferral}"),
                Post($"/Employment/Referrals/Outcome?id={w.ForeignReferral}", ("Input.Outcome", "NotHired"), ("Input.OutcomeOn", w.Today))),
            new("GET /Employment/Referrals/FollowUps", [P.ServicesRecord], V, Get("/Employment/Referrals/FollowUps?all=true"), null,
                "只列管辖区域内的回访任务"),
            new("POST /Employment/Referrals/FollowUps", [P.ServicesRecord], V,
                Post("/Employment/Referrals/FollowUps", ("id", w.OwnFollowUp.ToString()), ("doneOn", w.Today), ("stillEmployed", "true")),
                Post("/Employment/Referrals/FollowUps", ("id", w.ForeignFollowUp.ToString()), ("doneOn", w.Today), ("stillEmployed", "false")),
                Expect: 302, ExpectLocation: "/Employment/Referrals/FollowUps"),

            // Point-to-point transport: county officers manage their county's batches.
            new("GET /Employment/Transport", [P.TransportManage], C, Get("/Employment/Transport"), null, "只列自己组织的或载有管辖区域内人员的批次"),
            new("GET /Employment/Transport/Edit", [P.TransportManage], C, Get($"/Employment/Transport/Edit?id={w.OwnBatch}"),
                Get($"/Employment/Transport/Edit?id={w.ForeignBatch}")),
            new("POST /Employment/Transport/Edit", [P.TransportManage], C, Post($"/Employment/Transport/Edit?id={w.OwnBatch}"),
                Post($"/Employment/Transport/Edit?id={w.ForeignBatch}", ("Input.OrganiserRegionCode", "433124"), ("Input.Organiser", "改名"),
                    ("Input.TravelDate", w.Today), ("Input.OriginRegionCode", "433124"), ("Input.DestinationRegionCode", "4301"), ("Input.Mode", "Bus"),
                    ("Input.Seats", "40"), ("Input.PaidBy", "Government"))),
            new("GET /Employment/Transport/Batch", [P.TransportManage], C, Get($"/Employment/Transport/Batch?id={w.OwnBatch}"),
                Get($"/Employment/Transport/Batch?id={w.ForeignBatch}")),
            new("POST /Employment/Transport/Batch?handler=Find", [P.TransportManage], C,
                Post($"/Employment/Transport/Batch?id={w.OwnBatch}&handler=Find", ("query", w.BoardingNumber)),
                Post($"/Employment/Transport/Batch?id={w.ForeignBatch}&handler=Find", ("query", w.BoardingNumber)), Expect: 302, ExpectLocation: "/Employment/Transport/Batch"),
            new("POST /Employment/Transport/Batch?handler=Add", [P.TransportManage], C,
                Post($"/Employment/Transport/Batch?id={w.OwnBatch}&handler=Add", ("person", w.Boarding.ToString())),
                Post($"/Employment/Transport/Batch?id={w.ForeignBatch}&handler=Add", ("person", w.ForeignSeeker.ToString())), Expect: 302,
                ExpectLocation: "/Employment/Transport/Batch"),
            new("POST /Employment/Transport/Batch?handler=Remove", [P.TransportManage], C,
                Post($"/Employment/Transport/Batch?id={w.OwnBatch}&handler=Remove", ("passenger", w.OwnPassenger.ToString())),
                Post($"/Employment/Transport/Batch?id={w.ForeignBatch}&handler=Remove", ("passenger", w.ForeignPassenger.ToString())), Expect: 302,
                ExpectLocation: "/Employment/Transport/Batch"),
            new("POST /Employment/Transport/Batch?handler=Board", [P.TransportManage], C,
                Post($"/Employment/Transport/Batch?id={w.OwnBatch}&handler=Board", ("passenger", w.OwnPassenger2.ToString()), ("boarded", "true")),
                Post($"/Employment/Transport/Batch?id={w.ForeignBatch}&handler=Board", ("passenger", w.ForeignPassenger.ToString()), ("boarded", "true")), Expect: 302,
                ExpectLocation: "/Employment/Transport/Batch"),
            new("POST /Employment/Transport/Batch?handler=Depart", [P.TransportManage], C, Post($"/Employment/Transport/Batch?id={w.OwnBatch}&handler=Depart"),
                Post($"/Employment/Transport/Batch?id={w.ForeignBatch}&handler=Depart"), Expect: 302, ExpectLocation: "/Employment/Transport/Batch"),
            new("POST /Employment/Transport/Batch?handler=Arrive", [P.TransportManage], C,
                Post($"/Employment/Transport/Batch?id={w.OwnBatch}&handler=Arrive", ("arrivedOn", w.Today)),
                Post($"/Employment/Transport/Batch?id={w.ForeignBatch}&handler=Arrive", ("arrivedOn", w.Today)), Expect: 302, ExpectLocation: "/Employment/Transport/Batch"),
            new("POST /Employment/Transport/Batch?handler=Cancel", [P.TransportManage], C, Post($"/Employment/Transport/Batch?id={w.OwnBatch}&handler=Cancel"),
                Post($"/Employment/Transport/Batch?id={w.ForeignBatch}&handler=Cancel"), Expect: 302, ExpectLocation: "/Employment/Transport/Batch"),
            new("GET /Reporting/Services", [P.ReportsView], V, Get($"/Reporting/Services?region={hejiawan}&month={w.Year}-12"),
                Get($"/Reporting/Services?region={shibadong}&month={w.Year}-12")),
            new("GET /Reporting/Services?handler=Export", [P.ReportsView, P.RegistryExport], V,
                Get($"/Reporting/Services?handler=Export&region={hejiawan}&month={w.Year}-12"), Get($"/Reporting/Services?handler=Export&region={shibadong}&month={w.Year}-12")),
            new("GET /Reporting/Transport", [P.ReportsView], V, Get($"/Reporting/Transport?region={hejiawan}&period={w.Year}"),
                Get($"/Reporting/Transport?region={shibadong}&period={w.Year}")),
            new("GET /Reporting/Transport?handler=Export", [P.ReportsView, P.RegistryExport], V,
                Get($"/Reporting/Transport?handler=Export&region={hejiawan}&period={w.Year}"), Get($"/Reporting/Transport?handler=Export&region={shibadong}&period={w.Year}")),
            new("GET /Reporting/Transport/People", [P.ReportsView], V, Get($"/Reporting/Transport/People?region={hejiawan}&period={w.Year}"),
                Get($"/Reporting/Transport/People?region={shibadong}&period={w.Year}")),
            new("GET /Reporting/Transport/People?handler=Export", [P.ReportsView, P.RegistryExport], V,
                Get($"/Reporting/Transport/People?handler=Export&region={hejiawan}&period={w.Year}"),
                Get($"/Reporting/Transport/People?handler=Export&region={shibadong}&period={w.Year}")),

            // Job fairs (county and township officers of the county holding it) and the follow-up of interest from the online fair.
            new("GET /Employment/Fairs", [P.FairsManage], C, Get("/Employment/Fairs"), null, "只列自己所在区县举办的招聘会"),
            new("POST /Employment/Fairs", [P.FairsManage], C, Post("/Employment/Fairs"), null, "举办地必须在自己管理的区县（此处空表单，只校验）"),
            new("GET /Employment/Fairs/Details", [P.FairsManage], C, Get($"/Employment/Fairs/Details/{w.OwnFair}"), Get($"/Employment/Fairs/Details/{w.ForeignFair}")),
            new("POST /Employment/Fairs/Details?handler=SignIn", [P.FairsManage], C, Post($"/Employment/Fairs/Details/{w.OwnFair}?handler=SignIn", ("name", "某某"), ("idNumber", "1")),
                Post($"/Employment/Fairs/Details/{w.ForeignFair}?handler=SignIn", ("name", "某某"), ("idNumber", "1"))),
            new("POST /Employment/Fairs/Details?handler=Employer", [P.FairsManage], C,
                Post($"/Employment/Fairs/Details/{w.OwnFair}?handler=Employer", ("creditCode", "91440300192317458F")),
                Post($"/Employment/Fairs/Details/{w.ForeignFair}?handler=Employer", ("creditCode", "91440300192317458F"))),
            new("POST /Employment/Fairs/Details?handler=Vacancy", [P.FairsManage], C,
                Post($"/Employment/Fairs/Details/{w.OwnFair}?handler=Vacancy", ("vacancyId", w.OpenVacancy.ToString())),
                Post($"/Employment/Fairs/Details/{w.ForeignFair}?handler=Vacancy", ("vacancyId", w.OpenVacancy.ToString()))),
            new("POST /Employment/Fairs/Details?handler=Intention", [P.FairsManage], C,
                Post($"/Employment/Fairs/Details/{w.OwnFair}?handler=Intention", ("attendanceId", Guid.Empty.ToString()), ("vacancyId", w.OpenVacancy.ToString())),
                Post($"/Employment/Fairs/Details/{w.ForeignFair}?handler=Intention", ("attendanceId", Guid.Empty.ToString()), ("vacancyId", w.OpenVacancy.ToString()))),
            new("GET /Employment/Interests", [P.ServicesRecord], V, Get("/Employment/Interests"), null, "只列管辖区域内的网上求职意向（与花名册比对上的按村）"),
            new("POST /Employment/Interests?handler=Phone", [P.ServicesRecord], V, Post($"/Employment/Interests?handler=Phone&id={w.OwnInterest}"),
                Post($"/Employment/Interests?handler=Phone&id={w.ForeignInterest}"), RevealsIdentifiers: true),
            new("POST /Employment/Interests?handler=FollowUp", [P.ServicesRecord], V,
                Post($"/Employment/Interests?handler=FollowUp&id={w.OwnInterest}", ("state", "Contacted"), ("note", "已电话联系")),
                Post($"/Employment/Interests?handler=FollowUp&id={w.ForeignInterest}", ("state", "Closed"), ("note", "x")), Expect: 302,
                ExpectLocation: "/Employment/Interests"),
            new("POST /Employment/Interests?handler=Link", [P.ServicesRecord], C,
                Post($"/Employment/Interests?handler=Link&id={w.LinkInterest}", ("idNumber", w.LinkIdNumber)),
                Post($"/Employment/Interests?handler=Link&id={w.ForeignInterest}", ("idNumber", w.LinkIdNumber)), Expect: 302,
                ExpectLocation: "/Employment/Interests"),

            // The online fair (永不落幕网络招聘会): public, published vacancies only, no personal data.
            new("GET /Fair", [Anonymous], Anonymous, Get("/Fair"), null, "公开的网上招聘会：只列已发布且未过期的岗位，不含任何人的数据"),
            new("GET /Fair/Vacancy", [Anonymous], Anonymous, Get($"/Fair/Vacancy/{w.OpenVacancy}"), null,
                "公开的岗位页：不含个人数据；未发布或已停止招聘的岗位答 404"),
            new("GET /Fair/Missing", [Anonymous], Anonymous, Get("/Fair/Vacancy/garbage"), null,
                "/Fair 下其他地址（截断的岗位链接）：公开的“找不到”页，链接回招聘会，不转到工作人员登录页", Expect: 404),
            new("POST /Fair/Vacancy", [Anonymous], Anonymous, Post($"/Fair/Vacancy/{w.OpenVacancy}", ("Name", "王小五"), ("Phone", "13912340009")), null,
                "匿名登记求职意向：按来源地址限流（RateLimits），与花名册的比对结果不显示给登记人", Expect: 302, ExpectLocation: $"/Fair/Vacancy/{w.OpenVacancy}"),

            // The auditor's pages.
            new("GET /Audit", [P.AuditView], Roles.Auditor, Get("/Audit"), null, "审计员不持有管辖区域，审计日志不含个人信息的明文"),
            new("GET /Audit?handler=Export", [P.AuditView], Roles.Auditor, Get("/Audit?handler=Export"), null, "同上"),
            new("POST /Audit?handler=Verify", [P.AuditView], Roles.Auditor, Post("/Audit?handler=Verify"), null, "重新校验整条哈希链", Expect: 302,
                ExpectLocation: "/Audit"),

            // User administration: the administrators hold no region scope and manage every account.
            new("GET /Identity/Users", [Users], Roles.SystemAdministrator, Get("/Identity/Users"), null, "管理员不持有管辖区域"),
            new("GET /Identity/Users/Create", [Users, P.UsersManage], Roles.SystemAdministrator, Get("/Identity/Users/Create"), null, "同上"),
            new("POST /Identity/Users/Create", [Users, P.UsersManage], Roles.SystemAdministrator, Post("/Identity/Users/Create"), null,
                "同上（此处空表单，只校验）"),
            new("GET /Identity/Users/Edit", [Users], Roles.SystemAdministrator, Get($"/Identity/Users/Edit?id={d.Target}"),
                Get($"/Identity/Users/Edit?id={Guid.NewGuid()}"), "管理员管理所有账号；不存在的账号答 404"),
            new("POST /Identity/Users/Edit?handler=Roles", [Users, P.UsersManage], Roles.SystemAdministrator,
                Post($"/Identity/Users/Edit?handler=Roles&id={d.Target}", ("Input.RegionCode", hejiawan), ("Input.Roles", Roles.VillageOfficer)),
                Post($"/Identity/Users/Edit?handler=Roles&id={Guid.NewGuid()}", ("Input.RegionCode", hejiawan), ("Input.Roles", Roles.VillageOfficer)),
                "同上", Expect: 302, ExpectLocation: "/Identity/Users/Edit"),
            new("POST /Identity/Users/Edit?handler=Disable", [Users, P.UsersManage], Roles.SystemAdministrator,
                Post($"/Identity/Users/Edit?handler=Disable&id={d.Target}"), Post($"/Identity/Users/Edit?handler=Disable&id={Guid.NewGuid()}"), "同上",
                Expect: 302, ExpectLocation: "/Identity/Users/Edit"),
            new("POST /Identity/Users/Edit?handler=Enable", [Users, P.UsersManage], Roles.SystemAdministrator,
                Post($"/Identity/Users/Edit?handler=Enable&id={d.Target}"), Post($"/Identity/Users/Edit?handler=Enable&id={Guid.NewGuid()}"), "同上",
                Expect: 302, ExpectLocation: "/Identity/Users/Edit"),
            new("POST /Identity/Users/Edit?handler=Unlock", [Users, P.SecurityManage], Roles.SecurityAdministrator,
                Post($"/Identity/Users/Edit?handler=Unlock&id={d.Target}"), Post($"/Identity/Users/Edit?handler=Unlock&id={Guid.NewGuid()}"), "同上",
                Expect: 302, ExpectLocation: "/Identity/Users/Edit"),
            new("POST /Identity/Users/Edit?handler=ResetPassword", [Users, P.UsersManage], Roles.SystemAdministrator,
                Post($"/Identity/Users/Edit?handler=ResetPassword&id={d.Target}"), Post($"/Identity/Users/Edit?handler=ResetPassword&id={Guid.NewGuid()}"),
                "同上"),
        ];
    }

    /// <summary>The ids the cases point at.</summary>
    public sealed record Data(Person Hejiawan, Person Shibadong, Guid HejiawanIssue, Guid ShibadongIssue, Guid OwnImport, Guid ForeignImport,
        Guid OwnJob, Guid ForeignJob, Guid OwnToken, Guid ForeignToken, Guid SpareSession, Guid ForeignSession, string Target, Work W);

    /// <summary>
    /// The employment services records the cases point at, each made through its service: "Own" ones of 宁乡市 / 贺家湾村, "Foreign"
    /// ones of 花垣县 / 十八洞村.
    /// </summary>
    public sealed class Work
    {
        public string Today { get; init; } = "2026-01-01";
        public string Year => Today[..4];
        public Guid OwnEmployer { get; init; }
        public Guid ForeignEmployer { get; init; }
        /// <summary>Pending review: the review case publishes it.</summary>
        public Guid OwnVacancy { get; init; }
        /// <summary>Pending review, never published (so the public fair never lists it).</summary>
        public Guid ForeignVacancy { get; init; }
        /// <summary>Published: marked filled and withdrawn by the cases.</summary>
        public Guid SpareVacancy { get; init; }
        /// <summary>Published and left open: the public fair's vacancy.</summary>
        public Guid OpenVacancy { get; init; }
        public Guid OwnSeeker { get; init; }
        public Guid ForeignSeeker { get; init; }
        public Guid OwnReferral { get; init; }
        public Guid ForeignReferral { get; init; }
        public Guid OwnFollowUp { get; init; }
        public Guid ForeignFollowUp { get; init; }
        public Guid OwnMessage { get; init; }
        public Guid ForeignMessage { get; init; }
        public Guid OwnBatch { get; init; }
        public Guid ForeignBatch { get; init; }
        /// <summary>Two passengers of 贺家湾村 on the own batch (one removed, one boarded by the cases) and one of 十八洞村 on the foreign one.</summary>
        public Guid OwnPassenger { get; init; }
        public Guid OwnPassenger2 { get; init; }
        public Guid ForeignPassenger { get; init; }
        /// <summary>A person of 贺家湾村 not on the own batch (added by the cases) and their person number.</summary>
        public Guid Boarding { get; init; }
        public string BoardingNumber { get; init; } = "";
        public Guid OwnFair { get; init; }
        public Guid ForeignFair { get; init; }
        public Guid OwnInterest { get; init; }
        public Guid ForeignInterest { get; init; }
        /// <summary>Interest in the open vacancy by someone the registry does not know (宁乡市 follows it up), linked by the county officer's case to the person with <see cref="LinkIdNumber"/> (贺家湾村).</summary>
        public Guid LinkInterest { get; init; }
        public string LinkIdNumber { get; init; } = "";
    }

    /// <summary>Names of 花垣县's employer, vacancy, batch organiser and fair: no answer to a 宁乡市 user may hold them.</summary>
    public static readonly string[] ForeignMarkers = ["花垣县苗绣合作社", "苗绣绣工（花垣）", "花垣县劳务协作站", "花垣县春风行动招聘会"];

    private static readonly Data Placeholder = new(new Person { Name = "某某" }, new Person { Name = "某某" }, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty,
        Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, "", new Work());

    /// <summary>Whether a role may use the case's route: every one of its needs held (a need "a|b" by either).</summary>
    public static bool Allows(Case c, string role)
    {
        if (c.Needs is [Anonymous] or [SignedIn]) return true;
        var held = RolePermissions.Of(role);
        return c.Needs.All(n => n.Split('|').Any(held.Contains));
    }

    /// <summary>Whether the role's scope takes in 十八洞村 (nationwide and 湖南省 do: for them the "outside" request is inside).</summary>
    private static bool SeesShibadong(string role) =>
        RoleAccounts.Single(r => r.Role == role).Region is { } region && RegistryWebTest.Shibadong.StartsWith(region, StringComparison.Ordinal);

    [Fact]
    public void Every_page_and_handler_has_a_case_in_this_table()
    {
        var cases = Cases(Placeholder).Select(c => c.Key).ToList();
        Assert.Equal(cases.Distinct().Count(), cases.Count);
        Assert.Equal(PageRoutes(a.Services).Order(StringComparer.Ordinal), cases.Order(StringComparer.Ordinal));
        Assert.All(Cases(Placeholder), c =>
        {
            Assert.True(c.OutOfScope is not null || !string.IsNullOrEmpty(c.Unscoped), $"{c.Key} has no out-of-scope case and no reason");
            Assert.True(c.Needs is [Anonymous] || c.Actor == Anonymous || Allows(c, c.Actor), $"{c.Key}: {c.Actor} may not use it");
        });
    }

    [Fact]
    public void Every_endpoint_is_a_page_or_an_api_route_with_its_own_table()
    {
        var others = a.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => !p.StartsWith("/api/v1/", StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        // The OpenAPI document and the API browser: behind sign-in or a token (OpenApiTests), no personal data.
        Assert.Equal(["/api/docs/{**path}", "/openapi/{documentName}.json"], others);
    }

    [Fact]
    public async Task Without_signing_in_every_page_but_the_open_ones_sends_to_the_sign_in_page()
    {
        var client = a.NewClient();
        foreach (var c in Cases(a.D))
        {
            var response = await a.SendAsync(client, c.InScope, token: c.Needs is [Anonymous] ? await a.AnonymousTokenAsync(client) : null);
            var body = await response.Content.ReadAsStringAsync();
            if (c.Needs is [Anonymous]) AssertExpected(c, response, body);
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{c.Key}: {(int)response.StatusCode} {body}");
                Assert.StartsWith("/Account/Login", Location(response));
            }
            a.NoForeignData(c.Key, body);
        }
    }

    [Fact]
    public async Task Every_role_without_the_permission_is_denied_every_page_and_handler()
    {
        var denied = 0;
        foreach (var c in Cases(a.D))
        foreach (var (role, _, _) in RoleAccounts.Where(r => !Allows(c, r.Role)))
        {
            foreach (var request in new[] { c.InScope, c.OutOfScope }.OfType<Req>())
            {
                var response = await a.SendAsync(a.Clients[role], request);
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                Assert.True(status == 403 || (status == 302 && Location(response).StartsWith("/Account/Denied", StringComparison.Ordinal)),
                    $"{c.Key} as {role}: {status} {response.Headers.Location} {Excerpt(body)}");
                a.NoForeignData(c.Key, body);
                a.NoHejiawanData(c.Key + " as " + role, body);
            }
            denied++;
        }
        Assert.True(denied > 100, denied.ToString());
    }

    [Fact]
    public async Task Gets_answer_in_scope_and_404_outside_it_to_every_role_with_the_permission_and_change_nothing()
    {
        foreach (var c in Cases(a.D).Where(c => c.InScope.Method == "GET" && c.Needs is not [Anonymous]))
        {
            var before = await a.SnapshotAsync();
            foreach (var (role, _, _) in RoleAccounts.Where(r => Allows(c, r.Role)))
            {
                var client = a.Clients[role];
                var inside = await a.SendAsync(client, c.InScope);
                var body = await a.BodyAsync(inside);
                if ((c.OwnerOnly && role != c.Actor) || (c.NotFoundFor?.Contains(role) ?? false))
                    Assert.True(inside.StatusCode == HttpStatusCode.NotFound, $"{c.Key} as {role}: expected 404 (not theirs), got {(int)inside.StatusCode}");
                else AssertExpected(c, inside, body, role);
                if (!SeesShibadong(role)) a.NoForeignData($"{c.Key} as {role}", body);
                if (c.OutOfScope is null) continue;
                var outside = await a.SendAsync(client, c.OutOfScope);
                var problem = await a.BodyAsync(outside);
                if (SeesShibadong(role) && !c.OwnerOnly && c.Unscoped is null)
                {
                    Assert.True(outside.IsSuccessStatusCode || (int)outside.StatusCode == c.Expect, $"{c.Key} as {role} (十八洞村 is theirs): {(int)outside.StatusCode}");
                    continue;
                }
                Assert.True(c.OutOfScopeStatus == (int)outside.StatusCode, $"{c.Key} as {role}: expected {c.OutOfScopeStatus} outside the scope, got {(int)outside.StatusCode} {Excerpt(problem)}");
                a.NoForeignData($"{c.Key} as {role}, outside", problem);
            }
            Assert.Equal(before, await a.SnapshotAsync());
        }
    }

    /// <summary>The acceptance: 贺家湾村's officer reads, lists, exports and counts 贺家湾村's people, and nothing of 十八洞村's by any page.</summary>
    [Fact]
    public async Task The_village_officer_of_hejiawan_reaches_hejiawan_and_nothing_of_shibadong_by_any_page()
    {
        var village = a.Clients[Roles.VillageOfficer];
        var reached = 0;
        foreach (var c in Cases(a.D).Where(c => c.InScope.Method == "GET" && Allows(c, Roles.VillageOfficer) && c.Needs is not [Anonymous] and not [SignedIn]))
        {
            var inside = await a.SendAsync(village, c.InScope);
            var body = await a.BodyAsync(inside);
            AssertExpected(c, inside, body, Roles.VillageOfficer);
            a.NoForeignData(c.Key, body);
            if (c.OutOfScope is not null)
            {
                var outside = await a.SendAsync(village, c.OutOfScope);
                Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
                a.NoForeignData(c.Key, await a.BodyAsync(outside));
            }
            reached++;
        }
        Assert.True(reached >= 10, reached.ToString());
    }

    [Fact]
    public async Task Posts_answer_404_outside_the_scope_changing_nothing_and_act_inside_it()
    {
        foreach (var c in Cases(a.D).Where(c => c.InScope.Method == "POST"))
        {
            if (c.OutOfScope is not null)
            {
                var before = await a.SnapshotAsync();
                foreach (var (role, _, _) in RoleAccounts.Where(r => Allows(c, r.Role) && (!SeesShibadong(r.Role) || c.Unscoped is not null || c.OwnerOnly
                             || c.Key.StartsWith("POST /Account/", StringComparison.Ordinal))))
                {
                    var outside = await a.SendAsync(a.Clients[role], c.OutOfScope);
                    var body = await a.BodyAsync(outside);
                    Assert.True(c.OutOfScopeStatus == (int)outside.StatusCode,
                        $"{c.Key} as {role}: expected {c.OutOfScopeStatus} outside the scope, got {(int)outside.StatusCode} {outside.Headers.Location} {Excerpt(body)}");
                    a.NoForeignData($"{c.Key} as {role}, outside", body);
                }
                Assert.Equal(before, await a.SnapshotAsync());
            }

            var client = c.Actor == Anonymous ? a.NewClient() : c.FreshClient ? await a.FreshClientAsync(c.Actor) : a.Clients[c.Actor];
            var token = c.Actor == Anonymous ? await a.AnonymousTokenAsync(client) : null;
            var inside = await a.SendAsync(client, c.InScope, token);
            var text = await a.BodyAsync(inside);
            AssertExpected(c, inside, text, c.Actor);
            if (!SeesShibadong(c.Actor == Anonymous ? Roles.VillageOfficer : c.Actor)) a.NoForeignData(c.Key, text);
        }

        // Nothing of 十八洞村's was touched: its issue is open, its import still checked, the other user's session and token alive.
        await a.ForeignDataUntouchedAsync();
    }

    private void AssertExpected(Case c, HttpResponseMessage response, string body, string? role = null)
    {
        Assert.True(c.Expect == (int)response.StatusCode,
            $"{c.Key}{(role is null ? "" : " as " + role)}: expected {c.Expect}, got {(int)response.StatusCode} {response.Headers.Location} {Excerpt(body)}\n{a.Errors()}");
        if (c.ExpectLocation is { } location)
            Assert.True(Location(response) is { Length: > 0 } actual && (actual == location || actual.StartsWith(location + "?", StringComparison.Ordinal)
                || actual.StartsWith(location + "#", StringComparison.Ordinal) || actual.StartsWith(location + "/", StringComparison.Ordinal)), $"{c.Key}: sent to {response.Headers.Location}, expected {location}");
        if (!c.RevealsIdentifiers) a.NoFullIdentifiers(c.Key, body);
    }

    /// <summary>Where a redirect goes, as a path and query.</summary>
    private static string Location(HttpResponseMessage response) =>
        response.Headers.Location is not { } uri ? "" : uri.IsAbsoluteUri ? uri.PathAndQuery + uri.Fragment : uri.OriginalString;

    private static string Excerpt(string body) => body.Length > 600 ? body[..600] : body;

    /// <summary>
    /// "METHOD /path" and "METHOD /path?handler=Name" for every page endpoint and handler of its compiled model (a page answers GET
    /// even without an OnGet), the way Razor Pages itself finds them.
    /// </summary>
    public static IReadOnlyList<string> PageRoutes(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var routes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page) continue;
            var path = page.ViewEnginePath.EndsWith("/Index", StringComparison.Ordinal) ? page.ViewEnginePath[..^"/Index".Length] : page.ViewEnginePath;
            if (path.Length == 0) path = "/";
            var compiled = loader.LoadAsync(page, endpoint.Metadata).GetAwaiter().GetResult();
            routes.Add($"GET {path}");
            foreach (var handler in compiled.HandlerMethods)
                routes.Add($"{handler.HttpMethod.ToUpperInvariant()} {path}{(handler.Name is null ? "" : "?handler=" + handler.Name)}");
        }
        return routes.ToList();
    }

    /// <summary>
    /// One host and database for the whole table: the seed roster of five villages (贺家湾村 and 十八洞村 among them), an account
    /// and a signed-in client per role (the employer account tied to 宁乡市's employer), the imports, jobs, tokens, sessions and issues
    /// the cases point at, and the employment services records of both counties (<see cref="Work"/>).
    /// </summary>
    public sealed class Arranged : RegistryWebTest
    {
        public Data D { get; private set; } = null!;
        public Dictionary<string, HttpClient> Clients { get; } = [];
        public new IServiceProvider Services => base.Services;

        private HashSet<string> foreignPeople = [];
        private HashSet<string> hejiawanNumbers = [];
        private HashSet<string> fullIds = [];
        private readonly Dictionary<HttpClient, string> tokens = [];

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            // The seed roster with a phone number one digit short in each of the two villages: an open quality issue in each.
            var (headers, rows) = RosterFiles.Read(Fixtures.SeedVillages);
            var (village, phone) = (RosterFiles.Column(headers, "村"), RosterFiles.Column(headers, "成员联系电话"));
            foreach (var name in new[] { "贺家湾村", "十八洞村" }) rows.First(r => r[village] == name && r[phone] is not null)[phone] = "1362913521";
            await ImportAsync(RosterFiles.WriteCsv(Database.DataDirectory, "seed-villages.csv", headers, rows));
            var work = await ArrangeEmploymentAsync();
            foreach (var (role, user, region) in RoleAccounts)
                Clients[role] = role == Roles.Employer ? await EmployerSignInAsync(user, work.OwnEmployer) : await SignInAsync(user, region, role);
            var spare = await SignInAgainAsync("hejiawan");
            var huayuan = await SignInAsync("huayuan", "433124");
            await CreateAccountAsync("target", Hejiawan, [Roles.VillageOfficer]);

            Guid own, foreign, ownJob, foreignJob, ownToken, foreignToken;
            await using (var scope = Services.InScope(RegionScope.Of("430182")))
                own = (await scope.Get<RosterImportService>().ImportAsync(new RosterImportRequest(Fixtures.SeedVillages, "seed.xlsx", Period.Parse("2021-12"),
                    DryRun: true, UserName: "ningxiang", KeepForCommit: true), null, CancellationToken.None)).ImportId;
            await using (var scope = Services.InScope(RegionScope.Of("433124")))
                foreign = (await scope.Get<RosterImportService>().ImportAsync(new RosterImportRequest(Fixtures.SeedVillages, "seed.xlsx", Period.Parse("2021-12"),
                    DryRun: true, UserName: "huayuan", KeepForCommit: true), null, CancellationToken.None)).ImportId;
            var jobs = Services.GetRequiredService<JobRunner>();
            ownJob = jobs.Enqueue("test", Accounts["ningxiang"].User.Id, RegionScope.Of("430182"), (_, _, _) => Task.FromResult<object?>(null)).Id;
            foreignJob = jobs.Enqueue("test", Accounts["huayuan"].User.Id, RegionScope.Of("433124"), (_, _, _) => Task.FromResult<object?>(null)).Id;
            await using (var scope = Services.InScope())
            {
                var tokenService = scope.Get<AccessTokenService>();
                var view = new HashSet<string> { P.RegistryView };
                ownToken = (await tokenService.CreateAsync(new AccessTokenOwner(Accounts["hejiawan"].User.Id, view, RegistryWebTest.Hejiawan),
                    new AccessTokenRequest("测试", 30, [P.RegistryView], null))).Token.Id;
                foreignToken = (await tokenService.CreateAsync(new AccessTokenOwner(Accounts["huayuan"].User.Id, view, "433124"),
                    new AccessTokenRequest("测试", 30, [P.RegistryView], null))).Token.Id;
            }
            var spareSession = (await SessionsOfAsync("hejiawan")).Last().Id;
            var foreignSession = (await SessionsOfAsync("huayuan")).Last().Id;
            GC.KeepAlive(spare);
            GC.KeepAlive(huayuan);

            await using (var scope = Services.InScope())
            {
                var db = scope.Get<AppDbContext>();
                var hejiawanIssue = await db.Set<QualityIssue>().Where(i => i.RegionCode == Hejiawan && i.State == QualityIssueState.Open).Select(i => i.Id).FirstAsync();
                var shibadongIssue = await db.Set<QualityIssue>().Where(i => i.RegionCode == Shibadong && i.State == QualityIssueState.Open).Select(i => i.Id).FirstAsync();
                var protector = scope.Get<PersonalDataProtector>();
                var people = await db.Set<Person>().AsNoTracking().ToListAsync();
                fullIds = people.Select(p => protector.Decrypt(p.IdNumberCipher))
                    .Concat(people.Where(p => p.PhoneCipher is { Length: > 0 }).Select(p => protector.Decrypt(p.PhoneCipher!))).ToHashSet();
                var shibadong = people.Where(p => p.RegionCode == Shibadong).ToList();
                foreignPeople = shibadong.SelectMany(p => new[] { p.PersonNumber, p.IdNumberMasked, protector.Decrypt(p.IdNumberCipher) })
                    .Concat(shibadong.Select(p => p.Name).Where(n => n.Length >= 2 && !people.Any(o => o.RegionCode != Shibadong && o.Name == n)))
                    .ToHashSet();
                hejiawanNumbers = people.Where(p => p.RegionCode == Hejiawan).Select(p => p.PersonNumber).ToHashSet();
                D = new Data(await PersonAsync(Hejiawan), await PersonAsync(Shibadong), hejiawanIssue, shibadongIssue, own, foreign, ownJob, foreignJob,
                    ownToken, foreignToken, spareSession, foreignSession, Accounts["target"].User.Id, work);
                foreignPeople.UnionWith(ForeignMarkers);
            }
        }

        /// <summary>An employer account tied to <paramref name="employer"/> by its claim, signed in.</summary>
        private async Task<HttpClient> EmployerSignInAsync(string userName, Guid employer)
        {
            await CreateAccountAsync(userName, null, [Roles.Employer]);
            await using (var scope = Services.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                await users.AddClaimAsync((await users.FindByNameAsync(userName))!, new(EmployerAccount.ClaimType, employer.ToString()));
            }
            return await SignInAgainAsync(userName);
        }

        /// <summary>
        /// The employment services records of both counties, each made through its service in the scope of its county: employers and
        /// vacancies (one pending review each, two published of 宁乡市), jobseeker profiles, 311 service records, an SMS in the outbox,
        /// a referral with a placement and its follow-ups, a transport batch with passengers, a job fair and an interest from the
        /// online fair matched to a person of each village.
        /// </summary>
        private async Task<Work> ArrangeEmploymentAsync()
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), Clock.LocalTimeZone).DateTime);
            List<Person> hejiawan, shibadong;
            Dictionary<Guid, string> ids;
            await using (var scope = Services.InScope())
            {
                var people = await scope.Get<AppDbContext>().Set<Person>().AsNoTracking().Where(p => p.RegionCode == Hejiawan || p.RegionCode == Shibadong)
                    .OrderBy(p => p.PersonNumber).ToListAsync();
                (hejiawan, shibadong) = (people.Where(p => p.RegionCode == Hejiawan).ToList(), people.Where(p => p.RegionCode == Shibadong).ToList());
                var protector = scope.Get<PersonalDataProtector>();
                ids = people.ToDictionary(p => p.Id, p => protector.Decrypt(p.IdNumberCipher));
            }
            var (own, foreign) = (await SideAsync("430182", "433124110", "比亚迪汽车工业有限公司", "91440300192317458F", "钢筋工（宁乡）", "4403", hejiawan, ids, today,
                    publishMore: true),
                await SideAsync("433124", "433124110", ForeignMarkers[0], "914403001922038216", ForeignMarkers[1], "4301", shibadong, ids, today, publishMore: false));
            return new Work
            {
                Today = today.ToString("yyyy-MM-dd"),
                OwnEmployer = own.Employer, ForeignEmployer = foreign.Employer, OwnVacancy = own.Pending, ForeignVacancy = foreign.Pending,
                SpareVacancy = own.Spare, OpenVacancy = own.Open, OwnSeeker = own.Seeker, ForeignSeeker = foreign.Seeker,
                OwnReferral = own.Referral, ForeignReferral = foreign.Referral, OwnFollowUp = own.FollowUp, ForeignFollowUp = foreign.FollowUp,
                OwnMessage = own.Message, ForeignMessage = foreign.Message, OwnBatch = own.Batch, ForeignBatch = foreign.Batch,
                OwnPassenger = own.Passengers[0], OwnPassenger2 = own.Passengers[1], ForeignPassenger = foreign.Passengers[0],
                Boarding = hejiawan[^1].Id, BoardingNumber = hejiawan[^1].PersonNumber, OwnFair = own.Fair, ForeignFair = foreign.Fair,
                OwnInterest = await InterestAsync(own.Open, hejiawan[1], ids, "13912340001"),
                ForeignInterest = await InterestAsync(own.Open, shibadong[1], ids, "13912340002"),
                LinkInterest = await UnmatchedInterestAsync(own.Open, "13912340003"),
                LinkIdNumber = ids[hejiawan[4].Id],
            };
        }

        private sealed record Side(Guid Employer, Guid Pending, Guid Spare, Guid Open, Guid Seeker, Guid Referral, Guid FollowUp, Guid Message, Guid Batch,
            List<Guid> Passengers, Guid Fair);

        /// <summary>One county's records (<paramref name="county"/>), about the first people of its village (<paramref name="village"/>).</summary>
        private async Task<Side> SideAsync(string county, string fairTownship, string employerName, string creditCode, string title, string destination,
            List<Person> village, Dictionary<Guid, string> ids, DateOnly today, bool publishMore)
        {
            await using var scope = Services.InScope(RegionScope.Of(county));
            var employer = (await scope.Get<EmployerService>().SaveAsync(null,
                new EmployerInput(employerName, creditCode, null, county, null, "李经理", "13912345678", null)))!.Employer!.Id;
            var vacancies = scope.Get<VacancyService>();
            VacancyInput Vacancy(string t) => new()
            {
                Title = t, OccupationCode = "6-29-01-04", Headcount = 10, WageMin = 4000, WageMax = 6000, WorkplaceRegionCode = county, ExpiresOn = today.AddDays(30),
            };
            var pending = (await vacancies.CreateAsync(employer, Vacancy(title), VacancySource.Officer))!.Vacancy!.Id;
            Guid spare = Guid.Empty, open = Guid.Empty;
            if (publishMore)
            {
                spare = (await vacancies.CreateAsync(employer, Vacancy("普工（宁乡）"), VacancySource.Officer))!.Vacancy!.Id;
                open = (await vacancies.CreateAsync(employer, Vacancy("叉车司机（宁乡）"), VacancySource.Officer))!.Vacancy!.Id;
                await vacancies.ReviewAsync(spare, true, null);
                await vacancies.ReviewAsync(open, true, null);
            }
            var seeker = village[0];
            Assert.Empty((await scope.Get<JobseekerService>().SaveAsync(seeker.Id, new JobseekerInput { ExpectedWageMin = 3500, WantedOccupationCodes = ["6-29-01-04"] }))!
                .Value.Errors);
            await scope.Get<Ledger311Service>().RecordAsync([seeker.Id], new ServiceInput(ServiceKind.CareerGuidance, today, ServiceChannel.Phone, "职业指导"), "测试");
            var withPhone = village.First(p => p.PhoneCipher is { Length: > 0 }).Id;
            var message = (await scope.Get<OutboxService>().QueueAsync([withPhone], "有新岗位，请联系村委会。", null, "测试")).Messages.Single().Id;
            var referrals = scope.Get<ReferralService>();
            var start = today.AddMonths(-2);
            // The audit trail records the job and employer of a referral (no personal data, but the county's own): other names than the markers.
            var referral = await referrals.CreateAsync(new ReferralInput(seeker.Id, publishMore ? pending : null, "普工", "某公司", ReferralSource.Push, start), "测试");
            await referrals.RecordOutcomeAsync(referral.Id, ReferralOutcome.Hired, start, new PlacementInput(employer, "某公司", start, 4500m, county), "测试");
            var followUp = (await referrals.OpenFollowUpsAsync(county)).OrderBy(f => f.FollowUp.DueOn).First().FollowUp.Id;
            var transport = scope.Get<TransportService>();
            var (batch, errors) = await transport.CreateAsync(new TransportBatchInput(county, publishMore ? "宁乡市人社局" : ForeignMarkers[2], today.AddDays(7), county,
                destination, employerName, employer, TransportMode.Bus, 40, 1500m, TransportPayer.Government, null), "测试", default);
            Assert.Empty(errors);
            var passengers = new List<Guid>();
            foreach (var person in village.Skip(1).Take(2))
                passengers.Add((await transport.AddPassengerAsync(batch!.Value, person.Id, "测试", default)).Id);
            var (fair, fairErrors) = await scope.Get<JobFairService>().SaveAsync(null,
                new FairInput(publishMore ? "宁乡市春风行动招聘会" : ForeignMarkers[3], today.AddDays(3), publishMore ? "430182106" : fairTownship, null, null));
            Assert.Empty(fairErrors);
            return new Side(employer, pending, spare, open, seeker.Id, referral.Id, followUp, message, batch!.Value, passengers, fair!.Id);
        }

        /// <summary>Interest in <paramref name="vacancy"/> from the online fair by <paramref name="person"/> (with their ID number: matched to them).</summary>
        private async Task<Guid> InterestAsync(Guid vacancy, Person person, Dictionary<Guid, string> ids, string phone)
        {
            await using var scope = Services.InScope();
            Assert.True((await scope.Get<VacancyInterestService>().RegisterAsync(vacancy, new InterestInput(person.Name, phone, ids[person.Id]))).Succeeded);
            return await scope.Get<AppDbContext>().Set<VacancyInterest>().Where(i => i.PhoneMasked == Masking.Phone(phone)).Select(i => i.Id).SingleAsync();
        }

        /// <summary>Interest in <paramref name="vacancy"/> from the online fair by someone not in the registry: the vacancy's county follows it up.</summary>
        private async Task<Guid> UnmatchedInterestAsync(Guid vacancy, string phone)
        {
            await using var scope = Services.InScope();
            Assert.True((await scope.Get<VacancyInterestService>().RegisterAsync(vacancy, new InterestInput("路人甲", phone, null))).Succeeded);
            return await scope.Get<AppDbContext>().Set<VacancyInterest>().Where(i => i.PhoneMasked == Masking.Phone(phone)).Select(i => i.Id).SingleAsync();
        }

        public HttpClient NewClient() => Client();

        public Task<HttpClient> FreshClientAsync(string role) => SignInAgainAsync(RoleAccounts.Single(r => r.Role == role).User);

        public string Errors() => ServerErrors();

        /// <summary>An antiforgery token for a client without a session (from the sign-in page).</summary>
        public async Task<string> AnonymousTokenAsync(HttpClient? client = null)
        {
            client ??= NewClient();
            return TokenOf(await client.GetStringAsync("/Account/Login"));
        }

        /// <summary>Sends the request; a POST carries the client's antiforgery token (taken once from its home page).</summary>
        public async Task<HttpResponseMessage> SendAsync(HttpClient client, Req request, string? token = null)
        {
            if (request.Method == "GET") return await client.GetAsync(request.Url);
            if (token is null && !tokens.TryGetValue(client, out token))
            {
                var home = await client.GetAsync("/");
                token = home.StatusCode == HttpStatusCode.OK ? TokenOf(await home.Content.ReadAsStringAsync()) : "";
                if (token.Length > 0) tokens[client] = token;
            }
            var fields = new Dictionary<string, string>(request.Form ?? []) { ["__RequestVerificationToken"] = token };
            return await client.PostAsync(request.Url, new FormUrlEncodedContent(fields));
        }

        /// <summary>The body as text; a spreadsheet as the text of its parts (shared strings and sheets).</summary>
        public async Task<string> BodyAsync(HttpResponseMessage response)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync();
            if (response.Content.Headers.ContentType?.MediaType is not { } type || !type.Contains("spreadsheetml", StringComparison.Ordinal))
                return Encoding.UTF8.GetString(bytes);
            using var zip = new ZipArchive(new MemoryStream(bytes));
            var text = new StringBuilder();
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(entry.Open());
                text.Append(await reader.ReadToEndAsync());
            }
            Assert.True(text.Length > 0);
            return WebUtility.HtmlDecode(text.ToString());
        }

        /// <summary>Nothing that identifies a person of 十八洞村: person numbers, masked and full ID numbers, names (those no one elsewhere has).</summary>
        public void NoForeignData(string what, string body)
        {
            var leak = foreignPeople.FirstOrDefault(f => body.Contains(f, StringComparison.Ordinal));
            Assert.True(leak is null, $"{what} answers {leak} of 十八洞村");
        }

        /// <summary>Nothing of 贺家湾村's people either (for roles refused the route).</summary>
        public void NoHejiawanData(string what, string body)
        {
            var leak = hejiawanNumbers.FirstOrDefault(n => body.Contains(n, StringComparison.Ordinal));
            Assert.True(leak is null, $"{what} answers person {leak}");
        }

        public void NoFullIdentifiers(string what, string body)
        {
            var leak = fullIds.FirstOrDefault(id => body.Contains(id, StringComparison.Ordinal));
            Assert.True(leak is null, $"{what} answers a full ID or phone number");
        }

        /// <summary>
        /// Rows per table, and the sum of row versions where a table has them, of every table but the audit trail's (reading is
        /// audited by design) — what a GET must leave as it was.
        /// </summary>
        public async Task<string> SnapshotAsync()
        {
            await using var scope = Services.InScope();
            var db = scope.Get<AppDbContext>();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            var lines = new List<string>();
            foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is { } t && !t.StartsWith("aud_", StringComparison.Ordinal))
                         .OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
            {
                var table = entity.GetTableName()!;
                var version = entity.FindProperty("Version")?.GetColumnName();
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*){(version is null ? "" : $", COALESCE(SUM(\"{version}\"), 0)")} FROM \"{table}\"";
                await using var reader = await command.ExecuteReaderAsync();
                await reader.ReadAsync();
                lines.Add($"{table}: {reader.GetValue(0)}{(version is null ? "" : " v" + reader.GetValue(1))}");
            }
            return string.Join('\n', lines.Distinct());
        }

        public async Task ForeignDataUntouchedAsync()
        {
            await using var scope = Services.InScope();
            var db = scope.Get<AppDbContext>();
            Assert.Equal(QualityIssueState.Open, (await db.Set<QualityIssue>().SingleAsync(i => i.Id == D.ShibadongIssue)).State);
            Assert.Equal(RosterImportState.DryRun, (await db.Set<RosterImportRecord>().SingleAsync(i => i.Id == D.ForeignImport)).State);
            Assert.Contains(await scope.Get<SessionService>().ActiveAsync(Accounts["huayuan"].User.Id), s => s.Id == D.ForeignSession);
            Assert.Contains(await scope.Get<AccessTokenService>().ListAsync(Accounts["huayuan"].User.Id), t => t.Id == D.ForeignToken && t.RevokedAt is null);
            var w = D.W;
            Assert.Equal(ForeignMarkers[0], (await db.Set<Employer>().SingleAsync(e => e.Id == w.ForeignEmployer)).Name);
            Assert.Equal(VacancyState.PendingReview, (await db.Set<Vacancy>().SingleAsync(v => v.Id == w.ForeignVacancy)).State);
            Assert.Equal(TransportBatchState.Planned, (await db.Set<TransportBatch>().SingleAsync(b => b.Id == w.ForeignBatch)).State);
            Assert.Equal(2, await db.Set<TransportPassenger>().CountAsync(p => p.BatchId == w.ForeignBatch));
            Assert.Null((await db.Set<FollowUp>().SingleAsync(f => f.Id == w.ForeignFollowUp)).DoneOn);
            Assert.Equal(ReferralOutcome.Hired, (await db.Set<Referral>().SingleAsync(r => r.Id == w.ForeignReferral)).Outcome);
            Assert.Equal(InterestState.New, (await db.Set<VacancyInterest>().SingleAsync(i => i.Id == w.ForeignInterest)).State);
        }

        private static string TokenOf(string html)
        {
            var match = Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"");
            Assert.True(match.Success, "no antiforgery token");
            return WebUtility.HtmlDecode(match.Groups[1].Value);
        }
    }
}
