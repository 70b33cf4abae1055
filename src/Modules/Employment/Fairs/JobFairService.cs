using Bangfu.Employment.Employers;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Security;
using Bangfu.Registry.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Fairs;

/// <summary>A fair's details as typed: name ≤ 100, date, venue code (9 or 12 digits), venue text ≤ 200, organisers ≤ 200.</summary>
public sealed record FairInput(string? Name, DateOnly? Date, string? VenueRegionCode, string? VenueText, string? Organisers);

/// <summary>
/// A fair's figures: participating employers, vacancies and jobs offered (sum of headcounts), attendees, those of them
/// matched to the registry (poverty-alleviated attendees, 脱贫人口), intentions reached and hires. Counted over all
/// attendees (aggregates, not personal data) whatever the caller's scope.
/// </summary>
public sealed record FairFigures(int Employers, int Vacancies, int Jobs, int Attendees, int AlleviatedAttendees, int Intentions, int Hires);

/// <summary>An employer at a fair with its vacancies there and their headcount.</summary>
public sealed record FairEmployerRow(Guid EmployerId, string Name, string CreditCode, int Vacancies, int Jobs);

/// <summary>A vacancy at a fair.</summary>
public sealed record FairVacancyRow(Guid VacancyId, Guid EmployerId, string EmployerName, string Title, string OccupationCode, int Headcount,
    int WageMin, int WageMax, VacancyState State);

/// <summary>An attendee as an officer in scope sees it (ID masked).</summary>
public sealed record FairAttendeeRow(Guid Id, string Name, string IdNumberMasked, bool Matched, string RegionCode, DateTimeOffset SignedInAt,
    int Intentions, int Hires);

/// <summary>The outcome of a sign-in: the attendance, or a Chinese error by field; <see cref="AlreadySignedIn"/> for a repeat.</summary>
public sealed record SignInResult(FairAttendance? Attendance, string? Error, bool AlreadySignedIn = false);

/// <summary>
/// Offline job fairs (现场招聘会): set up by the county bureau of the venue (<see cref="JobFair.ManagingRegionCode"/>),
/// employers and their vacancies added, attendees signed in by ID number and matched to the registry, intentions and
/// hires recorded. Visibility: a fair is seen by officers whose scope lies inside its county or contains it (others get
/// null, pages answer 404); attendee details are further limited by the region-scope filter (<see cref="FairAttendance"/>).
/// Changes need the caller to manage the county (<see cref="EmployerService.Manages"/>).
/// </summary>
public sealed class JobFairService(AppDbContext db, RegionScopeAccessor scope, PersonalDataProtector protector, IPersonMatcher matcher, VacancyService vacancies,
    AuditActor actor, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), clock.LocalTimeZone).DateTime);

    /// <summary>Whether the caller may see the fair of <paramref name="county"/>: inside the scope, or the scope inside it.</summary>
    public bool Sees(string county) => EmployerService.Manages(scope.Scope, county);

    /// <summary>Fairs the caller sees, latest first.</summary>
    public async Task<IReadOnlyList<JobFair>> ListAsync(CancellationToken ct = default)
    {
        var prefix = scope.Scope.Prefix;
        if (prefix is null) return [];
        var county = prefix.Length > 6 ? prefix[..6] : null;
        return await db.Set<JobFair>().AsNoTracking()
            .Where(f => county != null ? f.ManagingRegionCode == county : f.ManagingRegionCode.StartsWith(prefix))
            .OrderByDescending(f => f.Date).Take(200).ToListAsync(ct);
    }

    /// <summary>The fair if the caller sees it; null otherwise.</summary>
    public async Task<JobFair?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var f = await db.Set<JobFair>().FirstOrDefaultAsync(x => x.Id == id, ct);
        return f is not null && Sees(f.ManagingRegionCode) ? f : null;
    }

    /// <summary>Checks a fair's input; Chinese errors by field.</summary>
    public static Dictionary<string, string> Check(FairInput input)
    {
        var errors = new Dictionary<string, string>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors["Name"] = "请填写招聘会名称";
        else if (name.Length > 100) errors["Name"] = "名称不能超过 100 个字";
        if (input.Date is null) errors["Date"] = "请填写举办日期";
        var venue = input.VenueRegionCode?.Trim() ?? "";
        if (venue.Length is not (9 or 12) || !venue.All(char.IsAsciiDigit)) errors["VenueRegionCode"] = "举办地应为乡镇（9 位）或村（12 位）区划代码";
        if ((input.VenueText?.Trim().Length ?? 0) > 200) errors["VenueText"] = "场地说明不能超过 200 个字";
        if ((input.Organisers?.Trim().Length ?? 0) > 200) errors["Organisers"] = "主办单位不能超过 200 个字";
        return errors;
    }

    /// <summary>Creates a fair (or updates <paramref name="id"/>). Errors by field; a venue outside what the caller manages is an error.</summary>
    public async Task<(JobFair? Fair, Dictionary<string, string> Errors)> SaveAsync(Guid? id, FairInput input, CancellationToken ct = default)
    {
        var errors = Check(input);
        if (errors.Count == 0 && !EmployerService.Manages(scope.Scope, input.VenueRegionCode!.Trim()[..6]))
            errors["VenueRegionCode"] = "举办地不在您管理的区县";
        if (errors.Count > 0) return (null, errors);
        JobFair? fair;
        if (id is { } existing)
        {
            fair = await FindAsync(existing, ct);
            if (fair is null) return (null, new Dictionary<string, string> { [""] = "招聘会不存在" });
        }
        else
        {
            fair = new JobFair { CreatedAt = clock.GetUtcNow() };
            db.Add(fair);
        }
        fair.Name = input.Name!.Trim();
        fair.Date = input.Date!.Value;
        fair.VenueRegionCode = input.VenueRegionCode!.Trim();
        fair.ManagingRegionCode = fair.VenueRegionCode[..6];
        fair.VenueText = Blank(input.VenueText);
        fair.Organisers = Blank(input.Organisers);
        fair.UpdatedAt = clock.GetUtcNow();
        fair.UpdatedBy = actor.UserName;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return (null, new Dictionary<string, string> { ["Name"] = "同一天、同一地点已有同名招聘会" });
        }
        return (fair, errors);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Adds an employer (by its unified social credit code) to a fair the caller manages; error text or null.</summary>
    public async Task<string?> AddEmployerAsync(Guid fairId, string? creditCode, CancellationToken ct = default)
    {
        var fair = await ManagedAsync(fairId, ct);
        if (fair is null) return "招聘会不存在";
        var code = creditCode?.Trim().ToUpperInvariant() ?? "";
        var employer = await db.Set<Employer>().AsNoTracking().FirstOrDefaultAsync(e => e.CreditCode == code, ct);
        if (employer is null) return $"没有统一社会信用代码为“{code}”的用人单位，请先登记用人单位";
        await EnsureEmployerAsync(fair.Id, employer.Id, ct);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Links an existing published or pending vacancy to the fair (its employer joins the fair); error text or null.</summary>
    public async Task<string?> LinkVacancyAsync(Guid fairId, Guid vacancyId, CancellationToken ct = default)
    {
        var fair = await ManagedAsync(fairId, ct);
        if (fair is null) return "招聘会不存在";
        var v = await db.Set<Vacancy>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == vacancyId, ct);
        if (v is null) return "岗位不存在";
        if (v.State is not (VacancyState.Published or VacancyState.PendingReview)) return $"{Vacancy.StateNames.Of(v.State)}的岗位不能带到招聘会";
        await EnsureEmployerAsync(fair.Id, v.EmployerId, ct);
        if (!await db.Set<FairVacancy>().AnyAsync(x => x.FairId == fair.Id && x.VacancyId == v.Id, ct))
            db.Add(new FairVacancy { FairId = fair.Id, VacancyId = v.Id });
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Posts a new vacancy for the fair (source Fair, to the bureau's review) and links it; the save result, or null when not managed.</summary>
    public async Task<VacancySaveResult?> PostVacancyAsync(Guid fairId, Guid employerId, VacancyInput input, CancellationToken ct = default)
    {
        var fair = await ManagedAsync(fairId, ct);
        if (fair is null) return null;
        var result = await vacancies.CreateAsync(employerId, input, VacancySource.Fair, null, ct);
        if (result is { Succeeded: true })
        {
            await EnsureEmployerAsync(fair.Id, employerId, ct);
            db.Add(new FairVacancy { FairId = fair.Id, VacancyId = result.Vacancy!.Id });
            await db.SaveChangesAsync(ct);
        }
        return result;
    }

    private async Task EnsureEmployerAsync(Guid fairId, Guid employerId, CancellationToken ct)
    {
        if (!await db.Set<FairEmployer>().AnyAsync(x => x.FairId == fairId && x.EmployerId == employerId, ct)
            && !db.ChangeTracker.Entries<FairEmployer>().Any(e => e.Entity.FairId == fairId && e.Entity.EmployerId == employerId))
            db.Add(new FairEmployer { FairId = fairId, EmployerId = employerId });
    }

    private async Task<JobFair?> ManagedAsync(Guid fairId, CancellationToken ct)
    {
        var fair = await FindAsync(fairId, ct);
        return fair is not null && scope.Scope.Prefix is { } p && EmployerService.Manages(scope.Scope, fair.ManagingRegionCode) ? fair : null;
    }

    /// <summary>
    /// Signs an attendee in by ID number (GB 11643-1999, validated) and name (≤ 20). Matched to the registry by the ID's
    /// keyed hash across the whole registry (the desk does not know where a visitor lives); the attendance is scoped to
    /// the person's village when matched, the fair's county otherwise. A second sign-in of the same number is reported,
    /// not stored twice.
    /// </summary>
    public async Task<SignInResult?> SignInAsync(Guid fairId, string? name, string? idNumber, CancellationToken ct = default)
    {
        var fair = await ManagedAsync(fairId, ct);
        if (fair is null) return null;
        var n = name?.Trim() ?? "";
        if (n.Length == 0 || n.Length > 20) return new SignInResult(null, "请填写姓名（不超过 20 个字）");
        var id = matcher.CheckIdNumber(idNumber);
        if (!id.IsValid) return new SignInResult(null, id.Error);
        var hash = protector.Hash("id", id.Value!);
        var callerScope = scope.Scope;
        scope.Scope = RegionScope.Nationwide;
        try
        {
            var existing = await db.Set<FairAttendance>().AsNoTracking().FirstOrDefaultAsync(a => a.FairId == fair.Id && a.IdNumberHash == hash, ct);
            if (existing is not null) return new SignInResult(existing, null, AlreadySignedIn: true);
            var person = await matcher.ByIdNumberAsync(id.Value!, ct);
            var a = new FairAttendance
            {
                FairId = fair.Id,
                PersonId = person?.PersonId,
                RegionCode = person?.RegionCode ?? fair.ManagingRegionCode,
                Name = n,
                IdNumberCipher = protector.Encrypt(id.Value!),
                IdNumberHash = hash,
                IdNumberMasked = id.Masked!,
                SignedInAt = clock.GetUtcNow(),
                RecordedBy = actor.UserName,
            };
            db.Add(a);
            await db.SaveChangesAsync(ct);
            return new SignInResult(a, null);
        }
        finally { scope.Scope = callerScope; }
    }

    /// <summary>Records an intention (attendee in the caller's scope × a vacancy of the fair); error text or null.</summary>
    public async Task<string?> RecordIntentionAsync(Guid fairId, Guid attendanceId, Guid vacancyId, bool hired, CancellationToken ct = default)
    {
        var fair = await ManagedAsync(fairId, ct);
        if (fair is null) return "招聘会不存在";
        var a = await db.Set<FairAttendance>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == attendanceId && x.FairId == fairId, ct);
        if (a is null) return "签到记录不存在";
        if (!await db.Set<FairVacancy>().AnyAsync(x => x.FairId == fairId && x.VacancyId == vacancyId, ct)) return "该岗位不在本次招聘会";
        var i = await db.Set<FairIntention>().FirstOrDefaultAsync(x => x.AttendanceId == a.Id && x.VacancyId == vacancyId, ct);
        if (i is null)
        {
            i = new FairIntention { FairId = fairId, AttendanceId = a.Id, VacancyId = vacancyId, RegionCode = a.RegionCode, CreatedAt = clock.GetUtcNow(), RecordedBy = actor.UserName };
            db.Add(i);
        }
        if (hired && !i.Hired) { i.Hired = true; i.HiredOn = Today; }
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>The fair's figures (see <see cref="FairFigures"/>), over all attendees whatever the caller's scope.</summary>
    public async Task<FairFigures> FiguresAsync(Guid fairId, CancellationToken ct = default)
    {
        var employers = await db.Set<FairEmployer>().CountAsync(x => x.FairId == fairId, ct);
        var offered = from fv in db.Set<FairVacancy>() where fv.FairId == fairId
                      join v in db.Set<Vacancy>() on fv.VacancyId equals v.Id select v.Headcount;
        var vacancyCount = await offered.CountAsync(ct);
        var jobs = await offered.SumAsync(h => (int?)h, ct) ?? 0;
        var callerScope = scope.Scope;
        scope.Scope = RegionScope.Nationwide;
        try
        {
            var attendees = await db.Set<FairAttendance>().CountAsync(x => x.FairId == fairId, ct);
            var alleviated = await db.Set<FairAttendance>().CountAsync(x => x.FairId == fairId && x.PersonId != null, ct);
            var intentions = await db.Set<FairIntention>().CountAsync(x => x.FairId == fairId, ct);
            var hires = await db.Set<FairIntention>().CountAsync(x => x.FairId == fairId && x.Hired, ct);
            return new FairFigures(employers, vacancyCount, jobs, attendees, alleviated, intentions, hires);
        }
        finally { scope.Scope = callerScope; }
    }

    /// <summary>The fair's employers with their vacancies and jobs there, by name.</summary>
    public async Task<IReadOnlyList<FairEmployerRow>> EmployersAsync(Guid fairId, CancellationToken ct = default)
    {
        var rows = await (from fe in db.Set<FairEmployer>().AsNoTracking() where fe.FairId == fairId
                          join e in db.Set<Employer>().AsNoTracking() on fe.EmployerId equals e.Id
                          select new { e.Id, e.Name, e.CreditCode }).ToListAsync(ct);
        var jobs = await (from fv in db.Set<FairVacancy>().AsNoTracking() where fv.FairId == fairId
                          join v in db.Set<Vacancy>().AsNoTracking() on fv.VacancyId equals v.Id
                          group v by v.EmployerId into g
                          select new { EmployerId = g.Key, Count = g.Count(), Jobs = g.Sum(v => v.Headcount) }).ToListAsync(ct);
        return rows.Select(r =>
        {
            var j = jobs.FirstOrDefault(x => x.EmployerId == r.Id);
            return new FairEmployerRow(r.Id, r.Name, r.CreditCode, j?.Count ?? 0, j?.Jobs ?? 0);
        }).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The fair's vacancies, by employer and title.</summary>
    public async Task<IReadOnlyList<FairVacancyRow>> VacanciesAsync(Guid fairId, CancellationToken ct = default) =>
        (await (from fv in db.Set<FairVacancy>().AsNoTracking() where fv.FairId == fairId
                join v in db.Set<Vacancy>().AsNoTracking() on fv.VacancyId equals v.Id
                join e in db.Set<Employer>().AsNoTracking() on v.EmployerId equals e.Id
                select new FairVacancyRow(v.Id, e.Id, e.Name, v.Title, v.OccupationCode, v.Headcount, v.WageMin, v.WageMax, v.State))
            .ToListAsync(ct)).OrderBy(r => r.EmployerName, StringComparer.Ordinal).ThenBy(r => r.Title, StringComparer.Ordinal).ToList();

    /// <summary>The attendees the caller's scope covers (the region-scope filter), ID masked, with their intentions and hires.</summary>
    public async Task<IReadOnlyList<FairAttendeeRow>> AttendeesAsync(Guid fairId, CancellationToken ct = default)
    {
        var attendees = await db.Set<FairAttendance>().AsNoTracking().Where(a => a.FairId == fairId).OrderBy(a => a.SignedInAt).Take(2000).ToListAsync(ct);
        var intentions = await db.Set<FairIntention>().AsNoTracking().Where(i => i.FairId == fairId)
            .Select(i => new { i.AttendanceId, i.Hired }).ToListAsync(ct);
        return attendees.Select(a => new FairAttendeeRow(a.Id, a.Name, a.IdNumberMasked, a.PersonId != null, a.RegionCode, a.SignedInAt,
            intentions.Count(i => i.AttendanceId == a.Id), intentions.Count(i => i.AttendanceId == a.Id && i.Hired))).ToList();
    }
}
