using System.Globalization;
using Bangfu.Employment.Transport;
using Bangfu.Platform.Audit;
using Bangfu.Registry.People;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Employment.Transport;

/// <summary>
/// One batch: its facts, the passengers of the caller's scope (masked identifiers; the view recorded as a list view),
/// and, for the officers who manage it, adding people by person number or ID number (posted, never in the URL),
/// boarding, departure, cancelling and confirming arrivals (one, or everyone on board). Every change is a POST that
/// redirects back with its outcome; a batch the caller neither manages nor has people on answers 404.
/// </summary>
public sealed class BatchModel(TransportService transport, PassengerSearch search, RegionTree tree, AuditTrail audit, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public TransportBatch Batch { get; private set; } = null!;
    public bool Managed { get; private set; }
    public IReadOnlyList<TransportPassengerRow> Passengers { get; private set; } = [];
    public IReadOnlyList<PersonListItem> Matches { get; private set; } = [];
    public string? Query { get; private set; }
    public Dictionary<string, string> Names { get; } = [];
    public string Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime).ToString("yyyy-MM-dd");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct) ?? Page();

    /// <summary>Looks the text up; one match goes on board at once, several are offered to choose from.</summary>
    public async Task<IActionResult> OnPostFindAsync(string? query, CancellationToken ct)
    {
        if (await ShowAsync(ct) is { } problem) return problem;
        if (!Managed) return NotFound();
        Query = query?.Trim();
        Matches = await search.FindAsync(Query, ct);
        if (Matches.Count == 1) return await Change(() => transport.AddPassengerAsync(Id, Matches[0].Id, User.Identity?.Name, ct), "已添加到本批次。");
        if (Matches.Count == 0) ModelState.AddModelError("query", string.IsNullOrWhiteSpace(Query)
            ? "请输入人口编号或身份证号。" : "在您的管辖范围内找不到这个人口编号或身份证号。");
        return Page();
    }

    public Task<IActionResult> OnPostAddAsync(Guid person, CancellationToken ct) =>
        Change(() => transport.AddPassengerAsync(Id, person, User.Identity?.Name, ct), "已添加到本批次。");

    public Task<IActionResult> OnPostRemoveAsync(Guid passenger, CancellationToken ct) =>
        Change(() => transport.RemovePassengerAsync(Id, passenger, ct), "已从本批次移除。");

    public Task<IActionResult> OnPostBoardAsync(Guid passenger, bool boarded, CancellationToken ct) =>
        Change(() => transport.SetBoardedAsync(Id, passenger, boarded, ct), boarded ? "已标记上车。" : "已标记未上车。");

    public Task<IActionResult> OnPostDepartAsync(CancellationToken ct) => Change(() => transport.DepartAsync(Id, ct), "已标记出发。");

    public Task<IActionResult> OnPostCancelAsync(CancellationToken ct) => Change(() => transport.CancelAsync(Id, ct), "批次已取消。");

    /// <summary>Confirms the arrival of one passenger, or of everyone on board when no passenger is given.</summary>
    public async Task<IActionResult> OnPostArriveAsync(Guid? passenger, string? arrivedOn, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(arrivedOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            TempData["Error"] = "请填写到达日期（如 2022-02-12）。";
            return RedirectToPage(new { id = Id });
        }
        ArrivalResult? result = null;
        var outcome = await Change(async () => result = await transport.ConfirmArrivalAsync(Id, passenger, date, User.Identity?.Name, ct), null);
        if (result is not null)
        {
            TempData["Message"] = $"已确认到达 {result.Confirmed} 人，并登记为 {date.Year}年{date.Month}月 务工。";
            if (result.Refused.Count > 0)
                TempData["Error"] = string.Join("\n", result.Refused.Select(r => $"{User.PersonName(r.Person.Name)}（{r.Person.PersonNumber}）：{r.Message}"));
        }
        return outcome;
    }

    private async Task<IActionResult> Change(Func<Task> action, string? done)
    {
        try
        {
            await action();
            if (done is not null) TempData["Message"] = done;
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (InvalidOperationException e)
        {
            TempData["Error"] = e.Message;
        }
        return RedirectToPage(new { id = Id });
    }

    private async Task<IActionResult?> ShowAsync(CancellationToken ct)
    {
        if (await transport.FindAsync(Id, ct) is not { } batch) return NotFound();
        (Batch, Managed) = (batch, transport.Manages(batch));
        Passengers = await transport.PassengersAsync(Id, ct);
        foreach (var code in new[] { batch.OrganiserRegionCode, batch.OriginRegionCode, batch.DestinationRegionCode }.Concat(Passengers.Select(p => p.Person.RegionCode)).Distinct())
            Names[code] = await tree.FullNameAsync(code, ct);
        await audit.RecordAsync(new AuditEntry(AuditCategories.Person, AuditEvents.PersonList, Target: Id.ToString(),
            Details: new { list = "点对点输送乘车人员", shown = Passengers.Count }, RegionCode: tree.Base is { Length: > 0 } b ? b : null), ct);
        return null;
    }
}
