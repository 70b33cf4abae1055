using System.Globalization;
using Bangfu.Employment.Transport;
using Bangfu.Registry.Regions;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Employment.Transport;

/// <summary>
/// Creates a batch (no id) or changes a planned one. Fields arrive as text and are checked here and in
/// <see cref="TransportBatchInput.CheckAsync"/>, each error in Chinese beside its field; what was typed is kept.
/// A batch the caller does not manage answers 404. The origin is picked in the caller's scope; the destination anywhere in the
/// country, province → city → county (<see cref="RegionTree.PlacePickerAsync"/>), beside the employer's name.
/// </summary>
public sealed class EditModel(TransportService transport, RegionTree tree) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public Form Input { get; set; } = new();

    public RegionPickerModel Origin { get; private set; } = null!;
    public RegionPickerModel Destination { get; private set; } = null!;

    /// <summary>The form's fields as typed.</summary>
    public sealed class Form
    {
        public string? OrganiserRegionCode { get; set; }
        public string? Organiser { get; set; }
        public string? TravelDate { get; set; }
        public string? OriginRegionCode { get; set; }
        public string? DestinationRegionCode { get; set; }
        public string? EmployerName { get; set; }
        public Guid? EmployerId { get; set; }
        public TransportMode? Mode { get; set; }
        public string? Seats { get; set; }
        public string? Cost { get; set; }
        public TransportPayer? PaidBy { get; set; }
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            if (await transport.FindAsync(id, ct) is not { } b || !transport.Manages(b)) return NotFound();
            Input = new Form
            {
                OrganiserRegionCode = b.OrganiserRegionCode, Organiser = b.Organiser, TravelDate = b.TravelDate.ToString("yyyy-MM-dd"),
                OriginRegionCode = b.OriginRegionCode, DestinationRegionCode = b.DestinationRegionCode, EmployerName = b.EmployerName,
                EmployerId = b.EmployerId, Mode = b.Mode, Seats = b.Seats.ToString(CultureInfo.InvariantCulture),
                Cost = b.Cost?.ToString(CultureInfo.InvariantCulture), PaidBy = b.PaidBy, Note = b.Note,
            };
        }
        else
        {
            Input.OrganiserRegionCode = tree.Base is { Length: 2 or 4 or 6 } scope ? scope : null;
            Input.Mode = TransportMode.Bus;
            Input.PaidBy = TransportPayer.Government;
        }
        await PickersAsync(ct);
        return Page();
    }

    private async Task PickersAsync(CancellationToken ct)
    {
        Origin = await tree.PickerAsync("Input.OriginRegionCode", Input.OriginRegionCode, RegionLevel.Township, ct: ct);
        Destination = await tree.PlacePickerAsync("Input.DestinationRegionCode", Input.DestinationRegionCode, RegionLevel.County, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear(); // checked below, in Chinese, field by field
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(Input.TravelDate))
        {
            if (DateOnly.TryParseExact(Input.TravelDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) date = d;
            else ModelState.AddModelError("Input.TravelDate", "出发日期应写成 2022-02-10 的样子。");
        }
        int? seats = null;
        if (!string.IsNullOrWhiteSpace(Input.Seats))
        {
            if (int.TryParse(Input.Seats.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) seats = n;
            else ModelState.AddModelError("Input.Seats", "座位数应为整数。");
        }
        decimal? cost = null;
        if (!string.IsNullOrWhiteSpace(Input.Cost))
        {
            if (decimal.TryParse(Input.Cost.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var c)) cost = c;
            else ModelState.AddModelError("Input.Cost", "费用应为金额（元），如 1500 或 1500.50。");
        }
        var input = new TransportBatchInput(Input.OrganiserRegionCode, Input.Organiser, date, Input.OriginRegionCode, Input.DestinationRegionCode,
            Input.EmployerName, Input.EmployerId, Input.Mode, seats, cost, Input.PaidBy, Input.Note);
        IReadOnlyList<FieldError> errors;
        Guid? id = Id;
        try
        {
            if (Id is { } existing) errors = await transport.UpdateAsync(existing, input, ct);
            else (id, errors) = await transport.CreateAsync(input, User.Identity?.Name, ct);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (InvalidOperationException e)
        {
            errors = [new FieldError("", e.Message)];
        }
        foreach (var e in errors)
            if (e.Field.Length == 0 || ModelState.GetFieldValidationState("Input." + e.Field) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
                ModelState.AddModelError(e.Field.Length == 0 ? "" : "Input." + e.Field, e.Message);
        if (!ModelState.IsValid)
        {
            await PickersAsync(ct);
            return Page();
        }
        TempData["Message"] = Id is null ? "批次已创建，请添加乘车人员。" : "批次已保存。";
        return RedirectToPage("Batch", new { id });
    }
}
