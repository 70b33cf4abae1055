using Bangfu.Employment.Employers;
using Bangfu.Employment.Referrals;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Security;
using Bangfu.Registry.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Fairs;

/// <summary>What a member of the public types into the interest form. Lengths are checked, not trusted.</summary>
public sealed record InterestInput(string? Name, string? Phone, string? IdNumber);

/// <summary>
/// The outcome of a registration: the Chinese errors by field (<c>Name</c>, <c>Phone</c>, <c>IdNumber</c>, or "" for the
/// vacancy), or success. The same answer whether or not the person was found in the registry, and whether or not the
/// phone had already registered for the vacancy.
/// </summary>
public sealed record InterestResult(IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>An interest as the follow-up list shows it (identifiers masked), with the referral it became and that referral's outcome.</summary>
public sealed record InterestListItem(Guid Id, Guid VacancyId, string VacancyTitle, string EmployerName, string RegionCode, bool Matched,
    string Name, string PhoneMasked, string? IdNumberMasked, InterestState State, string? Note, DateTimeOffset CreatedAt,
    Guid? ReferralId = null, ReferralOutcome? Outcome = null);

/// <summary>
/// The outcome of linking an interest to a registry person: the Chinese error (about the ID number field), or the person and
/// the referral the interest became.
/// </summary>
public sealed record InterestLinkResult(string? Error, Guid? PersonId = null, Guid? ReferralId = null)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Interest registered on the online fair, and its follow-up by officers. Registration needs no account: it runs as a
/// system task (nationwide scope for the registry lookup and the write) and reveals nothing about the registry.
/// Matching: by the keyed hash of the ID number when given (GB 11643-1999 validated) together with the exact name, else by
/// the phone's hash and the exact name; an ID number with another name stays unmatched for the county to check. A matched interest is scoped to the person's village (the cadre follows up), an unmatched one to the
/// vacancy's managing county (the bureau follows up). Reading an interest's phone in full is audited.
/// <para>A matched interest is a referral (推荐就业, source 网上报名) of the person to the vacancy, made in the same save, so the
/// cadre's referral list, outcome, placement and follow-ups apply to it (the issue: "register interest ... which creates a
/// referral for the cadre and the employer to follow up"). A person has one online-interest referral per vacancy however often
/// they register (a unique index, <c>ReferralConfiguration</c>); a later interest links to the existing one. The referral is
/// the system's act, not an officer's: it is dated the day of registration, with no referrer and no audit entry, and the
/// public path makes the same reads whether or not anyone was found (a match adds one row to the same insert).</para>
/// </summary>
public sealed class VacancyInterestService(AppDbContext db, RegionScopeAccessor scope, PersonalDataProtector protector,
    IPersonMatcher matcher, AuditTrail audit, AuditActor actor, TimeProvider clock)
{
    public const string RevealEvent = "interest.phone";
    /// <summary>An unmatched interest linked by an officer to a registry person.</summary>
    public const string LinkEvent = "interest.link";
    public const int NameMax = 20;

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), clock.LocalTimeZone).DateTime);

    /// <summary>Validates the form: name 1..20 characters, an 11-digit mainland mobile number, an optional valid ID number.</summary>
    public IReadOnlyDictionary<string, string> Check(InterestInput input, out string phone, out IdNumberCheck? id)
    {
        var errors = new Dictionary<string, string>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors["Name"] = "请填写姓名";
        else if (name.Length > NameMax) errors["Name"] = $"姓名不能超过 {NameMax} 个字";
        else if (name.Any(c => char.IsDigit(c) || c is '<' or '>' or '/' or '\\')) errors["Name"] = "姓名中不能有数字或符号";
        phone = new string((input.Phone ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (phone.Length == 0) errors["Phone"] = "请填写手机号码，以便联系您";
        else if (phone.Length != 11 || !phone.All(char.IsAsciiDigit) || phone[0] != '1') errors["Phone"] = "手机号码应为 11 位数字，以 1 开头";
        id = null;
        if (!string.IsNullOrWhiteSpace(input.IdNumber))
        {
            id = matcher.CheckIdNumber(input.IdNumber);
            if (!id.IsValid)
            {
                errors["IdNumber"] = id.Error + "；也可以不填";
                id = null;
            }
        }
        return errors;
    }

    /// <summary>
    /// Registers interest in an open vacancy. Errors (Chinese, by field) when the form is invalid or the vacancy is no
    /// longer open. A second registration of the same phone for the same vacancy succeeds without a second row; when it brings
    /// an ID number the first lacked, the number is added to the first and matched (<see cref="AddIdNumberAsync"/>). A person found
    /// in the registry gets the online-interest referral for the vacancy (or the interest is linked to the one they have).
    /// </summary>
    public async Task<InterestResult> RegisterAsync(Guid vacancyId, InterestInput input, CancellationToken ct = default)
    {
        var errors = Check(input, out var phone, out var id);
        if (errors.Count > 0) return new InterestResult(errors);
        var vacancy = await VacancyService.Open(db.Set<Vacancy>().AsNoTracking(), Today).FirstOrDefaultAsync(v => v.Id == vacancyId, ct);
        if (vacancy is null) return new InterestResult(new Dictionary<string, string> { [""] = "该岗位已停止招聘或不存在，请选择其他岗位" });
        var callerScope = scope.Scope;
        scope.Scope = RegionScope.Nationwide;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await StoreAsync(vacancy, input.Name!.Trim(), phone, id, ct);
                    break;
                }
                catch (DbUpdateException) when (attempt == 1)
                {
                    // A unique index refused the save: the same phone, or the same person by another phone, registered for this
                    // vacancy at the same moment. The second try finds what the other request stored.
                    db.ChangeTracker.Clear();
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                    break;
                }
            }
            return new InterestResult(new Dictionary<string, string>());
        }
        finally { scope.Scope = callerScope; }
    }

    private static readonly PersonMatch NoOne = new(Guid.Empty, "", "");

    private async Task StoreAsync(Vacancy vacancy, string name, string phone, IdNumberCheck? id, CancellationToken ct)
    {
        var phoneHash = protector.Hash("phone", phone);
        var earlier = await db.Set<VacancyInterest>().FirstOrDefaultAsync(x => x.VacancyId == vacancy.Id && x.PhoneHash == phoneHash, ct);
        // The same phone again: nothing new unless it now brings the ID number the earlier registration lacked.
        if (earlier is not null && (id is null || earlier.IdNumberHash is not null)) return;
        // The ID number with the name as typed: a number alone, known or guessed, must not attach a stranger's phone to a person.
        var person = id is not null
            ? await matcher.ByIdNumberAndNameAsync(id.Value!, name, ct)
            : await matcher.ByNameAndPhoneAsync(name, phone, ct);
        // Read for nobody too, so a match costs no read more than a stranger (the answer's timing tells little either).
        var existing = await OnlineReferralAsync(person ?? NoOne, vacancy.Id, ct);
        var employer = await EmployerNameAsync(vacancy, ct);
        var now = clock.GetUtcNow();
        if (earlier is not null)
        {
            await AddIdNumberAsync(earlier, id!, person, existing, vacancy, employer, now, ct);
            return;
        }
        var interest = new VacancyInterest
        {
            VacancyId = vacancy.Id,
            PersonId = person?.PersonId,
            RegionCode = person?.RegionCode ?? vacancy.ManagingRegionCode,
            Name = name,
            PhoneCipher = protector.Encrypt(phone),
            PhoneHash = phoneHash,
            PhoneMasked = Masking.Phone(phone),
            IdNumberCipher = id is null ? null : protector.Encrypt(id.Value!),
            IdNumberHash = id is null ? null : protector.Hash("id", id.Value!),
            IdNumberMasked = id?.Masked,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (person is not null) interest.ReferralId = (existing ?? NewReferral(person, vacancy, employer, Today, null)).Id;
        db.Add(interest);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A second registration of the same phone for the vacancy that brings an ID number the first lacked: the number is kept
    /// on the earlier interest (encrypted, hashed, masked) and, when the interest was unmatched and the number is a registry
    /// person's, the interest moves to the person's village and becomes their online-interest referral, dated the day of the
    /// first registration (as <see cref="LinkAsync"/> dates it), or is linked to the one they already have. An interest already
    /// matched (by name and phone) keeps its person; it takes the number only when the number is that person's.
    /// </summary>
    private async Task AddIdNumberAsync(VacancyInterest earlier, IdNumberCheck id, PersonMatch? person, Referral? existing, Vacancy vacancy,
        string employer, DateTimeOffset now, CancellationToken ct)
    {
        if (earlier.PersonId is { } linked && linked != person?.PersonId) return;
        earlier.IdNumberCipher = protector.Encrypt(id.Value!);
        earlier.IdNumberHash = protector.Hash("id", id.Value!);
        earlier.IdNumberMasked = id.Masked;
        earlier.UpdatedAt = now;
        if (earlier.PersonId is null && person is not null)
        {
            earlier.PersonId = person.PersonId;
            earlier.RegionCode = person.RegionCode;
            earlier.ReferralId = (existing ?? NewReferral(person, vacancy, employer, LocalDate(earlier.CreatedAt), null)).Id;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Links an unmatched interest (in the caller's scope: a county bureau's) to the registry person with this resident ID
    /// number inside the caller's scope, after the officer has called the person: the interest moves to the person's village and
    /// becomes the person's online-interest referral for the vacancy (a new one dated the day of registration, or the one an
    /// earlier registration made), in one save. The person found is recorded as a read (<c>person.view</c>), the link as
    /// <see cref="LinkEvent"/> and a new referral as <c>referral.create</c>. Null when the interest is not in the caller's scope.
    /// </summary>
    /// <returns>An error (Chinese) when the interest is already linked, the number is not a valid ID number (GB 11643-1999),
    /// or nobody in the caller's scope has it; whether someone elsewhere has it is not told.</returns>
    public async Task<InterestLinkResult?> LinkAsync(Guid interestId, string? idNumber, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var x = await db.Set<VacancyInterest>().FirstOrDefaultAsync(i => i.Id == interestId, ct);
            if (x is null) return null;
            if (x.PersonId is not null) return new InterestLinkResult("该求职意向已经关联到花名册中的人员。");
            if (string.IsNullOrWhiteSpace(idNumber)) return new InterestLinkResult("请填写此人的身份证号码。");
            var id = matcher.CheckIdNumber(idNumber);
            if (!id.IsValid) return new InterestLinkResult(id.Error);
            var person = await matcher.ByIdNumberAsync(id.Value!, ct);
            if (person is null) return new InterestLinkResult("在您的管辖范围内没有找到这个身份证号码的人员，请核对。");
            if (attempt == 1)
                await audit.RecordAsync(new AuditEntry(AuditCategories.Person, AuditEvents.PersonView, Target: person.PersonId.ToString(),
                    Details: new { via = "网上求职意向关联", interest = x.Id }, RegionCode: person.RegionCode), ct);
            var vacancy = await db.Set<Vacancy>().AsNoTracking().FirstAsync(v => v.Id == x.VacancyId, ct);
            var existing = await OnlineReferralAsync(person, vacancy.Id, ct);
            var referral = existing ?? NewReferral(person, vacancy, await EmployerNameAsync(vacancy, ct), LocalDate(x.CreatedAt), actor.UserName);
            x.PersonId = person.PersonId;
            x.RegionCode = person.RegionCode;
            x.ReferralId = referral.Id;
            x.IdNumberCipher = protector.Encrypt(id.Value!);
            x.IdNumberHash = protector.Hash("id", id.Value!);
            x.IdNumberMasked = id.Masked;
            x.UpdatedAt = clock.GetUtcNow();
            x.UpdatedBy = actor.UserName;
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) when (attempt == 1)
            {
                // The person's online-interest referral for this vacancy was made at the same moment: link to it.
                db.ChangeTracker.Clear();
                continue;
            }
            await audit.RecordAsync(new AuditEntry(AuditCategories.Person, LinkEvent, Target: x.Id.ToString(),
                Details: new { person = person.PersonId, referral = referral.Id }, RegionCode: person.RegionCode), ct);
            if (existing is null)
                await audit.RecordAsync(new AuditEntry(AuditCategories.Person, "referral.create", Target: person.PersonId.ToString(),
                    Details: new { referral = referral.Id, source = ReferralText.Source(ReferralSource.OnlineInterest), job = referral.JobTitle,
                        employer = referral.EmployerName, interest = x.Id }, RegionCode: person.RegionCode), ct);
            return new InterestLinkResult(null, person.PersonId, referral.Id);
        }
    }

    /// <summary>The person's online-interest referral to the vacancy, if one was made (by an earlier registration or link).</summary>
    private Task<Referral?> OnlineReferralAsync(PersonMatch person, Guid vacancyId, CancellationToken ct) =>
        db.Set<Referral>().FirstOrDefaultAsync(r => r.CountyCode == person.CountyCode && r.PersonId == person.PersonId && r.VacancyId == vacancyId
            && r.Source == ReferralSource.OnlineInterest, ct);

    private Task<string> EmployerNameAsync(Vacancy vacancy, CancellationToken ct) =>
        db.Set<Employer>().AsNoTracking().Where(e => e.Id == vacancy.EmployerId).Select(e => e.Name).FirstAsync(ct);

    /// <summary>A new online-interest referral of the person to the vacancy (title and employer copied), added to the context unsaved.</summary>
    private Referral NewReferral(PersonMatch person, Vacancy vacancy, string employer, DateOnly on, string? by)
    {
        var referral = new Referral
        {
            CountyCode = person.CountyCode, RegionCode = person.RegionCode, PersonId = person.PersonId, VacancyId = vacancy.Id,
            JobTitle = vacancy.Title, EmployerName = employer, Source = ReferralSource.OnlineInterest, ReferredOn = on, ReferredBy = by,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(referral);
        return referral;
    }

    private DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone).DateTime);

    /// <summary>
    /// The follow-up list: interests in the caller's scope (the global filter: matched ones by village, unmatched by the
    /// vacancy's county), newest first, optionally of one state; at most <paramref name="take"/>.
    /// </summary>
    public Task<IReadOnlyList<InterestListItem>> ListAsync(InterestState? state, int take = 200, CancellationToken ct = default) =>
        ListAsync(state, take, null, ct);

    /// <summary>
    /// One page of the follow-up list, keyset-paged like the people list: the interests after <paramref name="after"/> (an
    /// interest id of the previous page's last row; newest first by registration time, then id), at most <paramref name="take"/>.
    /// An <paramref name="after"/> not in the caller's scope starts from the first page.
    /// </summary>
    public async Task<IReadOnlyList<InterestListItem>> ListAsync(InterestState? state, int take, Guid? after, CancellationToken ct = default)
    {
        var q = db.Set<VacancyInterest>().AsNoTracking();
        if (state is { } st) q = q.Where(x => x.State == st);
        if (after is { } id && await db.Set<VacancyInterest>().AsNoTracking().Where(x => x.Id == id).Select(x => (DateTimeOffset?)x.CreatedAt)
                .FirstOrDefaultAsync(ct) is { } at)
            q = q.Where(x => x.CreatedAt < at || (x.CreatedAt == at && x.Id.CompareTo(id) < 0));
        var items = await (from x in q
                           join v in db.Set<Vacancy>().AsNoTracking() on x.VacancyId equals v.Id
                           join e in db.Set<Employer>().AsNoTracking() on v.EmployerId equals e.Id
                           orderby x.CreatedAt descending, x.Id descending
                           select new InterestListItem(x.Id, v.Id, v.Title, e.Name, x.RegionCode, x.PersonId != null, x.Name, x.PhoneMasked,
                               x.IdNumberMasked, x.State, x.Note, x.CreatedAt, x.ReferralId, null)).Take(take).ToListAsync(ct);
        var referralIds = items.Where(i => i.ReferralId is not null).Select(i => i.ReferralId!.Value).ToList();
        if (referralIds.Count == 0) return items;
        var outcomes = await db.Set<Referral>().AsNoTracking().Where(r => referralIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Outcome }).ToDictionaryAsync(r => r.Id, r => r.Outcome, ct);
        return items.Select(i => i.ReferralId is { } r && outcomes.TryGetValue(r, out var outcome) ? i with { Outcome = outcome } : i).ToList();
    }

    /// <summary>The full phone of an interest in the caller's scope, audited as a read of personal details; null when out of scope.</summary>
    public async Task<string?> RevealPhoneAsync(Guid id, CancellationToken ct = default)
    {
        var x = await db.Set<VacancyInterest>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (x is null) return null;
        await audit.RecordAsync(new AuditEntry(AuditCategories.Person, RevealEvent, Target: x.Id.ToString(), RegionCode: x.RegionCode), ct);
        return protector.Decrypt(x.PhoneCipher);
    }

    /// <summary>Records the follow-up (state and note ≤ 500 characters); false when out of scope.</summary>
    public async Task<bool> FollowUpAsync(Guid id, InterestState state, string? note, CancellationToken ct = default)
    {
        var x = await db.Set<VacancyInterest>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (x is null) return false;
        x.State = state;
        x.Note = string.IsNullOrWhiteSpace(note) ? x.Note : note.Trim()[..Math.Min(note.Trim().Length, 500)];
        x.UpdatedAt = clock.GetUtcNow();
        x.UpdatedBy = actor.UserName;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
