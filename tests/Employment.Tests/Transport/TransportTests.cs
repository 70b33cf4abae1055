using Bangfu.Employment.Contracts;
using Bangfu.Employment.MonthlyRound;
using Bangfu.Employment.Transport;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Time;
using Bangfu.Registry.Contracts;
using Bangfu.Testing;

namespace Bangfu.Employment.Tests.Transport;

/// <summary>Point-to-point transport on the seed roster (贺家湾村 of 宁乡市, 十八洞村 of 花垣县), imported for 2021-12.</summary>
public sealed class TransportTests : DatabaseTest
{
    private const string Hejiawan = "430182106209";
    private const string Shibadong = "433124110226";
    private const string Ningxiang = "430182";
    private const string Huayuan = "433124";
    private const string Shenzhen = "4403";
    private const string Changsha = "4301";
    private const string Yuelu = "430104"; // 长沙市岳麓区
    private static readonly DateOnly February10 = new(2022, 2, 10);
    private static readonly Period January = Period.Parse("2022-01");
    private static readonly Period February = Period.Parse("2022-02");

    private IReadOnlyList<PersonSummary> hejiawan = [];
    private IReadOnlyList<PersonSummary> shibadong = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportAsync(Fixtures.SeedVillages, "2021-12");
        await using var s = Services.InScope();
        hejiawan = await s.Get<IPersonDirectory>().InVillageAsync(Hejiawan);
        shibadong = await s.Get<IPersonDirectory>().InVillageAsync(Shibadong);
        Assert.True(hejiawan.Count >= 10 && shibadong.Count >= 10);
    }

    [Fact]
    public async Task Seats_cannot_be_exceeded()
    {
        var batch = await CreateAsync(Ningxiang, Ningxiang, Shenzhen, February10, seats: 2);
        await AddAsync(batch, hejiawan[0]);
        await AddAsync(batch, hejiawan[1]);

        var full = await Assert.ThrowsAsync<InvalidOperationException>(() => AddAsync(batch, hejiawan[2]));

        Assert.Contains("座位已满", full.Message);
        Assert.Equal(2, (await In(t => t.FindAsync(batch, default)))!.Booked);
        Assert.Equal(new[] { hejiawan[0].Id, hejiawan[1].Id }.Order(), (await In(t => t.PassengersAsync(batch, default))).Select(p => p.Person.Id).Order());
        // Seats cannot drop below the people booked either.
        var errors = await In(t => t.UpdateAsync(batch, Input(Ningxiang, Ningxiang, Shenzhen, February10, seats: 1), default));
        Assert.Contains(errors, e => e.Field == nameof(TransportBatchInput.Seats));
    }

    [Fact]
    public async Task A_person_cannot_be_on_two_batches_of_the_same_date()
    {
        var first = await CreateAsync(Ningxiang, Ningxiang, Shenzhen, February10);
        var second = await CreateAsync(Ningxiang, Ningxiang, Yuelu, February10);
        var nextDay = await CreateAsync(Ningxiang, Ningxiang, Yuelu, February10.AddDays(1));
        await AddAsync(first, hejiawan[0]);

        var twice = await Assert.ThrowsAsync<InvalidOperationException>(() => AddAsync(second, hejiawan[0]));
        var again = await Assert.ThrowsAsync<InvalidOperationException>(() => AddAsync(first, hejiawan[0]));
        await AddAsync(nextDay, hejiawan[0]);

        Assert.Contains("同一天不能乘坐两个批次", twice.Message);
        Assert.Contains("已在本批次", again.Message);
        // Moving a batch onto a date the person is booked for elsewhere is refused too.
        var move = await In(t => t.UpdateAsync(nextDay, Input(Ningxiang, Ningxiang, Yuelu, February10), default));
        Assert.Contains(move, e => e.Field == nameof(TransportBatchInput.TravelDate));
        // A cancelled batch frees its passengers for that day.
        await In(async t => { await t.CancelAsync(first, default); return 0; });
        await AddAsync(second, hejiawan[0]);
        Assert.Single(await In(t => t.PassengersAsync(second, default)));
    }

    [Fact]
    public async Task Arrival_records_the_month_of_arrival_as_wage_work_placed_by_destination_against_the_home_village()
    {
        var shenzhen = await CreateAsync(Ningxiang, Ningxiang, Shenzhen, February10, employer: "比亚迪股份有限公司");
        var yuelu = await CreateAsync(Ningxiang, Ningxiang, Yuelu, February10.AddDays(1));
        var local = await CreateAsync(Ningxiang, Ningxiang, Ningxiang + "106", February10.AddDays(2));
        var city = await CreateAsync("43", Ningxiang, Changsha, February10.AddDays(3));
        await AddAsync(shenzhen, hejiawan[0]);
        await AddAsync(yuelu, hejiawan[1]);
        await AddAsync(local, hejiawan[2]);
        await AddAsync(city, hejiawan[3]);
        await AddAsync(city, shibadong[0]);
        var before = await SituationAsync(hejiawan[0].Id, January);

        foreach (var batch in new[] { shenzhen, yuelu, local, city })
        {
            await In(async t => { await t.DepartAsync(batch, default); return 0; });
            var result = await In(t => t.ConfirmArrivalAsync(batch, null, February10.AddDays(3), "测试", default));
            Assert.Empty(result.Refused);
        }

        var expected = new (PersonSummary Person, WorkplaceKind Kind, string Place, string Employer)[]
        {
            (hejiawan[0], WorkplaceKind.OutsideProvince, Shenzhen, "比亚迪股份有限公司"),
            (hejiawan[1], WorkplaceKind.InProvinceOutsideCounty, Yuelu, "岳麓区"),
            (hejiawan[2], WorkplaceKind.InCounty, Ningxiang + "106", "煤炭坝镇"),
            // 长沙市 contains 宁乡市 (a county-level city of 长沙市): the place cannot be told from the home county.
            (hejiawan[3], WorkplaceKind.Unknown, Changsha, "长沙市"),
            (shibadong[0], WorkplaceKind.InProvinceOutsideCounty, Changsha, "长沙市"),
        };
        foreach (var (person, kind, place, employer) in expected)
        {
            var s = await SituationAsync(person.Id, February);
            Assert.Equal((EmploymentStatus.WageEmployed, true, kind, place, employer), (s.Status, s.Employed, s.Workplace, s.WorkplaceRegionCode, s.EmployerName));
        }
        var january = await SituationAsync(hejiawan[0].Id, January);
        Assert.Equal((before.Id, before.Status, before.Workplace), (january.Id, january.Status, january.Workplace));
        foreach (var batch in new[] { shenzhen, yuelu, local, city })
            Assert.Equal(TransportBatchState.Arrived, (await In(t => t.FindAsync(batch, default)))!.State);
    }

    [Fact]
    public async Task A_closed_month_refuses_the_arrival_in_Chinese_and_changes_nothing_while_the_other_villages_go_ahead()
    {
        var batch = await CreateAsync("43", Ningxiang, Shenzhen, February10);
        await AddAsync(batch, hejiawan[0]);
        await AddAsync(batch, shibadong[0]);
        await In(async t => { await t.DepartAsync(batch, default); return 0; });
        await using (var s = Services.InScope())
            await s.Get<MonthlyRoundService>().CloseAsync(Hejiawan, February, "测试");
        var before = await SituationAsync(hejiawan[0].Id, February);

        var result = await In(t => t.ConfirmArrivalAsync(batch, null, February10, "测试", default));

        Assert.Equal(1, result.Confirmed);
        var refusal = Assert.Single(result.Refused);
        Assert.Equal(hejiawan[0].Id, refusal.Person.Id);
        Assert.Contains("已关账", refusal.Message);
        Assert.Contains("2022年2月", refusal.Message);
        var after = await SituationAsync(hejiawan[0].Id, February);
        Assert.Equal((before.Id, before.Status, before.Workplace, before.FromPeriod), (after.Id, after.Status, after.Workplace, after.FromPeriod));
        var rows = await In(t => t.PassengersAsync(batch, default));
        Assert.Null(rows.Single(r => r.Person.Id == hejiawan[0].Id).Passenger.ArrivedOn);
        Assert.Equal(February10, rows.Single(r => r.Person.Id == shibadong[0].Id).Passenger.ArrivedOn);
        Assert.Equal(WorkplaceKind.OutsideProvince, (await SituationAsync(shibadong[0].Id, February)).Workplace);
        // Someone still waits: the batch has not arrived as a whole.
        Assert.Equal(TransportBatchState.Departed, (await In(t => t.FindAsync(batch, default)))!.State);
        // One person alone is refused with the same reason.
        var one = rows.Single(r => r.Person.Id == hejiawan[0].Id).Passenger.Id;
        var alone = await In(t => t.ConfirmArrivalAsync(batch, one, February10, "测试", default));
        Assert.Contains("已关账", Assert.Single(alone.Refused).Message);
    }

    [Fact]
    public async Task The_figures_by_region_and_period_match_the_trips_counted_by_hand()
    {
        // Trips: (person, batch destination, date, on board, arrival confirmed). Built here, counted here.
        var plan = new List<(PersonSummary Person, string Destination, DateOnly Date, bool Depart, bool Confirm)>
        {
            (hejiawan[0], Shenzhen, new(2022, 2, 8), true, true),
            (hejiawan[1], Shenzhen, new(2022, 2, 8), true, false),
            (hejiawan[2], Yuelu, new(2022, 3, 2), true, true),
            (shibadong[0], Shenzhen, new(2022, 2, 9), true, true),
            (shibadong[1], Changsha, new(2022, 2, 20), true, false),
            (shibadong[0], Changsha, new(2022, 4, 1), true, true), // the second trip of the same person, next quarter
            (hejiawan[3], Shenzhen, new(2022, 2, 8), false, false), // a planned batch carries nobody
        };
        var batches = new Dictionary<(string, DateOnly, bool, string), Guid>();
        foreach (var trip in plan)
        {
            var key = (trip.Destination, trip.Date, trip.Depart, trip.Person.CountyCode);
            if (!batches.TryGetValue(key, out var id))
                batches[key] = id = await CreateAsync(trip.Person.CountyCode, trip.Person.CountyCode, trip.Destination, trip.Date);
            await AddAsync(id, trip.Person);
        }
        foreach (var ((_, date, depart, _), id) in batches.Where(b => b.Key.Item3))
            await In(async t => { await t.DepartAsync(id, default); return 0; });
        foreach (var trip in plan.Where(t => t.Confirm))
        {
            var id = batches[(trip.Destination, trip.Date, true, trip.Person.CountyCode)];
            var passenger = (await In(t => t.PassengersAsync(id, default))).Single(p => p.Person.Id == trip.Person.Id).Passenger.Id;
            var result = await In(t => t.ConfirmArrivalAsync(id, passenger, trip.Date.AddDays(1), "测试", default));
            Assert.Equal(1, result.Confirmed);
        }

        foreach (var period in new[] { "2022-02", "2022-Q1", "2022" })
        {
            Assert.True(ReportPeriod.TryParse(period, out var p));
            var carried = plan.Where(t => t.Depart && t.Date >= p.From && t.Date < p.To).ToList();
            var rows = await Report(r => r.ByRegionAsync("43", p, default));
            foreach (var county in new[] { ("4301", Hejiawan), ("4331", Shibadong) })
            {
                var mine = carried.Where(t => t.Person.RegionCode.StartsWith(county.Item1, StringComparison.Ordinal)).ToList();
                var row = rows.Single(r => r.RegionCode == county.Item1);
                Assert.Equal(mine.Count, row.Trips);
                Assert.Equal(mine.Select(t => t.Person.Id).Distinct().Count(), row.Persons);
                Assert.Equal(mine.Count(t => t.Confirm), row.Arrived);
                Assert.Equal(mine.Count(t => t.Destination[..2] != "43"), row.OutsideProvince);
            }
            var total = rows[^1];
            Assert.Equal(carried.Count, total.Trips);
            Assert.Equal(rows.Take(rows.Count - 1).Sum(r => r.Trips), total.Trips);
            Assert.All(rows, r => Assert.Equal(r.Trips, r.OutsideProvince + r.InProvinceOutsideCounty + r.InCounty + r.Unknown));
            var behind = await Report(r => r.TripsBehindAsync("43", p, default));
            Assert.Equal(carried.Select(t => (t.Person.Id, t.Date)).Order(), behind.Select(t => (t.Person.Id, t.Batch.TravelDate)).Order());
        }
        // The village drill-down holds the village's people only, with masked ID numbers.
        Assert.True(ReportPeriod.TryParse("2022", out var year));
        var village = await Report(r => r.TripsBehindAsync(Hejiawan, year, default));
        Assert.Equal(3, village.Count);
        Assert.All(village, t => Assert.Contains('*', t.Person.IdNumberMasked));
    }

    [Fact]
    public async Task An_officer_of_宁乡市_neither_sees_nor_manages_a_花垣县_batch_and_sees_only_his_own_people_on_a_provincial_one()
    {
        var ningxiang = RegionScope.Of(Ningxiang);
        var huayuan = await CreateAsync(Huayuan, Huayuan, Changsha, February10);
        await AddAsync(huayuan, shibadong[0]);
        var province = await CreateAsync("43", Ningxiang, Shenzhen, February10.AddDays(1));
        await AddAsync(province, hejiawan[0]);
        await AddAsync(province, shibadong[1]);
        var own = await CreateAsync(Ningxiang, Ningxiang, Shenzhen, February10.AddDays(2));

        Assert.Null(await In(t => t.FindAsync(huayuan, default), ningxiang));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => In(t => t.UpdateAsync(huayuan, Input(Huayuan, Huayuan, Changsha, February10), default), ningxiang));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => In(t => t.AddPassengerAsync(huayuan, hejiawan[1].Id, "宁乡", default), ningxiang));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => In(async t => { await t.CancelAsync(huayuan, default); return 0; }, ningxiang));
        // His own batch: a 十八洞村 person is not found.
        await Assert.ThrowsAsync<KeyNotFoundException>(() => In(t => t.AddPassengerAsync(own, shibadong[2].Id, "宁乡", default), ningxiang));
        // The province's batch: visible for his passenger, read-only, with his people only.
        var seen = await In(t => t.FindAsync(province, default), ningxiang);
        Assert.NotNull(seen);
        Assert.False(await In(t => Task.FromResult(t.Manages(seen!)), ningxiang));
        Assert.Equal([hejiawan[0].Id], (await In(t => t.PassengersAsync(province, default), ningxiang)).Select(p => p.Person.Id));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => In(async t => { await t.DepartAsync(province, default); return 0; }, ningxiang));
        var list = await In(t => t.ListAsync(null, null, null, 100, default), ningxiang);
        Assert.Equal(new[] { own, province }.Order(), list.Select(i => i.Batch.Id).Order());
        Assert.Equal(1, list.Single(i => i.Batch.Id == province).VisiblePassengers);
        // A 宁乡市 officer cannot organise for 花垣县 either.
        var (id, errors) = await In(t => t.CreateAsync(Input(Huayuan, Huayuan, Changsha, February10), "宁乡", default), ningxiang);
        Assert.Null(id);
        Assert.Contains(errors, e => e.Field == nameof(TransportBatchInput.OrganiserRegionCode));
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_in_Chinese()
    {
        var input = new TransportBatchInput("999999", " ", null, "4403", "44", null, null, (TransportMode)42, 0, -1.234m, null, null);
        var (id, errors) = await In(t => t.CreateAsync(input, "测试", default));
        Assert.Null(id);
        Assert.Equal(
            new[] { "OrganiserRegionCode", "Organiser", "TravelDate", "OriginRegionCode", "DestinationRegionCode", "Mode", "Seats", "Cost", "PaidBy" },
            errors.Select(e => e.Field).ToArray());
        Assert.All(errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message));
    }

    private static TransportBatchInput Input(string organiser, string origin, string destination, DateOnly date, int seats = 45, string? employer = null) =>
        new(organiser, "人社局", date, origin, destination, employer, null, TransportMode.Bus, seats, 1234.5m, TransportPayer.Government, null);

    private async Task<Guid> CreateAsync(string organiser, string origin, string destination, DateOnly date, int seats = 45, string? employer = null)
    {
        var (id, errors) = await In(t => t.CreateAsync(Input(organiser, origin, destination, date, seats, employer), "测试", default));
        Assert.Empty(errors);
        return id!.Value;
    }

    private Task AddAsync(Guid batch, PersonSummary person) => In(t => t.AddPassengerAsync(batch, person.Id, "测试", default));

    private async Task<T> In<T>(Func<TransportService, Task<T>> use, RegionScope? scope = null)
    {
        await using var s = Services.InScope(scope);
        return await use(s.Get<TransportService>());
    }

    private async Task<T> Report<T>(Func<TransportReport, Task<T>> use)
    {
        await using var s = Services.InScope();
        return await use(s.Get<TransportReport>());
    }

    private async Task<EmploymentSituation> SituationAsync(Guid personId, Period period)
    {
        await using var s = Services.InScope();
        return (await s.Get<MonthlyRoundService>().FindAsync(personId, period))?.Situation ?? throw new InvalidOperationException("no situation");
    }
}
