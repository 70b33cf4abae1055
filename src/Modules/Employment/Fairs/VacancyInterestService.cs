using Bangfu.Employment.Employers;
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

/// <summary>An interest as the follow-up list shows it (identifiers masked).</summary>
public sealed record InterestListItem(Guid Id, Guid VacancyId, string VacancyTitle, string EmployerName, string RegionCode, bool Matched,
    string Name, string PhoneMasked, string? IdNumberMasked, InterestState State, string? Note, DateTimeOffset CreatedAt);

/// <summary>
/// Interest registered on the online fair, and its follow-up by officers. Registration needs no account: it runs as a
/// system task (nationwide scope for the registry lookup and the write) and reveals nothing about the registry.
/// Matching: by the keyed hash of the ID number when given (GB 11643-1999 validated), else by the phone's hash and the
/// exact name. A matched interest is scoped to the person's village (the cadre follows up), an unmatched one to the
/// vacancy's managing county (the bureau follows up). Reading an interest's phone in full is audited.
/// </summary>
public sealed class VacancyInterestService(AppDbContext db, RegionScopeAccessor scope, PersonalDataProtector protector,
    IPersonMatcher matcher, AuditTrail audit, AuditActor actor, TimeProvider clock)
{
    public const string RevealEvent = "interest.phone";
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
    /// longer open. A second registration of the same phone for the same vacancy succeeds without a second row.
    /// </summary>
    public async Task<InterestResult> RegisterAsync(Guid vacancyId, InterestInput input, CancellationToken ct = default)
    {
        var errors = Check(input, out var phone, out var id);
        if (errors.Count > 0) return new InterestResult(errors);
        var vacancy = await VacancyService.Open(db.Set<Vacancy>().AsNoTracking(), Today).FirstOrDefaultAsync(v => v.Id == vacancyId, ct);
        if (vacancy is null) return new InterestResult(new Dictionary<string, string> { [""] = "该岗位已停止招聘或不存在，请选择其他岗位" });
        var name = input.Name!.Trim();
        var phoneHash = protector.Hash("phone", phone);
        var callerScope = scope.Scope;
        scope.Scope = RegionScope.Nationwide;
        try
        {
            if (await db.Set<VacancyInterest>().AnyAsync(x => x.VacancyId == vacancyId && x.PhoneHash == phoneHash, ct))
                return new InterestResult(new Dictionary<string, string>());
            byte[]? idHash = id is null ? null : protector.Hash("id", id.Value!);
            var person = id is not null
                ? await matcher.ByIdNumberAsync(id.Value!, ct)
                : await matcher.ByNameAndPhoneAsync(name, phone, ct);
            var now = clock.GetUtcNow();
            db.Add(new VacancyInterest
            {
                VacancyId = vacancyId,
                PersonId = person?.PersonId,
                RegionCode = person?.RegionCode ?? vacancy.ManagingRegionCode,
                Name = name,
                PhoneCipher = protector.Encrypt(phone),
                PhoneHash = phoneHash,
                PhoneMasked = Masking.Phone(phone),
                IdNumberCipher = id is null ? null : protector.Encrypt(id.Value!),
                IdNumberHash = idHash,
                IdNumberMasked = id?.Masked,
                CreatedAt = now,
                UpdatedAt = now,
            });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException)
            {
                // The same phone registered for this vacancy at the same moment: one interest stays.
                db.ChangeTracker.Clear();
            }
            return new InterestResult(new Dictionary<string, string>());
        }
        finally { scope.Scope = callerScope; }
    }

    /// <summary>
    /// The follow-up list: interests in the caller's scope (the global filter: matched ones by village, unmatched by the
    /// vacancy's county), newest first, optionally of one state; at most <paramref name="take"/>.
    /// </summary>
    public async Task<IReadOnlyList<InterestListItem>> ListAsync(InterestState? state, int take = 200, CancellationToken ct = default)
    {
        var q = db.Set<VacancyInterest>().AsNoTracking();
        if (state is { } st) q = q.Where(x => x.State == st);
        return await (from x in q
                      join v in db.Set<Vacancy>().AsNoTracking() on x.VacancyId equals v.Id
                      join e in db.Set<Employer>().AsNoTracking() on v.EmployerId equals e.Id
                      orderby x.CreatedAt descending
                      select new InterestListItem(x.Id, v.Id, v.Title, e.Name, x.RegionCode, x.PersonId != null, x.Name, x.PhoneMasked,
                          x.IdNumberMasked, x.State, x.Note, x.CreatedAt)).Take(take).ToListAsync(ct);
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
