using Bangfu.Employment.Employers;
using Bangfu.Employment.Occupations;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Registry.Regions;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Vacancies;

/// <summary>The outcome of a save: the vacancy, or the Chinese errors by property of <see cref="VacancyInput"/>.</summary>
public sealed record VacancySaveResult(Vacancy? Vacancy, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Vacancy is not null;
}

/// <summary>Filters of the management list.</summary>
public sealed record VacancyFilter(VacancyState? State = null, string? OccupationCode = null, string? Search = null, Guid? EmployerId = null);

/// <summary>
/// Vacancies: posting (by an officer for an employer they manage, or by the employer's own account), the county
/// bureau's review (publish or reject, audited as approvals), filled and withdrawn, and the open vacancies that
/// matching, fairs and pushes use. A published vacancy past its closing date is no longer open: expiry is computed on
/// read (<see cref="Open"/>), so no job has to run for it to take effect.
/// <para>Scope: managing a vacancy is managing its employer (<see cref="EmployerService.Manages"/> on the copied
/// <see cref="Vacancy.ManagingRegionCode"/>); anything else is not found (null), which pages answer with 404.</para>
/// <para>A write that changes the open vacancies (publication, filled, withdrawn, or any change to a vacancy that was or
/// is published) is told to <see cref="VacancyChanges"/> after it is saved, so the matching index and the online fair's
/// cached pages follow.</para>
/// </summary>
public sealed class VacancyService(AppDbContext db, EmployerService employers, OccupationCatalog occupations, AuditTrail audit,
    AuditActor actor, TimeProvider clock, VacancyChanges changes, RegionDirectory regions)
{
    public const string PublishEvent = "vacancy.publish";
    public const string RejectEvent = "vacancy.reject";

    /// <summary>Today's date where the service runs (the clock's local time zone).</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), clock.LocalTimeZone).DateTime);

    /// <summary>Vacancies open on <paramref name="day"/>: published, closing date not passed, not filled. Everyone may read them.</summary>
    public static IQueryable<Vacancy> Open(IQueryable<Vacancy> vacancies, DateOnly day) =>
        vacancies.Where(v => v.State == VacancyState.Published && v.ExpiresOn >= day && v.FilledCount < v.Headcount);

    /// <summary>The open vacancies today (see <see cref="Open"/>), untracked.</summary>
    public IQueryable<Vacancy> OpenVacancies() => Open(db.Set<Vacancy>().AsNoTracking(), Today);

    /// <summary>The vacancy if the caller manages it (an employer account: if it is its own); null otherwise.</summary>
    public async Task<Vacancy?> FindManagedAsync(Guid id, Guid? ownEmployerId = null, CancellationToken ct = default)
    {
        var v = await db.Set<Vacancy>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (v is null) return null;
        if (ownEmployerId is { } own) return v.EmployerId == own ? v : null;
        return EmployerService.Manages(db.Scope, v.ManagingRegionCode) ? v : null;
    }

    /// <summary>Vacancies the caller manages (an employer account: its own), newest first, at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<Vacancy>> ListManagedAsync(VacancyFilter filter, Guid? ownEmployerId = null, int take = 200, CancellationToken ct = default)
    {
        IQueryable<Vacancy> q = db.Set<Vacancy>().AsNoTracking();
        if (ownEmployerId is { } own) q = q.Where(v => v.EmployerId == own);
        else
        {
            var managed = employers.ManagedQuery().Select(e => e.Id);
            q = q.Where(v => managed.Contains(v.EmployerId));
        }
        if (filter.EmployerId is { } employerId) q = q.Where(v => v.EmployerId == employerId);
        if (filter.State is { } state)
        {
            var today = Today;
            q = state switch
            {
                VacancyState.Expired => q.Where(v => v.State == VacancyState.Published && v.ExpiresOn < today),
                VacancyState.Published => q.Where(v => v.State == VacancyState.Published && v.ExpiresOn >= today),
                _ => q.Where(v => v.State == state),
            };
        }
        if (!string.IsNullOrWhiteSpace(filter.OccupationCode))
        {
            var code = filter.OccupationCode.Trim();
            q = q.Where(v => v.OccupationCode == code || v.OccupationCode.StartsWith(code + "-"));
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var s = filter.Search.Trim();
            q = q.Where(v => v.Title.Contains(s));
        }
        return await q.OrderByDescending(v => v.CreatedAt).Take(take).ToListAsync(ct);
    }

    /// <summary>The caller's review queue: vacancies waiting for review that the caller manages, oldest first.</summary>
    public async Task<IReadOnlyList<Vacancy>> ReviewQueueAsync(CancellationToken ct = default) =>
        (await ListManagedAsync(new VacancyFilter(VacancyState.PendingReview), null, 500, ct)).OrderBy(v => v.CreatedAt).ToList();

    /// <summary>
    /// Posts a vacancy for <paramref name="employerId"/> and sends it to review (<see cref="VacancyState.PendingReview"/>).
    /// Null when the caller does not manage the employer.
    /// </summary>
    public async Task<VacancySaveResult?> CreateAsync(Guid employerId, VacancyInput input, VacancySource source,
        Guid? ownEmployerId = null, CancellationToken ct = default)
    {
        var employer = await employers.FindManagedAsync(employerId, ownEmployerId, ct);
        if (employer is null) return null;
        var errors = await CheckAsync(input, ct);
        if (errors.Count > 0) return new VacancySaveResult(null, errors);
        var now = clock.GetUtcNow();
        var v = new Vacancy
        {
            EmployerId = employer.Id,
            ManagingRegionCode = employer.ManagingRegionCode,
            Source = ownEmployerId is null ? source : VacancySource.EmployerAccount,
            CreatedAt = now,
        };
        input.ApplyTo(v);
        v.Submit();
        v.UpdatedAt = now;
        v.UpdatedBy = actor.UserName;
        db.Add(v);
        await db.SaveChangesAsync(ct);
        return new VacancySaveResult(v, errors);
    }

    /// <summary>
    /// Edits a vacancy not yet published (draft, waiting, or rejected: it goes back to review). A published one cannot be
    /// edited (withdraw it and post again), so what was reviewed is what is shown. Null when not managed by the caller.
    /// </summary>
    public async Task<VacancySaveResult?> UpdateAsync(Guid id, VacancyInput input, Guid? ownEmployerId = null, CancellationToken ct = default)
    {
        var v = await FindManagedAsync(id, ownEmployerId, ct);
        if (v is null) return null;
        if (!v.IsEditable)
            return new VacancySaveResult(null, new Dictionary<string, string> { [""] = $"{Vacancy.StateNames.Of(v.State)}的岗位不能修改；如需变更，请撤回后重新发布" });
        var errors = await CheckAsync(input, ct);
        if (errors.Count > 0) return new VacancySaveResult(null, errors);
        var before = v.State;
        input.ApplyTo(v);
        v.Submit();
        v.UpdatedAt = clock.GetUtcNow();
        v.UpdatedBy = actor.UserName;
        await SaveAsync(v, before, ct);
        return new VacancySaveResult(v, errors);
    }

    // The input's own rules and the workplace rule (against the region tree), every problem at once.
    private async Task<IReadOnlyDictionary<string, string>> CheckAsync(VacancyInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(input.Check(occupations, Today));
        if (!errors.ContainsKey(nameof(VacancyInput.WorkplaceRegionCode))
            && await VacancyInput.WorkplaceErrorAsync(regions, input.WorkplaceRegionCode, ct) is { } workplace)
            errors[nameof(VacancyInput.WorkplaceRegionCode)] = workplace;
        return errors;
    }

    /// <summary>
    /// The county bureau's decision: publish, or reject with a reason. Recorded in the audit trail as an approval
    /// (审批). Null when the caller does not manage the vacancy; <see cref="VacancyStateException"/> when it is not
    /// waiting for review or a rejection has no reason.
    /// </summary>
    public async Task<Vacancy?> ReviewAsync(Guid id, bool publish, string? reason, CancellationToken ct = default)
    {
        var v = await FindManagedAsync(id, null, ct);
        if (v is null) return null;
        var now = clock.GetUtcNow();
        var reviewer = actor.UserName ?? "";
        var before = v.State;
        if (publish) v.Publish(reviewer, now);
        else v.Reject(reason ?? "", reviewer, now);
        v.UpdatedAt = now;
        v.UpdatedBy = actor.UserName;
        await SaveAsync(v, before, ct);
        await audit.RecordAsync(new AuditEntry(AuditCategories.Approval, publish ? PublishEvent : RejectEvent,
            Target: v.Id.ToString(), Details: new { v.Title, v.EmployerId, Reason = publish ? null : v.RejectionReason },
            RegionCode: v.ManagingRegionCode), ct);
        return v;
    }

    /// <summary>Marks a published vacancy filled. Null when not managed by the caller.</summary>
    public Task<Vacancy?> MarkFilledAsync(Guid id, Guid? ownEmployerId = null, CancellationToken ct = default) =>
        ChangeAsync(id, ownEmployerId, v => v.MarkFilled(), ct);

    /// <summary>Withdraws a vacancy. Null when not managed by the caller.</summary>
    public Task<Vacancy?> WithdrawAsync(Guid id, Guid? ownEmployerId = null, CancellationToken ct = default) =>
        ChangeAsync(id, ownEmployerId, v => v.Withdraw(), ct);

    private async Task<Vacancy?> ChangeAsync(Guid id, Guid? ownEmployerId, Action<Vacancy> change, CancellationToken ct)
    {
        var v = await FindManagedAsync(id, ownEmployerId, ct);
        if (v is null) return null;
        var before = v.State;
        change(v);
        v.UpdatedAt = clock.GetUtcNow();
        v.UpdatedBy = actor.UserName;
        await SaveAsync(v, before, ct);
        return v;
    }

    /// <summary>Saves, and tells the caches when the vacancy was or is published (only then can the open ones change).</summary>
    private async Task SaveAsync(Vacancy v, VacancyState before, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        if (before == VacancyState.Published || v.State == VacancyState.Published) await changes.ChangedAsync();
    }
}
