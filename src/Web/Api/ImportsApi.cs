using System.Collections.Concurrent;
using System.Security.Claims;
using Bangfu.Platform.Data;
using Bangfu.Platform.Jobs;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Security;
using Bangfu.Platform.Time;
using Bangfu.Registry.Contracts;
using Bangfu.Registry.RosterImport;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Web.Api;

/// <summary>Where an import stands: queued or running in the background, checked (waiting for commit or cancel), committed, cancelled or failed.</summary>
public enum ImportState
{
    Queued,
    Running,
    DryRun,
    Committed,
    Cancelled,
    Failed,
}

/// <summary>The answer to an upload or a commit: the import's id and where to poll its status.</summary>
public sealed record ImportAccepted(Guid ImportId, ImportState State, string StatusUrl);

/// <summary>Progress of the background work on an import.</summary>
/// <param name="Percent">0-100, or null while the total is unknown.</param>
/// <param name="Error">Why it failed, in Chinese.</param>
public sealed record ImportJob(string Kind, JobState State, long Done, long? Total, int? Percent, string Stage, string? Error);

public sealed record ImportCounts(int Rows, int PersonsNew, int PersonsUpdated, int PersonsUnchanged, int RowsRefused, int HouseholdsNew,
    int Errors, int Warnings);

/// <summary>One finding of the check: the file's own row number (0 for the file as a whole), the column, severity and rule.</summary>
public sealed record ImportFinding(int Row, string Column, IssueSeverity Severity, string Code, string Rule, string Message, string? VillageCode);

/// <summary>A page of findings, errors first, then by row.</summary>
public sealed record ImportFindings(int Total, int Page, int PageSize, IReadOnlyList<ImportFinding> Items);

/// <summary>
/// An import's status and verdict. <see cref="CommitUrl"/> and <see cref="CancelUrl"/> are set while the checked import
/// may still be committed or cancelled.
/// </summary>
public sealed record ImportStatus(
    Guid Id, ImportState State, string? FileName, string? Period, DateTimeOffset? CreatedAt, DateTimeOffset? CheckedAt,
    DateTimeOffset? CommittedAt, ImportJob? Job, ImportCounts? Counts, string? FileError, ImportFindings? Findings,
    string StatusUrl, string? CommitUrl, string? CancelUrl);

/// <summary>An import in the history.</summary>
public sealed record ImportListItem(Guid Id, ImportState State, string FileName, string Period, DateTimeOffset CreatedAt, int Rows, int Errors,
    int Warnings, string? UserName, string StatusUrl);

/// <summary>
/// The background job last started for each import through the API (its check, then its commit), so the status can
/// show progress before the import record exists and while it runs. Jobs live in memory; so does this.
/// </summary>
internal sealed class ImportJobs(JobRunner jobs)
{
    private readonly ConcurrentDictionary<Guid, Guid> byImport = new();

    public void Track(Guid importId, Job job)
    {
        foreach (var (import, jobId) in byImport)
            if (jobs.Find(jobId) is null) byImport.TryRemove(import, out _);
        byImport[importId] = job.Id;
    }

    public Job? Of(Guid importId) => byImport.TryGetValue(importId, out var jobId) ? jobs.Find(jobId) : null;
}

/// <summary>
/// <c>/api/v1/imports</c>: roster imports as the import pages run them. An upload is stored and checked in the
/// background (a dry run that writes nothing); the caller polls the status for the verdict and its findings, then
/// commits or cancels. Imports are visible inside the region scope of whoever started them, like the import history.
/// Audited as the pages' are: 导入 import.check, import.commit, import.cancel.
/// </summary>
internal static class ImportsApi
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;

    public static void MapImportsApi(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("花名册导入").RequireAuthorization(Permissions.RegistryImport);
        imports.MapGet("", ListAsync)
            .WithName("ListImports")
            .WithSummary("导入记录")
            .WithDescription("管辖区域内最近 50 次导入，新的在前。需要 registry.import 权限。")
            .Produces<IReadOnlyList<ImportListItem>>();
        imports.MapPost("", UploadAsync)
            .WithName("UploadRoster")
            .WithSummary("上传花名册（先检查）")
            .WithDescription("multipart/form-data：file 为花名册（47 列全国导出格式，.xlsx 或 .csv，最大 512 MB），period 为所属月份 YYYY-MM（可省略）。" +
                             "文件在后台检查（不写入人员数据），立即返回导入编号和状态地址（202）；轮询状态直到 state 为 dry_run，查看检查结果后确认入库或取消。")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(RosterUploads.MaxBytes))
            .WithFormOptions(multipartBodyLengthLimit: RosterUploads.MaxBytes)
            .Produces<ImportAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        imports.MapGet("/{id:guid}", StatusAsync)
            .WithName("GetImport")
            .WithSummary("导入状态与检查结果")
            .WithDescription("状态（queued、running、dry_run、committed、cancelled、failed）、进度、统计和检查发现的问题（错误在前，分页：page、page_size；" +
                             "可按规则代码 rule 和村代码 village 筛选）。管辖区域以外的答 404。")
            .Produces<ImportStatus>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        imports.MapPost("/{id:guid}/commit", CommitAsync)
            .WithName("CommitImport")
            .WithSummary("确认入库")
            .WithDescription("把已检查的导入写入人员数据（后台进行，返回 202 和状态地址）。已入库、已取消、文件已过期或正在处理的答 409。")
            .Produces<ImportAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        imports.MapPost("/{id:guid}/cancel", CancelAsync)
            .WithName("CancelImport")
            .WithSummary("取消导入")
            .WithDescription("取消已检查、尚未入库的导入并删除上传的文件；正在检查或入库的，请求停止（其事务回滚，返回 202）。已入库的答 409。")
            .Produces<ImportStatus>()
            .Produces<ImportAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ListAsync(AppDbContext db, CancellationToken ct)
    {
        var records = await db.Set<RosterImportRecord>().AsNoTracking().OrderByDescending(r => r.Id).Take(50).ToListAsync(ct);
        return TypedResults.Ok(records.Select(r => new ImportListItem(r.Id, StateOf(r.State), r.FileName, r.Period.ToString(), r.CreatedAt, r.Rows,
            r.Errors, r.Warnings, r.UserName, StatusUrl(r.Id))).ToList());
    }

    private static async Task<IResult> UploadAsync(HttpContext http, IFormFile? file, [FromForm] string? period, RosterUploads uploads,
        JobRunner jobs, ImportJobs tracked, RegionScopeAccessor scope, CancellationToken ct)
    {
        var errors = new FieldErrors();
        Period? month = null;
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (Period.TryParse(period, out var p)) month = p;
            else errors.Add("period", "月份格式应为 YYYY-MM，例如 2021-12。");
        }
        if (file is null || file.Length == 0) errors.Add("file", "请选择要上传的花名册文件（表单字段 file）。");
        if (errors.Any) return errors.ToResult();
        string path;
        try
        {
            path = await uploads.SaveAsync(file!, ct);
        }
        catch (InvalidOperationException e)
        {
            return ApiProblems.Invalid("file", e.Message);
        }
        var importId = Guid.CreateVersion7();
        var fileName = Path.GetFileName(file!.FileName);
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var userName = http.User.Identity?.Name;
        var job = jobs.Enqueue("roster-check", userId, scope.Scope, async (services, progress, token) =>
        {
            try
            {
                var summary = await services.GetRequiredService<RosterImportService>().ImportAsync(
                    new RosterImportRequest(path, fileName, month, DryRun: true, UserId: userId, UserName: userName, KeepForCommit: true,
                        Open: () => uploads.Open(path), NewImportId: importId), progress, token);
                uploads.Adopt(path, summary.ImportId);
                return summary;
            }
            catch
            {
                uploads.Delete(path);
                throw;
            }
        });
        tracked.Track(importId, job);
        await ApiAudit.RecordAsync(http, "导入", "import.check", target: importId.ToString(), regionCode: scope.Scope.Prefix,
            details: new Dictionary<string, object?> { ["file"] = fileName, ["size"] = file.Length, ["period"] = month?.ToString() });
        return TypedResults.Accepted(StatusUrl(importId), new ImportAccepted(importId, ImportState.Queued, StatusUrl(importId)));
    }

    private static async Task<IResult> StatusAsync(Guid id, HttpContext http, AppDbContext db, ImportJobs tracked, RosterUploads uploads,
        RosterImportService imports, string? rule, string? village, int? page, [FromQuery(Name = "page_size")] int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (number < 1) errors.Add("page", "page 从 1 开始。");
        if (size is < 1 or > MaxPageSize) errors.Add("page_size", $"page_size 应为 1 至 {MaxPageSize}。");
        if (errors.Any) return errors.ToResult();

        var record = await db.Set<RosterImportRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        var job = tracked.Of(id);
        if (record is null)
        {
            // Not started yet (or failed before it could start): only whoever queued it learns of it.
            if (job is null || job.OwnerUserId != http.User.FindFirstValue(ClaimTypes.NameIdentifier)) return ApiProblems.NotFound("找不到这次导入，或不在您的管辖范围内。");
            var state = job.State switch { JobState.Queued => ImportState.Queued, JobState.Running => ImportState.Running, JobState.Cancelled => ImportState.Cancelled, _ => ImportState.Failed };
            return TypedResults.Ok(new ImportStatus(id, state, null, null, job.CreatedAt, null, null, Job(job), null, null, null, StatusUrl(id), null, null));
        }

        var issues = db.Set<RosterImportIssue>().AsNoTracking().Where(i => i.ImportId == id);
        if (!string.IsNullOrWhiteSpace(rule)) issues = issues.Where(i => i.Code == rule);
        if (!string.IsNullOrWhiteSpace(village)) issues = issues.Where(i => i.VillageCode == village);
        var total = await issues.CountAsync(ct);
        var rules = imports.Rules.ToDictionary(r => r.Code);
        var items = (await issues.OrderBy(i => i.Severity).ThenBy(i => i.RowNumber).ThenBy(i => i.Id)
                .Skip((number - 1) * size).Take(size).ToListAsync(ct))
            .Select(i => new ImportFinding(i.RowNumber, i.ColumnName, i.Severity, i.Code, rules.TryGetValue(i.Code, out var r) ? r.Description : i.Code,
                i.Message, i.VillageCode))
            .ToList();
        var open = record.State == RosterImportState.DryRun && job is not { IsFinished: false } && uploads.PathOf(id) is not null;
        return TypedResults.Ok(new ImportStatus(
            id, job is { IsFinished: false } ? ImportState.Running : StateOf(record.State), record.FileName, record.Period.ToString(), record.CreatedAt,
            record.CheckedAt, record.CommittedAt, job is null ? null : Job(job),
            new ImportCounts(record.Rows, record.PersonsNew, record.PersonsUpdated, record.PersonsUnchanged, record.RowsRefused, record.HouseholdsNew,
                record.Errors, record.Warnings),
            record.FileError, new ImportFindings(total, number, size, items), StatusUrl(id),
            open ? StatusUrl(id) + "/commit" : null, open ? StatusUrl(id) + "/cancel" : null));
    }

    private static async Task<IResult> CommitAsync(Guid id, HttpContext http, AppDbContext db, ImportJobs tracked, RosterUploads uploads,
        JobRunner jobs, RegionScopeAccessor scope, CancellationToken ct)
    {
        var record = await db.Set<RosterImportRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (record is null) return ApiProblems.NotFound("找不到这次导入，或不在您的管辖范围内。");
        if (tracked.Of(id) is { IsFinished: false }) return ApiProblems.Conflict("这次导入正在处理中，请等它完成。");
        if (record.State != RosterImportState.DryRun || uploads.PathOf(id) is not { } path)
            return ApiProblems.Conflict("这次导入不能再确认入库（已入库、已取消或文件已过期），请重新上传。");
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var userName = http.User.Identity?.Name;
        var job = jobs.Enqueue("roster-commit", userId, scope.Scope, async (services, progress, token) =>
        {
            var summary = await services.GetRequiredService<RosterImportService>().ImportAsync(
                new RosterImportRequest(path, record.FileName, record.Period, DryRun: false, UserId: userId, UserName: userName, ImportId: id,
                    Open: () => uploads.Open(path)), progress, token);
            uploads.Delete(path);
            return summary;
        });
        tracked.Track(id, job);
        await ApiAudit.RecordAsync(http, "导入", "import.commit", target: id.ToString(), regionCode: record.RegionCode,
            details: new Dictionary<string, object?> { ["file"] = record.FileName, ["period"] = record.Period.ToString(), ["rows"] = record.Rows });
        return TypedResults.Accepted(StatusUrl(id), new ImportAccepted(id, ImportState.Queued, StatusUrl(id)));
    }

    private static async Task<IResult> CancelAsync(Guid id, HttpContext http, AppDbContext db, ImportJobs tracked, RosterUploads uploads,
        JobRunner jobs, CancellationToken ct)
    {
        var record = await db.Set<RosterImportRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        var job = tracked.Of(id);
        var mine = job is not null && job.OwnerUserId == http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (record is null && !mine) return ApiProblems.NotFound("找不到这次导入，或不在您的管辖范围内。");
        if (job is { IsFinished: false } && (record is not null || mine))
        {
            jobs.Cancel(job.Id);
            await ApiAudit.RecordAsync(http, "导入", "import.cancel", target: id.ToString(), regionCode: record?.RegionCode,
                details: new Dictionary<string, object?> { ["running"] = true });
            return TypedResults.Accepted(StatusUrl(id), new ImportAccepted(id, ImportState.Running, StatusUrl(id)));
        }
        if (record is null || record.State != RosterImportState.DryRun)
            return ApiProblems.Conflict("只有已检查、尚未入库的导入才能取消。");
        await db.Set<RosterImportRecord>().Where(r => r.Id == id && r.State == RosterImportState.DryRun)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.State, RosterImportState.Cancelled), ct);
        uploads.Delete(id);
        await ApiAudit.RecordAsync(http, "导入", "import.cancel", target: id.ToString(), regionCode: record.RegionCode,
            details: new Dictionary<string, object?> { ["file"] = record.FileName });
        return TypedResults.Ok(new ImportStatus(id, ImportState.Cancelled, record.FileName, record.Period.ToString(), record.CreatedAt, record.CheckedAt,
            null, null, null, record.FileError, null, StatusUrl(id), null, null));
    }

    private static ImportJob Job(Job job) =>
        new(job.Kind, job.State, job.Progress.Done, job.Progress.Total, job.Progress.Percent, job.Progress.Stage, job.Error);

    private static ImportState StateOf(RosterImportState state) => state switch
    {
        RosterImportState.DryRun => ImportState.DryRun,
        RosterImportState.Committed => ImportState.Committed,
        RosterImportState.Cancelled => ImportState.Cancelled,
        RosterImportState.Running => ImportState.Running,
        _ => ImportState.Failed,
    };

    public static string StatusUrl(Guid id) => $"{ApiPaths.Version1}/imports/{id}";
}
