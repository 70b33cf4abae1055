using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Employers;

/// <summary>What a form or an import gives for an employer. Text as typed; <see cref="EmployerService.SaveAsync"/> checks it.</summary>
public sealed record EmployerInput(
    string? Name,
    string? CreditCode,
    string? TypeCode,
    string? RegionCode,
    string? ManagingRegionCode,
    string? ContactName,
    string? ContactPhone,
    string? Address);

/// <summary>The outcome of a save: the employer, or the Chinese errors by field name of <see cref="EmployerInput"/>.</summary>
public sealed record EmployerSaveResult(Employer? Employer, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Employer is not null;
}

/// <summary>
/// Registers and edits employers. An officer manages the employers registered by a county bureau inside their scope
/// (<see cref="Manages"/>); an employer account (an own employer id given) only its own employer.
/// Records the caller's name from <see cref="AuditActor"/>. Not personal data, so reads are not audited; the contact
/// phone is encrypted at rest and shown masked.
/// </summary>
public sealed class EmployerService(AppDbContext db, PersonalDataProtector protector, AuditActor actor, TimeProvider clock,
    Vacancies.VacancyChanges changes)
{
    /// <summary>
    /// Whether a caller with <paramref name="scope"/> manages what a county bureau <paramref name="managingRegionCode"/>
    /// registered: the scope contains the county, or lies inside it (a township of that county, whose employment
    /// service registers employers for the county bureau; docs/employment-services.md, Scope).
    /// </summary>
    public static bool Manages(RegionScope scope, string managingRegionCode) =>
        scope.Contains(managingRegionCode)
        || (scope.Prefix is { Length: > 6 } prefix && prefix.StartsWith(managingRegionCode, StringComparison.Ordinal));

    /// <summary>The employer if the caller manages it; null otherwise (pages answer 404).</summary>
    public async Task<Employer?> FindManagedAsync(Guid id, Guid? ownEmployerId = null, CancellationToken ct = default)
    {
        if (ownEmployerId is { } own && own != id) return null;
        var employer = await db.Set<Employer>().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (employer is null) return null;
        return ownEmployerId is not null || Manages(db.Scope, employer.ManagingRegionCode) ? employer : null;
    }

    /// <summary>Employers the caller manages whose name or credit code contains <paramref name="search"/>, by name; at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<Employer>> ListManagedAsync(string? search, int take = 200, CancellationToken ct = default)
    {
        var query = ManagedQuery();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            query = query.Where(e => e.Name.Contains(s) || e.CreditCode.Contains(s.ToUpperInvariant()));
        }
        return await query.OrderBy(e => e.Name).Take(take).AsNoTracking().ToListAsync(ct);
    }

    /// <summary>The employers whose management lies in the caller's scope (see <see cref="Manages"/>).</summary>
    public IQueryable<Employer> ManagedQuery()
    {
        var scope = db.Scope;
        if (scope.Prefix is null) return db.Set<Employer>().Where(_ => false);
        var prefix = scope.Prefix;
        if (prefix.Length > 6)
        {
            var county = prefix[..6];
            return db.Set<Employer>().Where(e => e.ManagingRegionCode == county);
        }
        return db.Set<Employer>().Where(e => e.ManagingRegionCode.StartsWith(prefix));
    }

    /// <summary>The employer with this credit code, if any (wherever it is managed).</summary>
    public Task<Employer?> FindByCreditCodeAsync(string creditCode, CancellationToken ct = default) =>
        db.Set<Employer>().FirstOrDefaultAsync(e => e.CreditCode == creditCode, ct);

    /// <summary>
    /// Creates (<paramref name="id"/> null) or edits an employer. Errors (Chinese, by field): name missing or longer
    /// than 200; credit code invalid (GB 32100-2015) or already registered; unknown type; location not a 6–12 digit
    /// code; managing county not a 6-digit code in the caller's scope (defaults to the caller's county); phone not 7–20
    /// digits (empty keeps the stored phone). Null when <paramref name="id"/> is not an employer the caller manages.
    /// </summary>
    public async Task<EmployerSaveResult?> SaveAsync(Guid? id, EmployerInput input, Guid? ownEmployerId = null, CancellationToken ct = default)
    {
        Employer? employer = null;
        if (id is { } existingId)
        {
            employer = await FindManagedAsync(existingId, ownEmployerId, ct);
            if (employer is null) return null;
        }
        else if (ownEmployerId is not null) return null;

        var errors = new Dictionary<string, string>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors[nameof(input.Name)] = "请填写单位名称";
        else if (name.Length > 200) errors[nameof(input.Name)] = "单位名称不能超过 200 字";

        string? creditCode = null;
        if (!UnifiedSocialCreditCode.TryParse(input.CreditCode, out var code, out var codeError))
            errors[nameof(input.CreditCode)] = codeError;
        else
        {
            creditCode = code.Value;
            var other = await FindByCreditCodeAsync(creditCode, ct);
            if (other is not null && other.Id != employer?.Id)
                errors[nameof(input.CreditCode)] = $"该统一社会信用代码已登记为“{other.Name}”";
        }

        var typeCode = string.IsNullOrWhiteSpace(input.TypeCode)
            ? code is null ? EmployerTypes.Other : EmployerTypes.FromCreditCode(code)
            : EmployerTypes.List.ByCode(input.TypeCode.Trim())?.Code ?? EmployerTypes.List.Find(input.TypeCode)?.Code;
        if (typeCode is null) errors[nameof(input.TypeCode)] = $"单位类型应为：{EmployerTypes.List.AllowedValues()}";

        var region = input.RegionCode?.Trim() ?? "";
        if (region.Length is < 6 or > 12 || !region.All(char.IsAsciiDigit))
            errors[nameof(input.RegionCode)] = "所在地应为 6 至 12 位区划代码";

        var managing = input.ManagingRegionCode?.Trim();
        if (string.IsNullOrEmpty(managing))
            managing = employer?.ManagingRegionCode ?? (db.Scope.Prefix is { Length: >= 6 } p ? p[..6] : null);
        if (ownEmployerId is null)
        {
            if (managing is null || managing.Length != 6 || !managing.All(char.IsAsciiDigit))
                errors[nameof(input.ManagingRegionCode)] = "请填写登记该单位的县级就业部门的 6 位区划代码";
            else if (!Manages(db.Scope, managing))
                errors[nameof(input.ManagingRegionCode)] = "只能登记到本人管辖范围内的县级就业部门";
        }
        else managing = employer!.ManagingRegionCode; // an employer account cannot move itself to another bureau

        var phone = input.ContactPhone?.Trim().Replace(" ", "").Replace("-", "");
        if (!string.IsNullOrEmpty(phone) && (phone.Length is < 7 or > 20 || !phone.All(char.IsAsciiDigit)))
            errors[nameof(input.ContactPhone)] = "联系电话应为 7 至 20 位数字";

        if (errors.Count > 0) return new EmployerSaveResult(null, errors);

        var now = clock.GetUtcNow();
        if (employer is null)
        {
            employer = new Employer { CreatedAt = now };
            db.Add(employer);
        }
        // The open vacancies show the employer's name: a new name must reach the matching index and the online fair.
        var renamed = employer.Name.Length > 0 && employer.Name != name;
        employer.Name = name;
        employer.CreditCode = creditCode!;
        employer.TypeCode = typeCode!;
        employer.RegionCode = region;
        employer.ManagingRegionCode = managing!;
        employer.ContactName = Trim(input.ContactName, 50);
        employer.Address = Trim(input.Address, 200);
        // An empty phone keeps the stored one: forms never show the number in full, so they cannot send it back.
        if (!string.IsNullOrEmpty(phone) && (employer.ContactPhoneCipher is null || protector.Decrypt(employer.ContactPhoneCipher) != phone))
        {
            employer.ContactPhoneCipher = protector.Encrypt(phone);
            employer.ContactPhoneMasked = Masking.Phone(phone);
        }
        employer.UpdatedAt = now;
        employer.UpdatedBy = actor.UserName;
        await db.SaveChangesAsync(ct);
        if (renamed) await changes.ChangedAsync();
        return new EmployerSaveResult(employer, errors);
    }

    internal static string? Trim(string? text, int max)
    {
        var t = text?.Trim();
        return string.IsNullOrEmpty(t) ? null : t.Length > max ? t[..max] : t;
    }
}
