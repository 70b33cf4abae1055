using System.Runtime.CompilerServices;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Security;
using Bangfu.Registry.DataQuality;
using Bangfu.Registry.People;
using Bangfu.Registry.Regions;
using Bangfu.Registry.RosterImport;

namespace Bangfu.Registry.RosterExport;

/// <summary>What the registry exports.</summary>
public enum RegistryExportKind
{
    /// <summary>The full 47-column roster, ID numbers and phones in clear (for the national system and re-import).</summary>
    Roster,
    /// <summary>The people list with masked identifiers (a work list).</summary>
    PersonList,
    /// <summary>The open data-quality issues (masked identifiers).</summary>
    QualityIssues,
}

/// <summary>An export: what, of which region (a code in the caller's scope), in which format, with the list's filters.</summary>
public sealed record RegistryExportRequest(RegistryExportKind Kind, string RegionCode, ExportFormat Format)
{
    /// <summary>People list: part of the name.</summary>
    public string? Name { get; init; }
    public string? LabourCapacityCode { get; init; }
    public string? MonitoringTypeCode { get; init; }
    /// <summary>Quality issues: one rule only.</summary>
    public string? RuleCode { get; init; }
    /// <summary>Who asks (for the audit trail).</summary>
    public string? UserName { get; init; }
    /// <summary>What the caller may see: names are masked without full names. Restricted unless the caller says otherwise.</summary>
    public PersonalDataView View { get; init; } = PersonalDataView.Restricted;
}

/// <summary>
/// Every export of person-level registry data goes through <see cref="ExportAsync"/>, so that it is checked and audited
/// in one place: who, what, which region, how many rows, and a refused or failed export too (导出; GB/T 22239-2019
/// 8.1.4.3). Names are masked for callers without full names (GB/T 35273-2020 §7.2); the 47-column roster, being the
/// complete record with identifiers in clear and read back by imports, is only for callers who may see everything
/// (<see cref="PersonalDataView.Full"/>), since a masked name would overwrite the real one when the file is imported. Rows are read a page at a time (keyset paging, see <see cref="RosterReader"/>) and
/// written straight to the target, so a county of 100,000 people needs no more memory than a village.
/// <para>A region outside the caller's scope, or not in the tree, is a <see cref="KeyNotFoundException"/>: the caller
/// learns nothing about regions it may not see, exactly as with any other record out of scope.</para>
/// </summary>
public sealed class RosterExportService(
    RosterReader roster, PeopleService people, QualityIssueService issues, RegionDirectory regions, RegionScopeAccessor scope,
    AuditTrail audit)
{
    /// <summary>The region to export, checked: in the tree and inside the caller's scope.</summary>
    /// <exception cref="KeyNotFoundException">Unknown or out of scope (Chinese message).</exception>
    public async Task<Region> RegionAsync(string? regionCode, CancellationToken ct)
    {
        var code = regionCode?.Trim() ?? "";
        var region = code.Length is 2 or 4 or 6 or 9 or 12 && code.All(char.IsAsciiDigit) && scope.Scope.Contains(code)
            ? await regions.FindAsync(code, ct)
            : null;
        return region ?? throw new KeyNotFoundException($"区划“{code}”不存在或不在您的管辖范围内。");
    }

    /// <summary>A file name for the download: kind, region name and code, date.</summary>
    public static string FileName(RegistryExportKind kind, Region region, ExportFormat format, DateOnly today) =>
        $"{kind switch { RegistryExportKind.Roster => "花名册", RegistryExportKind.PersonList => "人员清单", _ => "数据质量问题" }}" +
        $"-{region.PlainName}-{region.Code}-{today:yyyyMMdd}{TableWriters.Extension(format)}";

    /// <summary>Writes the export to <paramref name="target"/> (left open); returns the number of data rows written.</summary>
    /// <exception cref="KeyNotFoundException">The region is unknown or outside the caller's scope; nothing is written.</exception>
    /// <exception cref="UnauthorizedAccessException">The roster asked for by a caller who may not see everything.</exception>
    public async Task<long> ExportAsync(RegistryExportRequest request, Stream target, CancellationToken ct)
    {
        var name = request.Kind switch
        {
            RegistryExportKind.Roster => AuditEvents.ExportRoster,
            RegistryExportKind.PersonList => AuditEvents.ExportPersonList,
            _ => AuditEvents.ExportQualityIssues,
        };
        Region region;
        try
        {
            region = await RegionAsync(request.RegionCode, ct);
            if (request.Kind == RegistryExportKind.Roster && request.View != PersonalDataView.Full)
                throw new UnauthorizedAccessException("导出花名册（47 列）需要查看完整姓名和敏感信息的权限。");
        }
        catch (Exception e) when (e is KeyNotFoundException or UnauthorizedAccessException)
        {
            await audit.RecordAsync(new AuditEntry(AuditCategories.Export, name, $"{AuditEntry.Failure}：{e.Message}",
                Target: request.RegionCode, Details: new { format = request.Format.ToString() }), ct);
            throw;
        }
        (string Sheet, IReadOnlyList<string> Headers, IAsyncEnumerable<string?[]> Rows) export = request.Kind switch
        {
            RegistryExportKind.Roster => ("人口信息", RosterHeaders, roster.RowsAsync(region.Code, ct)),
            RegistryExportKind.PersonList => ("人员清单", PersonListHeaders, PersonListRowsAsync(request with { RegionCode = region.Code }, ct)),
            _ => ("数据质量问题", IssueHeaders, IssueRowsAsync(new QualityIssueFilter(region.Code, request.RuleCode)
                { HideSensitive = !request.View.Sensitive }, request.View, ct)),
        };
        long count = 0;
        var result = AuditEntry.Success;
        try
        {
            using var writer = TableWriters.Create(request.Format, target, export.Sheet, export.Headers);
            await foreach (var row in export.Rows.WithCancellation(ct))
            {
                writer.WriteRow(row);
                count++;
            }
        }
        catch (Exception e)
        {
            result = e is OperationCanceledException ? $"{AuditEntry.Failure}：已取消" : $"{AuditEntry.Failure}：{e.GetType().Name}";
            throw;
        }
        finally
        {
            // Recorded even when the download broke off: part of the rows may have left the server.
            await audit.RecordAsync(new AuditEntry(AuditCategories.Export, name, result, Target: region.Code,
                Details: new { rows = count, format = request.Format.ToString(), region = region.PlainName, filter = Filter(request) },
                RegionCode: region.Code), CancellationToken.None);
        }
        return count;
    }

    // The list's filters as recorded: a name searched for is masked like any name (surname + *).
    private static object? Filter(RegistryExportRequest r) => r.Kind switch
    {
        RegistryExportKind.PersonList => new { name = string.IsNullOrWhiteSpace(r.Name) ? null : Masking.Name(r.Name.Trim()),
            labourCapacity = r.LabourCapacityCode, monitoringType = r.MonitoringTypeCode },
        RegistryExportKind.QualityIssues => new { rule = r.RuleCode },
        _ => null,
    };

    private static readonly string[] RosterHeaders = RosterLayout.ExportColumns.Select(c => c.Header).ToArray();

    private static readonly string[] PersonListHeaders =
        ["县", "乡", "村", "户编号", "人口编号", "姓名", "性别", "出生日期", "证件号码", "联系电话", "与户主关系", "劳动技能", "务工时间（月）", "务工所在地", "监测对象类别"];

    private async IAsyncEnumerable<string?[]> PersonListRowsAsync(RegistryExportRequest r, [EnumeratorCancellation] CancellationToken ct)
    {
        var codes = CodeLists.CodeLists.Default;
        var paths = new RegionPaths(regions);
        var filter = new PersonFilter(r.RegionCode, r.Name, r.LabourCapacityCode, r.MonitoringTypeCode);
        await foreach (var p in people.AllAsync(filter, ct))
        {
            var path = await paths.PathAsync(p.RegionCode, ct);
            yield return
            [
                path?.County, path?.Township, path?.Village ?? p.RegionCode, p.HouseholdNumber, p.PersonNumber, r.View.Name(p.Name),
                RosterRecord.Name(codes.Sex, p.SexCode), RosterRecord.Date(p.BirthDate), p.IdNumberMasked, p.PhoneMasked,
                RosterRecord.Name(codes.Relationship, p.RelationshipCode), RosterRecord.Name(codes.LabourCapacity, p.LabourCapacityCode),
                p.MonthsWorked?.ToString(System.Globalization.CultureInfo.InvariantCulture), p.WorkplaceText,
                RosterRecord.Name(codes.MonitoringType, p.MonitoringTypeCode),
            ];
        }
    }

    private static readonly string[] IssueHeaders =
        ["村代码", "村", "户编号", "人口编号", "姓名", "证件号码", "规则代码", "规则", "列", "说明", "依据", "发现时间"];

    private async IAsyncEnumerable<string?[]> IssueRowsAsync(QualityIssueFilter filter, PersonalDataView view, [EnumeratorCancellation] CancellationToken ct)
    {
        var paths = new RegionPaths(regions);
        await foreach (var i in issues.AllAsync(filter, ct))
        {
            var rule = issues.Rule(i.RuleCode);
            yield return
            [
                i.RegionCode, await paths.NameAsync(i.RegionCode, ct), i.HouseholdNumber, i.PersonNumber,
                i.PersonName is null ? null : view.Name(i.PersonName), i.IdNumberMasked,
                i.RuleCode, rule?.Description, i.ColumnName, i.Message, rule?.Source,
                i.RaisedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ];
        }
    }
}
