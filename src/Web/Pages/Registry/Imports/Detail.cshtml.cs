using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Platform.Jobs;
using Bangfu.Platform.Scope;
using Bangfu.Registry.Contracts;
using Bangfu.Registry.RosterImport;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Web.Pages.Registry.Imports;

/// <summary>The verdict of an import: summary, findings (errors first, filterable by rule and village, downloadable),
/// and for a checked import the choice to commit or cancel. The download is recorded in the audit trail; the commit runs
/// in the background on behalf of the user, and is recorded as theirs.</summary>
public sealed class DetailModel(AppDbContext db, JobRunner jobs, RosterUploads uploads, RegionScopeAccessor scope, RosterImportService imports,
    AuditTrail audit) : PageModel
{
    public const int PageSize = 100;

    public RosterImportRecord Import { get; private set; } = null!;
    public IReadOnlyList<RosterImportIssue> Issues { get; private set; } = [];
    public int IssueCount { get; private set; }
    public IReadOnlyList<(string Code, string Description, int Count)> RuleCounts { get; private set; } = [];
    public IReadOnlyList<(string Code, int Count)> VillageCounts { get; private set; } = [];
    public bool FileAvailable { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Rule { get; set; }
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is null) return NotFound();
        var issues = Filtered(id);
        IssueCount = await issues.CountAsync(ct);
        PageNumber = Math.Max(1, PageNumber);
        Issues = await issues.OrderBy(i => i.Severity).ThenBy(i => i.RowNumber).ThenBy(i => i.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var rules = imports.Rules.ToDictionary(r => r.Code);
        RuleCounts = (await db.Set<RosterImportIssue>().Where(i => i.ImportId == id).GroupBy(i => i.Code)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(x => (x.Key, rules.TryGetValue(x.Key, out var r) ? r.Description : x.Key, x.Count))
            .OrderBy(x => x.Key).ToList();
        VillageCounts = (await db.Set<RosterImportIssue>().Where(i => i.ImportId == id && i.VillageCode != null).GroupBy(i => i.VillageCode!)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(x => (x.Key, x.Count)).OrderBy(x => x.Key).ToList();
        FileAvailable = uploads.PathOf(id) is not null;
        return Page();
    }

    /// <summary>The findings as Excel (all of them, with the filters applied).</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is null) return NotFound();
        // Streamed from the query: a bad file can have more findings than rows.
        var count = await Filtered(id).CountAsync(ct);
        await audit.RecordAsync(new AuditEntry(AuditCategories.Export, AuditEvents.ExportImportFindings, Target: id.ToString(),
            Details: new { rows = count, fileName = Import.FileName, rule = Rule, village = Village },
            RegionCode: string.IsNullOrEmpty(Import.RegionCode) ? null : Import.RegionCode), ct);
        var rows = Filtered(id).OrderBy(i => i.Severity).ThenBy(i => i.RowNumber).ThenBy(i => i.Id).AsEnumerable()
            .Select(i => (IReadOnlyList<object?>)[i.RowNumber, i.ColumnName, i.Severity == IssueSeverity.Error ? "错误（未导入）" : "警告",
                i.Code, i.Message, i.VillageCode]);
        return SpreadsheetFile.Create($"检查结果-{Path.GetFileNameWithoutExtension(Import.FileName)}.xlsx",
            ["行号", "列", "级别", "规则代码", "说明", "村代码"], rows);
    }

    public async Task<IActionResult> OnPostCommitAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is null) return NotFound();
        if (Import.State != RosterImportState.DryRun || uploads.PathOf(id) is not { } path)
        {
            TempData["Message"] = "这次导入不能再确认入库（已入库、已取消或文件已过期），请重新上传。";
            return RedirectToPage(new { id });
        }
        var userName = User.Identity?.Name;
        var job = jobs.Enqueue("roster-commit", User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, scope.Scope,
            async (services, progress, token) =>
            {
                var summary = await services.GetRequiredService<RosterImportService>().ImportAsync(
                    new RosterImportRequest(path, Import.FileName, Import.Period, DryRun: false, UserName: userName, ImportId: id, Open: () => uploads.Open(path)), progress, token);
                uploads.Delete(path);
                return summary;
            }, audit.Actor);
        return RedirectToPage("Progress", new { job = job.Id });
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is null) return NotFound();
        if (Import.State == RosterImportState.DryRun)
        {
            await db.Set<RosterImportRecord>().Where(r => r.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.State, RosterImportState.Cancelled), ct);
            uploads.Delete(id);
        }
        return RedirectToPage("Index");
    }

    private async Task<RosterImportRecord?> FindAsync(Guid id, CancellationToken ct)
    {
        var record = await db.Set<RosterImportRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (record is not null) Import = record;
        return record;
    }

    private IQueryable<RosterImportIssue> Filtered(Guid id)
    {
        var q = db.Set<RosterImportIssue>().AsNoTracking().Where(i => i.ImportId == id);
        if (!string.IsNullOrEmpty(Rule)) q = q.Where(i => i.Code == Rule);
        if (!string.IsNullOrEmpty(Village)) q = q.Where(i => i.VillageCode == Village);
        return q;
    }
}
