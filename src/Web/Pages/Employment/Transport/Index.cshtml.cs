using Bangfu.Employment.Transport;
using Bangfu.Registry.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Employment.Transport;

/// <summary>
/// 点对点输送 batches: those the officer's bureau organised (managed) and those carrying people of the officer's scope
/// (read-only), newest first, filtered by date range and state.
/// </summary>
public sealed class IndexModel(TransportService transport, RegionDirectory regions) : PageModel
{
    public const int Shown = 200;

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public TransportBatchState? State { get; set; }

    public IReadOnlyList<TransportBatchItem> Batches { get; private set; } = [];
    public Dictionary<string, string> Names { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (State is { } s && !Enum.IsDefined(s)) State = null;
        Batches = await transport.ListAsync(From, To, State, Shown, ct);
        foreach (var code in Batches.SelectMany(b => new[] { b.Batch.OriginRegionCode, b.Batch.DestinationRegionCode }).Distinct())
            Names[code] = (await regions.FindAsync(code, ct))?.Name ?? code;
        return Page();
    }
}
