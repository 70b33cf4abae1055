using Bangfu.Employment.Transport;
using Bangfu.Registry.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Employment.Transport;

/// <summary>
/// 点对点输送 batches: those the officer's bureau organised (managed) and those carrying people of the officer's scope
/// (read-only), newest first, filtered by date range and state.
/// </summary>
public sealed class IndexModel(TransportService transport, RegionDirectory regions, Bangfu.Web.Infrastructure.RegionTree tree) : PageModel
{
    public const int Shown = 200;

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public TransportBatchState? State { get; set; }

    public IReadOnlyList<TransportBatchItem> Batches { get; private set; } = [];
    public Dictionary<string, string> Names { get; } = [];
    /// <summary>The destinations' names as written, province down, without placeholder levels (北京市朝阳区, not 市辖区).</summary>
    public Dictionary<string, string> Destinations { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (State is { } s && !Enum.IsDefined(s)) State = null;
        Batches = await transport.ListAsync(From, To, State, Shown, ct);
        foreach (var code in Batches.Select(b => b.Batch.OriginRegionCode).Distinct())
            Names[code] = (await regions.FindAsync(code, ct))?.Name ?? code;
        foreach (var code in Batches.Select(b => b.Batch.DestinationRegionCode).Distinct())
            Destinations[code] = await tree.FullNameAsync(code, ct);
        return Page();
    }
}
