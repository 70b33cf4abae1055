using System.Globalization;
using Bangfu.Employment.Contracts;
using Bangfu.Platform.Data;
using Bangfu.Registry.Contracts;
using Bangfu.Registry.Regions;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Transport;

/// <summary>The length of a report period.</summary>
public enum ReportSpan
{
    Month,
    Quarter,
    Year,
}

/// <summary>
/// A month (<c>2022-02</c>), a quarter (<c>2022-Q1</c>) or a year (<c>2022</c>), as the half-open range of dates
/// [<see cref="From"/>, <see cref="To"/>).
/// </summary>
public readonly record struct ReportPeriod(ReportSpan Span, int Year, int Number)
{
    public DateOnly From => Span switch
    {
        ReportSpan.Month => new DateOnly(Year, Number, 1),
        ReportSpan.Quarter => new DateOnly(Year, Number * 3 - 2, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    public DateOnly To => Span switch
    {
        ReportSpan.Month => From.AddMonths(1),
        ReportSpan.Quarter => From.AddMonths(3),
        _ => From.AddYears(1),
    };

    public static ReportPeriod Month(int year, int month) => new(ReportSpan.Month, year, month);

    /// <summary>Reads <c>yyyy</c>, <c>yyyy-Qn</c> or <c>yyyy-MM</c> (years 2000–2099); false for anything else.</summary>
    public static bool TryParse(string? text, out ReportPeriod period)
    {
        period = default;
        var t = text?.Trim().ToUpperInvariant() ?? "";
        if (t.Length < 4 || !int.TryParse(t[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2099) return false;
        if (t.Length == 4) { period = new(ReportSpan.Year, year, 1); return true; }
        if (t.Length == 7 && t[4] == '-' && t[5] == 'Q' && t[6] is >= '1' and <= '4') { period = new(ReportSpan.Quarter, year, t[6] - '0'); return true; }
        if (t.Length == 7 && t[4] == '-' && int.TryParse(t[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            period = new(ReportSpan.Month, year, month);
            return true;
        }
        return false;
    }

    public override string ToString() => Span switch
    {
        ReportSpan.Month => $"{Year:D4}-{Number:D2}",
        ReportSpan.Quarter => $"{Year:D4}-Q{Number}",
        _ => $"{Year:D4}",
    };

    public string ToChinese() => Span switch
    {
        ReportSpan.Month => $"{Year}年{Number}月",
        ReportSpan.Quarter => $"{Year}年第{Number}季度",
        _ => $"{Year}年",
    };
}

/// <summary>
/// The people carried in a region (a child region of the report's region, or the total): trips (人次: a person carried
/// twice counts twice), persons (人数: distinct), confirmed arrivals, and the trips by where the destination lies against
/// the home village (<see cref="Workplaces.KindOf"/>).
/// </summary>
public sealed record CarriedFigures(string RegionCode, string RegionName, int Trips, int Persons, int Arrived,
    int OutsideProvince, int InProvinceOutsideCounty, int InCounty, int Unknown);

/// <summary>One trip of one person, for the list behind a figure (identifiers masked).</summary>
public sealed record CarriedTrip(PersonSummary Person, TransportBatch Batch, TransportPassenger Passenger, WorkplaceKind Workplace);

/// <summary>
/// 点对点输送 figures by region and period. A person counts as carried on a batch that has departed (已出发 or 已到达)
/// on a date within the period and on which the person was on board; cancelled and planned batches carry nobody.
/// Only the passengers of the caller's scope count (the global region filter), so every officer's figures are those of
/// his own people, whoever organised the batches.
/// </summary>
public sealed class TransportReport(AppDbContext db, IPersonDirectory people, RegionDirectory regions)
{
    /// <summary>Whether the caller may ask for the region's figures: a code of 0 (nationwide), 2, 4, 6, 9 or 12 digits that
    /// the caller's scope covers.</summary>
    public bool IsInScope(string regionCode) =>
        regionCode.Length is 0 or 2 or 4 or 6 or 9 or 12 && regionCode.All(char.IsAsciiDigit) && db.Scope.Contains(regionCode);

    /// <summary>The figures of each child region of <paramref name="regionCode"/> (villages for a township), then the total (last row).</summary>
    public async Task<IReadOnlyList<CarriedFigures>> ByRegionAsync(string regionCode, ReportPeriod period, CancellationToken ct)
    {
        var trips = await TripsAsync(regionCode, period, ct);
        var name = regionCode.Length == 0 ? "全国" : (await regions.FindAsync(regionCode, ct))?.Name ?? regionCode;
        if (regionCode.Length == 12) return [Figures(regionCode, "合计：" + name, trips)];
        var childLength = regionCode.Length switch { 0 => 2, 2 => 4, 4 => 6, 6 => 9, _ => 12 };
        var children = await regions.ChildrenAsync(regionCode.Length == 0 ? null : regionCode, ct);
        var rows = new List<CarriedFigures>();
        var byChild = trips.Where(t => t.RegionCode.Length >= childLength).ToLookup(t => t.RegionCode[..childLength]);
        foreach (var child in children.Where(c => c.Code.Length == childLength))
            rows.Add(Figures(child.Code, child.Level == RegionLevel.Village ? child.PlainName : child.Name, byChild[child.Code].ToList()));
        // Codes the tree does not know (a retired village) still count, under their code.
        foreach (var orphan in byChild.Where(g => children.All(c => c.Code != g.Key)))
            rows.Add(Figures(orphan.Key, orphan.Key, orphan.ToList()));
        rows.Add(Figures(regionCode, "合计：" + name, trips));
        return rows;
    }

    /// <summary>The trips behind the figures of a region (any level), by village, person number and date.</summary>
    public async Task<IReadOnlyList<CarriedTrip>> TripsBehindAsync(string regionCode, ReportPeriod period, CancellationToken ct)
    {
        var trips = (await TripsAsync(regionCode, period, ct)).Select(t => t.Passenger).ToList();
        var persons = await people.FindManyAsync(trips.Select(t => t.PersonId).ToList(), ct);
        var batchIds = trips.Select(t => t.BatchId).Distinct().ToList();
        var batches = new Dictionary<Guid, TransportBatch>();
        foreach (var chunk in batchIds.Chunk(500))
            foreach (var b in await db.Set<TransportBatch>().AsNoTracking().Where(b => chunk.Contains(b.Id)).ToListAsync(ct))
                batches[b.Id] = b;
        return trips.Where(t => persons.ContainsKey(t.PersonId))
            .Select(t => new CarriedTrip(persons[t.PersonId], batches[t.BatchId], t, Workplaces.KindOf(batches[t.BatchId].DestinationRegionCode, t.RegionCode)))
            .OrderBy(t => t.Person.RegionCode, StringComparer.Ordinal).ThenBy(t => t.Person.PersonNumber, StringComparer.Ordinal)
            .ThenBy(t => t.Batch.TravelDate).ToList();
    }

    private sealed record Trip(string RegionCode, Guid PersonId, Guid BatchId, string Destination, DateOnly? ArrivedOn);

    private async Task<List<Carried>> TripsAsync(string regionCode, ReportPeriod period, CancellationToken ct)
    {
        var (low, high) = (regionCode.PadRight(12, '0'), regionCode.PadRight(12, '9'));
        var (first, end) = (period.From, period.To);
        var rows = await (from p in db.Set<TransportPassenger>().AsNoTracking()
                          join b in db.Set<TransportBatch>().AsNoTracking() on p.BatchId equals b.Id
                          where p.Boarded && (b.State == TransportBatchState.Departed || b.State == TransportBatchState.Arrived)
                                && b.TravelDate >= first && b.TravelDate < end
                                && string.Compare(p.RegionCode, low) >= 0 && string.Compare(p.RegionCode, high) <= 0
                          select new { p, b.DestinationRegionCode })
            .ToListAsync(ct);
        return rows.Select(r => new Carried(r.p, Workplaces.KindOf(r.DestinationRegionCode, r.p.RegionCode))).ToList();
    }

    private sealed record Carried(TransportPassenger Passenger, WorkplaceKind Workplace)
    {
        public string RegionCode => Passenger.RegionCode;
    }

    private static CarriedFigures Figures(string code, string name, IReadOnlyCollection<Carried> trips)
    {
        var kinds = trips.Select(t => t.Workplace).ToList();
        return new CarriedFigures(code, name, trips.Count, trips.Select(t => t.Passenger.PersonId).Distinct().Count(),
            trips.Count(t => t.Passenger.ArrivedOn is not null),
            kinds.Count(k => k == WorkplaceKind.OutsideProvince), kinds.Count(k => k == WorkplaceKind.InProvinceOutsideCounty),
            kinds.Count(k => k == WorkplaceKind.InCounty), kinds.Count(k => k == WorkplaceKind.Unknown));
    }
}
