using Bangfu.Employment.Services;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Employment.Services;

/// <summary>The SMS outbox of the caller's scope: each message's state as it really is (phones masked); unsent ones may be tried again.</summary>
public sealed class OutboxModel(OutboxService outbox, RegionTree tree) : PageModel
{
    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];
    public bool GatewayConfigured => outbox.GatewayConfigured;

    public async Task OnGetAsync(CancellationToken ct) => Messages = await outbox.ListAsync(tree.Base ?? "\u0001", ct: ct);

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await outbox.RetryAsync(id, ct);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        return RedirectToPage();
    }

    public static string StateText(OutboxState state) => state switch
    {
        OutboxState.Queued => "待发送",
        OutboxState.Sent => "已发送",
        OutboxState.Failed => "发送失败",
        _ => "未发送",
    };
}
