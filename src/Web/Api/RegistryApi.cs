using Bangfu.Platform.Scope;
using Bangfu.Platform.Security;
using Bangfu.Registry.CodeLists;
using Bangfu.Registry.DataQuality;
using Bangfu.Registry.People;
using Bangfu.Registry.Regions;
using Bangfu.Registry.RosterExport;
using Bangfu.Registry.RosterImport;
using Microsoft.AspNetCore.Mvc;

namespace Bangfu.Web.Api;

/// <summary>A person in a list: identifiers masked (ID number 6+4, phone 3+4), code-list values by code and Chinese name.</summary>
public sealed record PersonItem(
    Guid Id, string RegionCode, string VillageName, string HouseholdNumber, string PersonNumber, string Name, string? Sex,
    DateOnly? BirthDate, string IdNumberMasked, string? PhoneMasked, string? Relationship, string? LabourCapacityCode,
    string? LabourCapacity, int? MonthsWorked, string? Workplace, string? MonitoringTypeCode, string? MonitoringType, string Url);

/// <summary>A page of people. Continue with <c>after = next_after</c> (keyset paging: stable while data change); null on the last page.</summary>
public sealed record PeoplePage(IReadOnlyList<PersonItem> Items, int Total, Guid? NextAfter, string? Next);

/// <summary>Filters of the people list sent in the request body (a name never goes into a URL).</summary>
/// <param name="Region">Region code (2-12 digits) inside the caller's scope; empty for the whole scope.</param>
/// <param name="Name">Part of the name.</param>
/// <param name="LabourCapacity">劳动技能, by code or Chinese name.</param>
/// <param name="MonitoringType">监测对象类别, by code or Chinese name, or "any" for every monitored household.</param>
/// <param name="After">Continue after this person (the previous page's next_after).</param>
/// <param name="Limit">Page size, 1-500 (default 100).</param>
public sealed record PeopleQuery(string? Region, string? Name, string? LabourCapacity, string? MonitoringType, Guid? After, int? Limit);

/// <summary>A full document number to look up, sent in the body only.</summary>
/// <param name="IdNumber">居民身份证号码 (18 or 15 characters) or another document's number.</param>
public sealed record IdNumberQuery(string? IdNumber);

/// <summary>One of the 47 roster values: the column's header and its value (masked where personal, null when withheld or empty).</summary>
public sealed record RosterField(string Column, string? Value);

public sealed record HouseholdItem(Guid Id, string HouseholdNumber, string? PhoneMasked, string? MonitoringTypeCode, string? MonitoringType,
    bool? RiskCleared, DateOnly? RiskClearedOn);

public sealed record MemberEntry(Guid PersonId, string Name, string PersonNumber, string? Relationship, DateOnly ValidFrom, DateOnly? ValidTo, string Url);

public sealed record ChangeEntry(DateTimeOffset ChangedAt, string Field, string? OldValue, string? NewValue, string? ChangedBy);

public sealed record IssueEntry(string RuleCode, string Rule, string Column, string Message);

/// <summary>A person's record as the person page shows it.</summary>
public sealed record PersonRecord(
    Guid Id, string RegionCode, string VillageName, string PersonNumber, string Name, string IdNumberMasked, string? PhoneMasked,
    DateTimeOffset UpdatedAt, IReadOnlyList<RosterField> Fields, HouseholdItem Household, IReadOnlyList<MemberEntry> Members,
    IReadOnlyList<ChangeEntry> Changes, IReadOnlyList<IssueEntry> OpenIssues);

/// <summary>
/// <c>/api/v1/registry</c>: the people of the caller's scope, as the people pages show them (人员清单 and the person
/// record). Identifiers are masked; names and sensitive fields follow the caller's permissions (<see cref="ApiMasking"/>).
/// Viewing a record and looking up a number are audited like the pages' (人员 person.view, person.search).
/// </summary>
internal static class RegistryApi
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    private static CodeLists Codes => CodeLists.Default;

    public static void MapRegistryApi(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/registry/people").WithTags("人员").RequireAuthorization(Permissions.RegistryView);
        people.MapGet("", ListAsync)
            .WithName("ListPeople")
            .WithSummary("人员清单")
            .WithDescription("某区域（默认整个管辖区域）的人员，按村、人口编号排序，键集分页：下一页用 after=next_after。" +
                             "可按劳动技能（labour_capacity）和监测对象类别（monitoring_type，any 表示所有监测户）筛选。" +
                             "按姓名筛选请用 POST /api/v1/registry/people/search，姓名不放在网址里。身份证号码和电话为脱敏形式。")
            .Produces<PeoplePage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        people.MapPost("/search", SearchAsync)
            .WithName("SearchPeople")
            .WithSummary("人员清单（条件在请求体中）")
            .WithDescription("与 GET 人员清单相同，条件（含姓名的一部分）放在 JSON 请求体中，不进入网址、浏览器历史和日志。")
            .Accepts<PeopleQuery>("application/json")
            .Produces<PeoplePage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        people.MapPost("/by-id-number", ByIdNumberAsync)
            .WithName("FindPeopleByIdNumber")
            .WithSummary("按身份证号码查找")
            .WithDescription("号码只能放在 JSON 请求体中（id_number），绝不放在网址里。按号码的密钥散列查找，只在管辖区域内查找；" +
                             "找不到（或不在管辖区域内）答 404。返回的号码为脱敏形式。每次查找记入审计日志。")
            .Accepts<IdNumberQuery>("application/json")
            .Produces<IReadOnlyList<PersonItem>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        people.MapGet("/{id:guid}", GetAsync)
            .WithName("GetPerson")
            .WithSummary("人员档案")
            .WithDescription("一个人的 47 项花名册信息（身份证号码、电话脱敏）、家庭及成员、变更记录和待整改的数据质量问题。" +
                             "管辖区域以外的答 404。每次查看记入审计日志（person.view）。")
            .Produces<PersonRecord>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(HttpContext http, PeopleService service, RegionDirectory regions, RegionScopeAccessor scope,
        string? region, [FromQuery(Name = "labour_capacity")] string? labourCapacity, [FromQuery(Name = "monitoring_type")] string? monitoringType,
        string? after, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        Guid? afterId = null;
        if (!string.IsNullOrWhiteSpace(after))
        {
            if (Guid.TryParse(after, out var parsed)) afterId = parsed;
            else errors.Add("after", "after 应为上一页返回的 next_after。");
        }
        var query = new PeopleQuery(region, null, labourCapacity, monitoringType, afterId, limit);
        return await PageAsync(http, service, regions, scope, query, errors, forGet: true, ct);
    }

    private static Task<IResult> SearchAsync(HttpContext http, PeopleService service, RegionDirectory regions, RegionScopeAccessor scope,
        PeopleQuery query, CancellationToken ct) =>
        PageAsync(http, service, regions, scope, query, new FieldErrors(), forGet: false, ct);

    private static async Task<IResult> PageAsync(HttpContext http, PeopleService service, RegionDirectory regions, RegionScopeAccessor scope,
        PeopleQuery query, FieldErrors errors, bool forGet, CancellationToken ct)
    {
        var limit = query.Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit) errors.Add("limit", $"limit 应为 1 至 {MaxLimit}。");
        var labour = string.IsNullOrWhiteSpace(query.LabourCapacity) ? null : Code(Codes.LabourCapacity, query.LabourCapacity);
        if (!string.IsNullOrWhiteSpace(query.LabourCapacity) && labour is null)
            errors.Add("labour_capacity", "劳动技能应为以下之一：" + Codes.LabourCapacity.AllowedValues());
        var monitoring = string.IsNullOrWhiteSpace(query.MonitoringType) ? null
            : query.MonitoringType.Trim() == PeopleService.AnyMonitoring ? PeopleService.AnyMonitoring
            : Code(Codes.MonitoringType, query.MonitoringType);
        if (!string.IsNullOrWhiteSpace(query.MonitoringType) && monitoring is null)
            errors.Add("monitoring_type", "监测对象类别应为 any 或以下之一：" + Codes.MonitoringType.AllowedValues());
        if (query.Name is { Length: > 50 }) errors.Add("name", "姓名不能超过 50 个字。");
        var (code, problem) = await RegionInScopeAsync(query.Region, regions, scope.Scope, errors, ct);
        if (errors.Any) return errors.ToResult();
        if (problem is not null) return problem;

        var page = await service.ListAsync(new PersonFilter(code!, query.Name, labour, monitoring), query.After, limit, ct);
        var names = await new RegionPaths(regions).NamesAsync(page.Items.Select(p => p.RegionCode), ct);
        var masking = new ApiMasking(http.User);
        var items = page.Items.Select(p => Item(p, names, masking)).ToList();
        var next = forGet && page.Next is { } n
            ? $"{ApiPaths.Version1}/registry/people" + Query(("region", code), ("labour_capacity", labour), ("monitoring_type", monitoring),
                ("after", n.ToString()), ("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            : null;
        return TypedResults.Ok(new PeoplePage(items, page.Total, page.Next, next));
    }

    private static async Task<IResult> ByIdNumberAsync(HttpContext http, IdNumberLookup lookup, RegionDirectory regions, IdNumberQuery query, CancellationToken ct)
    {
        var text = query.IdNumber?.Trim() ?? "";
        if (text.Length == 0) return ApiProblems.Invalid("id_number", "请填写证件号码。");
        if (text.Length > 40) return ApiProblems.Invalid("id_number", "证件号码不能超过 40 个字符。");
        var found = await lookup.FindAsync(text, ct);
        await ApiAudit.RecordAsync(http, "人员", "person.search", target: found.Count == 1 ? found[0].Id.ToString() : null,
            regionCode: found.Count == 1 ? found[0].RegionCode : null,
            details: new Dictionary<string, object?> { ["id_number"] = Masking.IdNumber(text), ["matches"] = found.Count });
        if (found.Count == 0) return ApiProblems.NotFound("在您的管辖区域内没有找到该证件号码。");
        var names = await new RegionPaths(regions).NamesAsync(found.Select(p => p.RegionCode), ct);
        var masking = new ApiMasking(http.User);
        return TypedResults.Ok(found.Select(p => Item(p, names, masking)).ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, PeopleService service, QualityIssueService issues, RegionDirectory regions, CancellationToken ct)
    {
        var masking = new ApiMasking(http.User);
        // The service records the view (人员 / person.view) as the page's does.
        if (await service.DetailAsync(id, masking.View, ct) is not { } d) return ApiProblems.NotFound("找不到该人员，或不在您的管辖范围内。");
        var p = d.Person;
        var h = d.Household;
        var columns = RosterLayout.ExportColumns;
        var fields = columns.Select((c, i) => (c, i)).Where(x => masking.Shows(x.c.Column))
            .Select(x => new RosterField(x.c.Header, masking.Value(x.c.Column, d.RosterValues[x.i]))).ToList();
        var record = new PersonRecord(
            p.Id, p.RegionCode, await new RegionPaths(regions).NameAsync(p.RegionCode, ct), p.PersonNumber, masking.Name(p.Name),
            p.IdNumberMasked, p.PhoneMasked, p.UpdatedAt, fields,
            new HouseholdItem(h.Id, h.HouseholdNumber, h.PhoneMasked, h.MonitoringTypeCode, RosterRecord.Name(Codes.MonitoringType, h.MonitoringTypeCode),
                h.RiskCleared, h.RiskClearedOn),
            d.Members.Select(m => new MemberEntry(m.PersonId, masking.Name(m.Name), m.PersonNumber, RosterRecord.Name(Codes.Relationship, m.RelationshipCode),
                m.ValidFrom, m.ValidTo, PersonUrl(m.PersonId))).ToList(),
            d.Changes.Where(c => ShowsChange(masking, c.Field))
                .Select(c => new ChangeEntry(c.ChangedAt, c.Field, masking.ChangeValue(c.Field, c.OldValue), masking.ChangeValue(c.Field, c.NewValue), c.ChangedBy)).ToList(),
            d.OpenIssues.Select(i => new IssueEntry(i.RuleCode, issues.Rule(i.RuleCode)?.Description ?? i.RuleCode, i.ColumnName, i.Message)).ToList());
        return TypedResults.Ok(record);
    }

    private static bool ShowsChange(ApiMasking masking, string field) =>
        RosterLayout.Columns.FirstOrDefault(c => c.Header == field) is not { } column || masking.Shows(column.Column);

    private static PersonItem Item(PersonListItem p, IReadOnlyDictionary<string, string> villageNames, ApiMasking masking) => new(
        p.Id, p.RegionCode, villageNames.GetValueOrDefault(p.RegionCode, p.RegionCode), p.HouseholdNumber, p.PersonNumber, masking.Name(p.Name),
        RosterRecord.Name(Codes.Sex, p.SexCode), p.BirthDate, p.IdNumberMasked, p.PhoneMasked, RosterRecord.Name(Codes.Relationship, p.RelationshipCode),
        p.LabourCapacityCode, RosterRecord.Name(Codes.LabourCapacity, p.LabourCapacityCode), p.MonthsWorked, p.WorkplaceText,
        p.MonitoringTypeCode, RosterRecord.Name(Codes.MonitoringType, p.MonitoringTypeCode), PersonUrl(p.Id));

    internal static string Query(params (string Key, string? Value)[] pairs) =>
        QueryString.Create(pairs.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).ToUriComponent();

    public static string PersonUrl(Guid id) => $"{ApiPaths.Version1}/registry/people/{id}";

    private static string? Code(CodeList list, string text) => (list.ByCode(text.Trim()) ?? list.Find(text))?.Code;

    /// <summary>
    /// The region a request asks for, checked against the caller's scope: empty means the whole scope; a malformed code
    /// adds a field error; a code outside the scope or not in the tree answers 404 (as if it did not exist).
    /// </summary>
    internal static async Task<(string? Code, IResult? NotFound)> RegionInScopeAsync(string? requested, RegionDirectory regions, RegionScope scope,
        FieldErrors errors, CancellationToken ct, string field = "region")
    {
        if (scope.Prefix is not { } prefix) return (null, ApiProblems.NotFound("您的账号没有管辖区域。"));
        if (string.IsNullOrWhiteSpace(requested)) return (prefix, null);
        var code = requested.Trim();
        if (!RegionsApi.ValidCode(code))
        {
            errors.Add(field, "区划代码应为 2、4、6、9 或 12 位数字，例如 430182106209。");
            return (null, null);
        }
        if (!scope.Contains(code) || await regions.FindAsync(code, ct) is null)
            return (null, ApiProblems.NotFound($"区划“{code}”不存在或不在您的管辖范围内。"));
        return (code, null);
    }
}
