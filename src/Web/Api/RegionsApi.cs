using Bangfu.Platform.Scope;
using Bangfu.Platform.Security;
using Bangfu.Registry.Regions;

namespace Bangfu.Web.Api;

/// <summary>A region of the statistical division tree (统计用区划代码).</summary>
/// <param name="Name">Official name (贺家湾村委会).</param>
/// <param name="PlainName">The name people write (贺家湾村).</param>
/// <param name="RetiredInEdition">The edition that no longer lists the code; null while current.</param>
public sealed record RegionItem(string Code, string Name, string PlainName, RegionLevel Level, string? ParentCode, int Edition, int? RetiredInEdition)
{
    public static RegionItem From(Region r) => new(r.Code, r.Name, r.PlainName, r.Level, r.ParentCode, r.Edition, r.RetiredInEdition);
}

/// <summary>A region with its ancestors (province first) and whether its children may be listed (inside the caller's scope).</summary>
public sealed record RegionDetail(RegionItem Region, IReadOnlyList<RegionItem> Path, bool InScope, string? ChildrenUrl);

/// <summary>What the place resolver read from a free-text place (务工所在地).</summary>
public sealed record PlaceResolutionItem(
    string Place, RegionItem? Region, string? ProvinceCode, string? CityCode, string? CountyCode, string MatchedText, string Remainder,
    bool Ambiguous, IReadOnlyList<RegionItem> Candidates, string? Message);

/// <summary>
/// <c>/api/v1/regions</c>: the region tree as the caller may browse it. A region answers when it lies inside the
/// caller's scope or is one of the scope's ancestors (the path above it); its children only inside the scope;
/// anything else is 404. Resolving a free-text place reads the published tree and no one's data, and answers for any
/// place in the country (people work anywhere), like the regions page does.
/// </summary>
internal static class RegionsApi
{
    public static void MapRegionsApi(this RouteGroupBuilder api)
    {
        var regions = api.MapGroup("/regions").WithTags("区划").RequireAuthorization(Permissions.RegistryView);
        regions.MapGet("", ScopeAsync)
            .WithName("GetScopeRegions")
            .WithSummary("管辖区域")
            .WithDescription("全国范围的账号得到各省；其他账号得到自己的管辖区域。需要 registry.view 权限。")
            .Produces<IReadOnlyList<RegionItem>>();
        regions.MapGet("/resolve", ResolveAsync)
            .WithName("ResolvePlace")
            .WithSummary("识别地点文字")
            .WithDescription("把人们书写的地点（如务工所在地“广东省深圳市坪山区某电子厂”）识别为区划：省、市、县代码，未识别的剩余文字，" +
                             "有歧义时列出候选。村级不识别。地点不是个人信息，可放在查询参数 place 中（最多 200 字）。")
            .Produces<PlaceResolutionItem>()
            .ProducesValidationProblem();
        regions.MapGet("/by-names", ByNamesAsync)
            .WithName("FindRegionByNames")
            .WithSummary("按名称路径查找区划")
            .WithDescription("按从省到村的名称查找，用“/”分隔，可停在任一级：湖南省/长沙市/宁乡市/煤炭坝镇/贺家湾村。管辖区域以外的答 404。")
            .Produces<RegionDetail>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        regions.MapGet("/{code}", GetAsync)
            .WithName("GetRegion")
            .WithSummary("按代码取区划")
            .WithDescription("区划代码为 2、4、6、9 或 12 位数字。返回区划及其上级路径；管辖区域及其上级以外的答 404。")
            .Produces<RegionDetail>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        regions.MapGet("/{code}/children", ChildrenAsync)
            .WithName("GetRegionChildren")
            .WithSummary("下级区划")
            .WithDescription("列出管辖区域内某区划的下一级（现行的在前，含已撤销的）。村没有下级，返回空列表。管辖区域以外的答 404。")
            .Produces<IReadOnlyList<RegionItem>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ScopeAsync(RegionDirectory directory, RegionScopeAccessor scope, CancellationToken ct)
    {
        if (scope.Scope.Prefix is not { } prefix) return TypedResults.Ok(Array.Empty<RegionItem>());
        if (prefix.Length == 0) return TypedResults.Ok((await directory.ChildrenAsync(null, ct)).Select(RegionItem.From).ToList());
        return TypedResults.Ok(await directory.FindAsync(prefix, ct) is { } region ? [RegionItem.From(region)] : Array.Empty<RegionItem>());
    }

    private static async Task<IResult> GetAsync(string code, RegionDirectory directory, RegionScopeAccessor scope, CancellationToken ct)
    {
        if (!ValidCode(code)) return ApiProblems.Invalid("code", "区划代码应为 2、4、6、9 或 12 位数字，例如 430182106209。");
        return await DetailAsync(code, directory, scope.Scope, ct) is { } detail ? TypedResults.Ok(detail) : ApiProblems.NotFound(NotFoundText(code));
    }

    private static async Task<IResult> ChildrenAsync(string code, RegionDirectory directory, RegionScopeAccessor scope, CancellationToken ct)
    {
        if (!ValidCode(code)) return ApiProblems.Invalid("code", "区划代码应为 2、4、6、9 或 12 位数字，例如 430182106209。");
        if (!scope.Scope.Contains(code) || await directory.FindAsync(code, ct) is null) return ApiProblems.NotFound(NotFoundText(code));
        var children = code.Length == 12 ? [] : await directory.ChildrenAsync(code, ct);
        return TypedResults.Ok(children.Select(RegionItem.From).ToList());
    }

    private static async Task<IResult> ResolveAsync(string? place, PlaceResolver resolver, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(place)) return ApiProblems.Invalid("place", "请填写地点，例如“广东省深圳市坪山区”。");
        if (place.Length > 200) return ApiProblems.Invalid("place", "地点不能超过 200 个字。");
        var r = await resolver.ResolveAsync(place, ct);
        return TypedResults.Ok(new PlaceResolutionItem(place, r.Region is null ? null : RegionItem.From(r.Region), r.ProvinceCode, r.CityCode,
            r.CountyCode, r.MatchedText, r.Remainder, r.Ambiguous, r.Candidates.Select(RegionItem.From).ToList(), r.Message));
    }

    private static async Task<IResult> ByNamesAsync(string? path, RegionDirectory directory, RegionScopeAccessor scope, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(path)) return ApiProblems.Invalid("path", "请填写名称路径，例如“湖南省/长沙市/宁乡市”。");
        if (path.Length > 200) return ApiProblems.Invalid("path", "名称路径不能超过 200 个字。");
        var names = path.Split(['/', '／', '>', '＞', '›', '\\'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var match = await directory.FindByNamePathAsync(names, ct);
        if (match.Region is not { } region) return ApiProblems.NotFound(match.Error ?? "找不到该区划。");
        return await DetailAsync(region.Code, directory, scope.Scope, ct) is { } detail
            ? TypedResults.Ok(detail)
            : ApiProblems.NotFound("该区划不在您的管辖范围内。");
    }

    /// <summary>The region and its path when the caller may see it (inside the scope or above it), else null.</summary>
    private static async Task<RegionDetail?> DetailAsync(string code, RegionDirectory directory, RegionScope scope, CancellationToken ct)
    {
        if (scope.Prefix is not { } prefix) return null;
        var inScope = code.StartsWith(prefix, StringComparison.Ordinal);
        if (!inScope && !prefix.StartsWith(code, StringComparison.Ordinal)) return null;
        var path = new List<RegionItem>();
        foreach (var length in new[] { 2, 4, 6, 9, 12 }.Where(l => l <= code.Length))
            if (await directory.FindAsync(code[..length], ct) is { } r) path.Add(RegionItem.From(r));
        if (path.Count == 0 || path[^1].Code != code) return null;
        return new RegionDetail(path[^1], path[..^1], inScope, inScope ? $"{ApiPaths.Version1}/regions/{code}/children" : null);
    }

    internal static bool ValidCode(string? code) => code is { Length: 2 or 4 or 6 or 9 or 12 } && code.All(char.IsAsciiDigit);

    private static string NotFoundText(string code) => $"区划“{code}”不存在或不在您的管辖范围内。";
}
