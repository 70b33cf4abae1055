using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Platform.Jobs;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Time;
using Bangfu.Registry.RosterImport;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Web.Pages.Registry.Imports;

/// <summary>Upload a roster (it is checked first, in the background) and the import history.</summary>
[RequestSizeLimit(RosterUploads.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RosterUploads.MaxBytes)]
public sealed class IndexModel(AppDbContext db, RosterUploads uploads, JobRunner jobs, RegionScopeAccessor scope, AuditActor actor) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<RosterImportRecord> History { get; private set; } = [];

    /// <summary>The page of the history shown (1 = the latest imports).</summary>
    [BindProperty(SupportsGet = true, Name = "p")] public int HistoryPage { get; set; } = 1;
    public bool HasOlder { get; private set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Period { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Period? period = null;
        if (!string.IsNullOrWhiteSpace(Period))
        {
            if (Bangfu.Platform.Time.Period.TryParse(Period, out var p)) period = p;
            else ModelState.AddModelError(nameof(Period), "月份格式应为 YYYY-MM，例如 2021-12。");
        }
        if (Upload is null) ModelState.AddModelError(nameof(Upload), "请选择要上传的花名册文件。");
        else if (Upload.Length == 0) ModelState.AddModelError(nameof(Upload), $"文件“{Upload.FileName}”是空的（0 字节）。");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        string path;
        try
        {
            path = await uploads.SaveAsync(Upload!, ct);
        }
        catch (InvalidOperationException e)
        {
            ModelState.AddModelError(nameof(Upload), e.Message);
            await LoadAsync(ct);
            return Page();
        }
        var fileName = Path.GetFileName(Upload!.FileName);
        var userName = User.Identity?.Name;
        var job = jobs.Enqueue("roster-check", User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, scope.Scope,
            async (services, progress, token) =>
            {
                try
                {
                    var summary = await services.GetRequiredService<RosterImportService>().ImportAsync(
                        new RosterImportRequest(path, fileName, period, DryRun: true, UserName: userName, KeepForCommit: true, Open: () => uploads.Open(path)), progress, token);
                    uploads.Adopt(path, summary.ImportId);
                    return summary;
                }
                catch
                {
                    uploads.Delete(path);
                    throw;
                }
            }, actor);
        return RedirectToPage("Progress", new { job = job.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        HistoryPage = Math.Clamp(HistoryPage, 1, 100_000);
        var page = await db.Set<RosterImportRecord>().AsNoTracking()
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip((HistoryPage - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasOlder = page.Count > PageSize;
        History = page.Take(PageSize).ToList();
    }
}
