using Bangfu.Platform.Audit;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Audit;

/// <summary>
/// The audit trail for the auditor (审计员, <c>audit.view</c> only: GB/T 22239-2019 8.1.4.2 d keeps the three
/// administrators apart, and 8.1.4.3 asks that records can be searched and analysed): search by date range, user,
/// category, event and target, newest first, keyset-paged; an Excel export of the search, itself recorded; and the
/// verdict of the hash chain's verification, with a button to verify again.
/// </summary>
public sealed class IndexModel(AuditSearch search, AuditTrail trail, AuditVerificationStatus status, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;
    public const int MaxExportRows = 50_000;

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    /// <summary>登录名 of the user who acted (the query string's <c>user</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Event { get; set; }
    [BindProperty(SupportsGet = true)] public string? Target { get; set; }
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public AuditPage Result { get; private set; } = new([], null);
    public AuditVerification? Verdict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // The last verdict of this process (the daily check or a click below); the first visit verifies.
        Verdict = status.Latest ?? await trail.VerifyAsync(ct);
        if (Query() is not { } query) return Page();
        Result = await search.SearchAsync(query, Before, PageSize, ct);
        return Page();
    }

    /// <summary>校验: recomputes the whole chain now, and records that it was checked and with what result.</summary>
    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        var verdict = await trail.VerifyAsync(ct);
        await trail.RecordAsync(new AuditEntry(AuditCategories.System, AuditEvents.AuditVerify,
            verdict.Intact ? AuditEntry.Success : $"{AuditEntry.Failure}：{verdict.Message}", Details: new { verdict.Checked, verdict.FirstBrokenId }), ct);
        return RedirectToPage(Filters());
    }

    /// <summary>The entries of the search as Excel (at most <see cref="MaxExportRows"/>); the export is recorded.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (Query() is not { } query) return BadRequest();
        var count = await search.CountAsync(query, MaxExportRows, ct);
        if (count > MaxExportRows)
        {
            TempData["AuditMessage"] = $"符合条件的记录超过 {MaxExportRows} 条，请缩小时间范围后再导出。";
            return RedirectToPage(Filters());
        }
        var rows = new List<IReadOnlyList<(string, object?)>>(count);
        await foreach (var e in search.AllAsync(query, ct))
            rows.Add([("编号", e.Id), ("时间", Local(e.At)), ("类别", e.Category), ("事件", AuditEvents.Label(e.Name)), ("事件代码", e.Name),
                ("结果", e.Result), ("用户", e.UserName), ("用户ID", e.UserId), ("来源地址", e.ClientIp), ("关联编号", e.CorrelationId),
                ("对象", e.Target), ("区划", e.RegionCode), ("详情", e.Details)]);
        var fileName = $"审计日志-{clock.GetLocalNow():yyyyMMdd-HHmm}.xlsx";
        await trail.RecordAsync(new AuditEntry(AuditCategories.Export, AuditEvents.ExportAudit, Target: fileName,
            Details: new { rows = rows.Count, from = From?.ToString("yyyy-MM-dd"), to = To?.ToString("yyyy-MM-dd"), user = UserName, category = Category, name = Event, target = Target }), ct);
        return SpreadsheetFile.Create(fileName, rows);
    }

    /// <summary>An instant in the server's local time, to the second.</summary>
    public string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone).ToString("yyyy-MM-dd HH:mm:ss");

    /// <summary>The current conditions as route values (for links and redirects).</summary>
    public object Filters(long? before = null) => new
    {
        from = From?.ToString("yyyy-MM-dd"), to = To?.ToString("yyyy-MM-dd"), user = UserName, category = Category, @event = Event, target = Target, before,
    };

    // From the start of the first day to the end of the last, in local time.
    private AuditQuery? Query()
    {
        if (From is { } f && To is { } t && t < f)
        {
            ModelState.AddModelError(nameof(To), "结束日期不能早于开始日期。");
            return null;
        }
        return new AuditQuery(From is { } from ? Start(from) : null, To is { } to ? Start(to.AddDays(1)) : null, UserName, Category, Event, Target);
    }

    private DateTimeOffset Start(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, clock.LocalTimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
