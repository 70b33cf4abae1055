using Bangfu.Employment.Contracts;
using Bangfu.Employment.MonthlyRound;
using Bangfu.Platform.Data;
using Bangfu.Platform.Time;
using Bangfu.Registry.Contracts;
using Bangfu.Registry.Regions;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Transport;

/// <summary>A batch in a list: the batch, the passengers the caller may see, and whether the caller manages it.</summary>
public sealed record TransportBatchItem(TransportBatch Batch, int VisiblePassengers, bool Managed);

/// <summary>A passenger the caller may see, with the person's masked identifiers.</summary>
public sealed record TransportPassengerRow(TransportPassenger Passenger, PersonSummary Person);

/// <summary>A person whose arrival was not confirmed, and why (Chinese).</summary>
public sealed record ArrivalRefusal(PersonSummary Person, string Message);

/// <summary>The outcome of confirming arrivals: how many were confirmed, and who was refused and why.</summary>
public sealed record ArrivalResult(int Confirmed, IReadOnlyList<ArrivalRefusal> Refused);

/// <summary>
/// Point-to-point transport (点对点输送): batches, the people on board, departure and arrival. The people carried get
/// their employment recorded for the month of arrival through the monthly round (<see cref="MonthlyRoundService"/>),
/// so a closed month refuses the arrival as it refuses any change.
/// <para>Scope: a batch is managed (created, edited, filled, departed, confirmed) only by officers whose scope covers its
/// <see cref="TransportBatch.OrganiserRegionCode"/>; everyone else asking for it gets <see cref="KeyNotFoundException"/>
/// (pages answer 404). Passengers must live inside the organiser's region, so whoever manages a batch sees all of its
/// passengers; an officer of a narrower scope (a county under a city-organised batch) sees the batch read-only, with only
/// the passengers of his own scope (the global region filter), and seat counts as numbers.</para>
/// </summary>
public sealed class TransportService(AppDbContext db, IPersonDirectory people, MonthlyRoundService round, RegionDirectory regions, TimeProvider clock)
{
    private IQueryable<TransportPassenger> Passengers => db.Set<TransportPassenger>();

    /// <summary>Whether the caller's scope covers the organiser of the batch.</summary>
    public bool Manages(TransportBatch batch) => db.Scope.Contains(batch.OrganiserRegionCode);

    /// <summary>
    /// The batches the caller manages, or that carry passengers of the caller's scope, newest date first (at most
    /// <paramref name="take"/>), optionally within [<paramref name="from"/>, <paramref name="to"/>].
    /// </summary>
    public async Task<IReadOnlyList<TransportBatchItem>> ListAsync(DateOnly? from, DateOnly? to, TransportBatchState? state, int take, CancellationToken ct)
    {
        if (db.Scope.Prefix is not { } prefix) return [];
        var query = db.Set<TransportBatch>().AsNoTracking()
            .Where(b => b.OrganiserRegionCode.StartsWith(prefix) || Passengers.Any(p => p.BatchId == b.Id));
        if (from is { } f) query = query.Where(b => b.TravelDate >= f);
        if (to is { } t) query = query.Where(b => b.TravelDate <= t);
        if (state is { } s) query = query.Where(b => b.State == s);
        var rows = await query.OrderByDescending(b => b.TravelDate).ThenByDescending(b => b.Id).Take(take)
            .Select(b => new { Batch = b, Visible = Passengers.Count(p => p.BatchId == b.Id) })
            .ToListAsync(ct);
        return rows.Select(r => new TransportBatchItem(r.Batch, r.Visible, Manages(r.Batch))).ToList();
    }

    /// <summary>A batch the caller manages or has passengers on; null otherwise.</summary>
    public async Task<TransportBatch?> FindAsync(Guid id, CancellationToken ct)
    {
        var batch = await db.Set<TransportBatch>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null) return null;
        return Manages(batch) || await Passengers.AnyAsync(p => p.BatchId == id, ct) ? batch : null;
    }

    /// <summary>The batch's passengers the caller may see, by village and person number.</summary>
    public async Task<IReadOnlyList<TransportPassengerRow>> PassengersAsync(Guid batchId, CancellationToken ct)
    {
        var rows = await Passengers.AsNoTracking().Where(p => p.BatchId == batchId).ToListAsync(ct);
        var persons = await people.FindManyAsync(rows.Select(r => r.PersonId).ToList(), ct);
        return rows.Where(r => persons.ContainsKey(r.PersonId)).Select(r => new TransportPassengerRow(r, persons[r.PersonId]))
            .OrderBy(r => r.Person.RegionCode, StringComparer.Ordinal).ThenBy(r => r.Person.PersonNumber, StringComparer.Ordinal).ToList();
    }

    /// <summary>Creates a planned batch.</summary>
    /// <returns>The new batch's id, or the problems with the input (nothing is saved then).</returns>
    public async Task<(Guid? Id, IReadOnlyList<FieldError> Errors)> CreateAsync(TransportBatchInput input, string? userName, CancellationToken ct)
    {
        var errors = await input.CheckAsync(regions, db.Scope, Today(), ct);
        if (errors.Count > 0) return (null, errors);
        var batch = new TransportBatch { CreatedAt = clock.GetUtcNow(), CreatedBy = userName, State = TransportBatchState.Planned };
        Copy(input, batch);
        db.Add(batch);
        await db.SaveChangesAsync(ct);
        return (batch.Id, []);
    }

    /// <summary>Changes a planned batch. The organiser stays once people are booked; seats never drop below the booked.</summary>
    /// <exception cref="KeyNotFoundException">No such batch managed by the caller.</exception>
    /// <exception cref="InvalidOperationException">The batch is no longer planned.</exception>
    public async Task<IReadOnlyList<FieldError>> UpdateAsync(Guid id, TransportBatchInput input, CancellationToken ct)
    {
        var batch = await ManagedAsync(id, ct);
        if (!batch.IsOpen) throw new InvalidOperationException($"该批次{TransportBatch.StateText(batch.State)}，不能再修改。");
        var errors = (await input.CheckAsync(regions, db.Scope, Today(), ct)).ToList();
        if (batch.Booked > 0 && input.OrganiserRegionCode?.Trim() != batch.OrganiserRegionCode)
            errors.Add(new(nameof(input.OrganiserRegionCode), "已有乘车人员，不能再改组织地区。"));
        if (input.Seats is { } seats && seats < batch.Booked)
            errors.Add(new(nameof(input.Seats), $"已有 {batch.Booked} 人登记，座位数不能少于 {batch.Booked}。"));
        if (errors.Count > 0) return errors;
        var dateChanged = input.TravelDate != batch.TravelDate;
        Copy(input, batch);
        if (dateChanged)
        {
            var date = batch.TravelDate;
            foreach (var p in await Passengers.Where(p => p.BatchId == id).ToListAsync(ct)) p.BookedDate = date;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new InvalidOperationException("该批次刚被他人修改，请刷新后重试。");
        }
        catch (DbUpdateException)
        {
            return [new(nameof(input.TravelDate), "有乘车人员在新的出发日期已登记在其他批次，不能改到这一天。")];
        }
        return [];
    }

    /// <summary>Books a registered person of the caller's scope onto a planned batch.</summary>
    /// <exception cref="KeyNotFoundException">No such batch managed by the caller, or no such person in the caller's scope.</exception>
    /// <exception cref="InvalidOperationException">Seats full, the batch not planned, the person outside the organiser's region,
    /// already on this batch, or on another batch of the same date.</exception>
    public async Task<TransportPassenger> AddPassengerAsync(Guid batchId, Guid personId, string? userName, CancellationToken ct)
    {
        var batch = await ManagedAsync(batchId, ct);
        var person = await people.FindAsync(personId, ct) ?? throw new KeyNotFoundException("找不到此人，或不在您的管辖范围内。");
        if (!person.RegionCode.StartsWith(batch.OrganiserRegionCode, StringComparison.Ordinal))
            throw new InvalidOperationException("此人不在本批次组织地区之内，不能乘坐本批次。");
        var booked = await Passengers.AsNoTracking()
            .Where(p => p.CountyCode == person.CountyCode && p.PersonId == person.Id && (p.BatchId == batchId || p.BookedDate == batch.TravelDate))
            .Select(p => p.BatchId).ToListAsync(ct);
        if (booked.Contains(batchId)) throw new InvalidOperationException("此人已在本批次中。");
        if (booked.Count > 0) throw new InvalidOperationException($"此人已登记 {batch.TravelDate:yyyy-MM-dd} 的另一批次，同一天不能乘坐两个批次。");
        batch.Book();
        var passenger = new TransportPassenger
        {
            CountyCode = person.CountyCode, RegionCode = person.RegionCode, BatchId = batchId, PersonId = person.Id,
            BookedDate = batch.TravelDate, AddedAt = clock.GetUtcNow(), AddedBy = userName,
        };
        db.Add(passenger);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new InvalidOperationException("该批次刚被他人同时修改（座位可能已满），请刷新后重试。");
        }
        catch (DbUpdateException)
        {
            throw new InvalidOperationException($"此人已登记 {batch.TravelDate:yyyy-MM-dd} 的另一批次，同一天不能乘坐两个批次。");
        }
        return passenger;
    }

    /// <summary>Takes a person off a planned batch.</summary>
    /// <exception cref="KeyNotFoundException">No such batch managed by the caller, or no such passenger on it.</exception>
    public async Task RemovePassengerAsync(Guid batchId, Guid passengerId, CancellationToken ct)
    {
        var batch = await ManagedAsync(batchId, ct);
        var passenger = await PassengerAsync(batchId, passengerId, ct);
        batch.Unbook();
        db.Remove(passenger);
        await SaveAsync(ct);
    }

    /// <summary>Marks a passenger as on board (or not) before the arrival is confirmed.</summary>
    public async Task SetBoardedAsync(Guid batchId, Guid passengerId, bool boarded, CancellationToken ct)
    {
        var batch = await ManagedAsync(batchId, ct);
        if (batch.State is not (TransportBatchState.Planned or TransportBatchState.Departed))
            throw new InvalidOperationException($"该批次{TransportBatch.StateText(batch.State)}，不能再改上车情况。");
        var passenger = await PassengerAsync(batchId, passengerId, ct);
        if (passenger.ArrivedOn is not null) throw new InvalidOperationException("此人已确认到达。");
        passenger.Boarded = boarded;
        await SaveAsync(ct);
    }

    /// <summary>Marks the batch departed. When nobody was marked on board one by one, everyone booked is taken as on board.</summary>
    public async Task DepartAsync(Guid batchId, CancellationToken ct)
    {
        var batch = await ManagedAsync(batchId, ct);
        batch.Depart(clock.GetUtcNow());
        var passengers = await Passengers.Where(p => p.BatchId == batchId).ToListAsync(ct);
        if (!passengers.Any(p => p.Boarded)) passengers.ForEach(p => p.Boarded = true);
        await SaveAsync(ct);
    }

    /// <summary>Cancels a planned batch: it keeps its list, and its passengers are free to take another batch that day.</summary>
    public async Task CancelAsync(Guid batchId, CancellationToken ct)
    {
        var batch = await ManagedAsync(batchId, ct);
        batch.Cancel();
        foreach (var p in await Passengers.Where(p => p.BatchId == batchId).ToListAsync(ct)) p.BookedDate = null;
        await SaveAsync(ct);
    }

    /// <summary>
    /// Confirms the arrival of one passenger (<paramref name="passengerId"/>) or of everyone on board not yet confirmed
    /// (null), on <paramref name="arrivedOn"/>: each person is recorded as in wage work at the destination for the month
    /// of arrival (workplace by <see cref="Workplaces.KindOf"/>, employer the batch's employer or else the destination's
    /// name). A person whose village has closed that month is refused with the reason and left unchanged; the others go
    /// ahead, each on its own. When no one on board is left unconfirmed, the batch counts as arrived.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such batch managed by the caller, or no such passenger on it.</exception>
    /// <exception cref="InvalidOperationException">The batch has not departed, or the date is before departure or still to come.</exception>
    public async Task<ArrivalResult> ConfirmArrivalAsync(Guid batchId, Guid? passengerId, DateOnly arrivedOn, string? userName, CancellationToken ct)
    {
        var batch = await ManagedAsync(batchId, ct);
        if (batch.State is not (TransportBatchState.Departed or TransportBatchState.Arrived))
            throw new InvalidOperationException($"该批次{TransportBatch.StateText(batch.State)}，出发后才能确认到达。");
        if (arrivedOn < batch.TravelDate) throw new InvalidOperationException("到达日期不能早于出发日期。");
        if (arrivedOn > Today()) throw new InvalidOperationException("到达日期不能晚于今天。");
        List<TransportPassenger> targets;
        if (passengerId is { } one)
        {
            var passenger = await PassengerAsync(batchId, one, ct);
            if (passenger.ArrivedOn is not null) throw new InvalidOperationException("此人已确认到达。");
            targets = [passenger];
        }
        else
        {
            targets = await Passengers.Where(p => p.BatchId == batchId && p.Boarded && p.ArrivedOn == null).ToListAsync(ct);
        }
        var persons = await people.FindManyAsync(targets.Select(t => t.PersonId).ToList(), ct);
        var month = Period.Of(arrivedOn);
        var destination = await regions.FindAsync(batch.DestinationRegionCode, ct);
        var employer = string.IsNullOrWhiteSpace(batch.EmployerName) ? destination?.Name : batch.EmployerName;
        // 市辖区 names no place: then the destination as written from the province down, without placeholder levels (北京市).
        if (string.IsNullOrWhiteSpace(batch.EmployerName) && destination is { IsPlaceholder: true })
            employer = await regions.FullNameAsync(destination.Code, ct);
        var refused = new List<ArrivalRefusal>();
        var confirmed = 0;
        foreach (var passenger in targets)
        {
            if (!persons.TryGetValue(passenger.PersonId, out var person)) continue;
            if (await round.LastClosedAsync(passenger.RegionCode, ct) is { } closed && month <= closed)
            {
                var village = (await regions.FindAsync(person.RegionCode, ct))?.Name ?? person.RegionCode;
                refused.Add(new(person, $"{village} 已关账到 {closed.ToChinese()}，不能把到达登记在 {month.ToChinese()}；"
                                        + "请县里先重新打开该月，或按实际填写以后月份的到达日期。"));
                continue;
            }
            passenger.Boarded = true;
            passenger.ArrivedOn = arrivedOn;
            passenger.ArrivalConfirmedAt = clock.GetUtcNow();
            passenger.ArrivalConfirmedBy = userName;
            try
            {
                var change = new SituationChange(EmploymentStatus.WageEmployed, Workplaces.KindOf(batch.DestinationRegionCode, person.RegionCode),
                    batch.DestinationRegionCode, employer);
                await round.SetAsync(person.Id, month, change, userName, ct);
                await db.SaveChangesAsync(ct); // the passenger, when the situation was already the same
                confirmed++;
            }
            catch (InvalidOperationException e)
            {
                var entry = db.Entry(passenger);
                entry.CurrentValues.SetValues(entry.OriginalValues);
                entry.State = EntityState.Unchanged;
                refused.Add(new(person, e.Message));
            }
        }
        if (confirmed > 0 && batch.State == TransportBatchState.Departed)
        {
            // Counted over every scope: the batch has arrived when nobody on board is left unconfirmed.
            var waiting = await db.Set<TransportPassenger>().IgnoreQueryFilters([AppDbContext.RegionScopeFilter])
                .CountAsync(p => p.BatchId == batchId && p.Boarded && p.ArrivedOn == null, ct);
            if (waiting == 0)
            {
                batch.Arrive(clock.GetUtcNow());
                await SaveAsync(ct);
            }
        }
        return new ArrivalResult(confirmed, refused);
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private async Task<TransportBatch> ManagedAsync(Guid id, CancellationToken ct)
    {
        var batch = await db.Set<TransportBatch>().SingleOrDefaultAsync(b => b.Id == id, ct);
        return batch is not null && Manages(batch) ? batch : throw new KeyNotFoundException("找不到该批次，或不在您的管辖范围内。");
    }

    private async Task<TransportPassenger> PassengerAsync(Guid batchId, Guid passengerId, CancellationToken ct) =>
        await Passengers.SingleOrDefaultAsync(p => p.BatchId == batchId && p.Id == passengerId, ct)
        ?? throw new KeyNotFoundException("本批次没有这位乘车人员，或不在您的管辖范围内。");

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new InvalidOperationException("该批次刚被他人修改，请刷新后重试。");
        }
    }

    private static void Copy(TransportBatchInput input, TransportBatch batch)
    {
        batch.OrganiserRegionCode = input.OrganiserRegionCode!.Trim();
        batch.Organiser = input.Organiser!.Trim();
        batch.TravelDate = input.TravelDate!.Value;
        batch.OriginRegionCode = input.OriginRegionCode!.Trim();
        batch.DestinationRegionCode = input.DestinationRegionCode!.Trim();
        batch.EmployerName = string.IsNullOrWhiteSpace(input.EmployerName) ? null : input.EmployerName.Trim();
        batch.EmployerId = input.EmployerId;
        batch.Mode = input.Mode!.Value;
        batch.Seats = input.Seats!.Value;
        batch.CostFen = input.Cost is { } cost ? Money.ToFen(cost) : null;
        batch.PaidBy = input.PaidBy!.Value;
        batch.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
    }
}
