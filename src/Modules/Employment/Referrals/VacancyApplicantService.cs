using Bangfu.Employment.Fairs;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Security;
using Bangfu.Registry.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Referrals;

/// <summary>Where an applicant row comes from.</summary>
public enum ApplicantKind
{
    /// <summary>Interest registered on the online fair (网上报名).</summary>
    Interest,
    /// <summary>A referral an officer recorded (岗位推送, 招聘会, 现场求职).</summary>
    Referral,
}

/// <summary>
/// One person who applied to a vacancy, as the vacancy's page shows them: <see cref="Name"/> as stored for an officer (the page
/// masks it by permission) and already masked (surname + *) for an employer account; the phone masked, for interests only (the
/// person typed it for the vacancy; a referred person gave the phone to the cadre, not to the employer); the date (local); the
/// source in Chinese; the state (the interest's follow-up, or the referral's outcome). <see cref="ReferralId"/> and
/// <see cref="Outcome"/> of an interest are filled for officers only: an employer is not told who is in the registry.
/// </summary>
public sealed record VacancyApplicant(ApplicantKind Kind, Guid Id, string Name, string? PhoneMasked, DateOnly On, string Source, string State,
    Guid? ReferralId, ReferralOutcome? Outcome);

/// <summary>
/// The people who applied to one vacancy, for its employer and its managing officers to follow up: interests from the online
/// fair and referrals by officers (a referral made from an interest is shown as the interest).
/// <para>An officer (no employer id) sees those in his region scope (the global filter). An employer account sees every
/// applicant of its own vacancies only, read with the nationwide scope for this vacancy alone, names masked here and nothing
/// that tells whether a person is in the registry (no matched flag, no referral of an interest). Another employer's vacancy is
/// null (the page answers 404). The list is recorded as a list view (<c>person.list</c>), a full phone as
/// <see cref="VacancyInterestService.RevealEvent"/>, as on the interest follow-up page.</para>
/// <para>Providing a person's details to an employer needs their separate consent (个人信息保护法 第二十三条): the interest form
/// says that the employer will call the number typed there; a referred person's registry phone is not shown to employers.</para>
/// </summary>
public sealed class VacancyApplicantService(AppDbContext db, RegionScopeAccessor scope, IPersonDirectory people, PersonalDataProtector protector,
    AuditTrail audit, TimeProvider clock)
{
    /// <summary>At most this many interests and this many referrals are listed (newest first).</summary>
    public const int Max = 500;

    /// <summary>The applicants of <paramref name="vacancy"/>, newest first; null when an employer account asks for another employer's.</summary>
    /// <param name="vacancy">A vacancy the caller manages (the page finds it with <see cref="VacancyService.FindManagedAsync"/>).</param>
    /// <param name="ownEmployerId">The employer of an employer account; null for officers.</param>
    public async Task<IReadOnlyList<VacancyApplicant>?> ListAsync(Vacancy vacancy, Guid? ownEmployerId, CancellationToken ct = default)
    {
        if (ownEmployerId is { } own && vacancy.EmployerId != own) return null;
        var forEmployer = ownEmployerId is not null;
        var list = await AsOwnerAsync(forEmployer, async () =>
        {
            var interests = await db.Set<VacancyInterest>().AsNoTracking().Where(x => x.VacancyId == vacancy.Id)
                .OrderByDescending(x => x.CreatedAt).Take(Max).ToListAsync(ct);
            var referrals = await db.Set<Referral>().AsNoTracking().Where(r => r.VacancyId == vacancy.Id)
                .OrderByDescending(r => r.ReferredOn).ThenByDescending(r => r.CreatedAt).Take(Max).ToListAsync(ct);
            var linked = interests.Where(x => x.ReferralId is not null).Select(x => x.ReferralId!.Value).ToHashSet();
            var others = referrals.Where(r => !linked.Contains(r.Id)).ToList();
            var names = await people.FindManyAsync(others.Select(r => r.PersonId).Distinct().ToList(), ct);
            var outcomes = referrals.ToDictionary(r => r.Id, r => r.Outcome);
            return interests.Select(x => new VacancyApplicant(ApplicantKind.Interest, x.Id, forEmployer ? Masking.Name(x.Name) : x.Name, x.PhoneMasked,
                    LocalDate(x.CreatedAt), ReferralText.Source(ReferralSource.OnlineInterest), InterestText.State(x.State),
                    forEmployer ? null : x.ReferralId, forEmployer || x.ReferralId is not { } r ? null : outcomes.GetValueOrDefault(r)))
                .Concat(others.Select(r =>
                {
                    var name = names.GetValueOrDefault(r.PersonId)?.Name;
                    return new VacancyApplicant(ApplicantKind.Referral, r.Id, forEmployer ? Masking.Name(name) : name ?? "", null, r.ReferredOn,
                        ReferralText.Source(r.Source), ReferralText.Outcome(r.Outcome), r.Id, r.Outcome);
                }))
                .OrderByDescending(a => a.On).ToList();
        });
        await audit.RecordAsync(new AuditEntry(AuditCategories.Person, AuditEvents.PersonList, Target: vacancy.Id.ToString(),
            Details: new { list = "岗位报名与推荐", shown = list.Count, employer = forEmployer }, RegionCode: vacancy.ManagingRegionCode), ct);
        return list;
    }

    /// <summary>
    /// The full phone of an interest in <paramref name="vacancy"/>, audited like the follow-up page's; null when the interest is
    /// not the vacancy's, not in an officer's scope, or the vacancy not the employer account's.
    /// </summary>
    public async Task<string?> RevealPhoneAsync(Vacancy vacancy, Guid interestId, Guid? ownEmployerId, CancellationToken ct = default)
    {
        if (ownEmployerId is { } own && vacancy.EmployerId != own) return null;
        var x = await AsOwnerAsync(ownEmployerId is not null, () =>
            db.Set<VacancyInterest>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == interestId && i.VacancyId == vacancy.Id, ct));
        if (x is null) return null;
        await audit.RecordAsync(new AuditEntry(AuditCategories.Person, VacancyInterestService.RevealEvent, Target: x.Id.ToString(),
            Details: new { vacancy = vacancy.Id }, RegionCode: x.RegionCode), ct);
        return protector.Decrypt(x.PhoneCipher);
    }

    /// <summary>Runs the read nationwide for an employer account (its own vacancy was checked), in the caller's scope otherwise.</summary>
    private async Task<T> AsOwnerAsync<T>(bool forEmployer, Func<Task<T>> read)
    {
        if (!forEmployer) return await read();
        var callerScope = scope.Scope;
        scope.Scope = RegionScope.Nationwide;
        try { return await read(); }
        finally { scope.Scope = callerScope; }
    }

    private DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone).DateTime);
}
