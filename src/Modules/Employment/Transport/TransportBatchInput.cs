using Bangfu.Platform.Scope;
using Bangfu.Registry.Regions;

namespace Bangfu.Employment.Transport;

/// <summary>A problem with one field of a form, in Chinese; <see cref="Field"/> is the input's property name.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// What an officer enters for a batch. Cost in yuan with at most two decimals (stored as fen). Region codes are the
/// statistical division codes: the organiser a province, city or county (2, 4 or 6 digits) inside the officer's scope;
/// the origin a county or township (6 or 9 digits) inside the organiser's region; the destination any region of 4 to 12
/// digits (a city or finer, so the workplace can be placed).
/// </summary>
public sealed record TransportBatchInput(
    string? OrganiserRegionCode,
    string? Organiser,
    DateOnly? TravelDate,
    string? OriginRegionCode,
    string? DestinationRegionCode,
    string? EmployerName,
    Guid? EmployerId,
    TransportMode? Mode,
    int? Seats,
    decimal? Cost,
    TransportPayer? PaidBy,
    string? Note)
{
    /// <summary>The most passengers one batch may list (a special train of 1,200 seats fits).</summary>
    public const int MaxSeats = 5000;

    /// <summary>Checks every field; returns the problems (empty when the input is good).</summary>
    public async Task<IReadOnlyList<FieldError>> CheckAsync(RegionDirectory regions, RegionScope scope, DateOnly today, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var organiser = OrganiserRegionCode?.Trim() ?? "";
        if (organiser.Length is not (2 or 4 or 6) || await regions.FindAsync(organiser, ct) is null)
            errors.Add(new(nameof(OrganiserRegionCode), "请选择组织地区（省、市或县）。"));
        else if (!scope.Contains(organiser))
            errors.Add(new(nameof(OrganiserRegionCode), "组织地区不在您的管辖范围内。"));
        if (string.IsNullOrWhiteSpace(Organiser)) errors.Add(new(nameof(Organiser), "请填写组织单位。"));
        else if (Organiser.Trim().Length > 100) errors.Add(new(nameof(Organiser), "组织单位最多 100 个字。"));
        if (TravelDate is not { } date) errors.Add(new(nameof(TravelDate), "请填写出发日期。"));
        else if (date.Year < 2000 || date > today.AddYears(1)) errors.Add(new(nameof(TravelDate), "出发日期不合理（应在 2000 年以后、一年以内）。"));
        var origin = OriginRegionCode?.Trim() ?? "";
        if (origin.Length is not (6 or 9) || await regions.FindAsync(origin, ct) is null)
            errors.Add(new(nameof(OriginRegionCode), "请选择始发地（县或乡镇）。"));
        else if (organiser.Length > 0 && !origin.StartsWith(organiser, StringComparison.Ordinal))
            errors.Add(new(nameof(OriginRegionCode), "始发地应在组织地区之内。"));
        var destination = DestinationRegionCode?.Trim() ?? "";
        if (destination.Length is not (4 or 6 or 9 or 12) || await regions.FindAsync(destination, ct) is null)
            errors.Add(new(nameof(DestinationRegionCode), "请选择目的地（至少到市一级）。"));
        if (EmployerName?.Trim().Length > 200) errors.Add(new(nameof(EmployerName), "用人单位名称最多 200 个字。"));
        if (Mode is not { } mode || !Enum.IsDefined(mode)) errors.Add(new(nameof(Mode), "请选择运输方式。"));
        if (Seats is not { } seats || seats < 1 || seats > MaxSeats) errors.Add(new(nameof(Seats), $"座位数应为 1 到 {MaxSeats} 之间的整数。"));
        if (Cost is { } cost && (cost < 0 || cost > 100_000_000m || decimal.Round(cost, 2) != cost))
            errors.Add(new(nameof(Cost), "费用应为不小于 0 的金额（元，最多两位小数）。"));
        if (PaidBy is not { } payer || !Enum.IsDefined(payer)) errors.Add(new(nameof(PaidBy), "请选择费用承担方。"));
        if (Note?.Trim().Length > 500) errors.Add(new(nameof(Note), "备注最多 500 个字。"));
        return errors;
    }
}
