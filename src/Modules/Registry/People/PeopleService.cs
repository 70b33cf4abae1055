using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Platform.Security;
using Bangfu.Registry.DataQuality;
using Bangfu.Registry.Households;
using Bangfu.Registry.Regions;
using Bangfu.Registry.RosterExport;
using Bangfu.Registry.RosterImport;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Registry.People;

/// <summary>Filters of the people list. <paramref name="RegionCode"/> is a code prefix (county, township, village…).</summary>
/// <param name="Name">Part of the name; sent in a form body, never in a URL.</param>
/// <param name="MonitoringTypeCode">A 监测对象类别 code, or <see cref="PeopleService.AnyMonitoring"/> for every monitored household.</param>
public sealed record PersonFilter(string RegionCode, string? Name = null, string? LabourCapacityCode = null, string? MonitoringTypeCode = null);

/// <summary>One row of the people list: masked identifiers only.</summary>
public sealed record PersonListItem(
    Guid Id, string RegionCode, string HouseholdNumber, string PersonNumber, string Name, string? SexCode, DateOnly? BirthDate,
    string IdNumberMasked, string? PhoneMasked, string? RelationshipCode, string? LabourCapacityCode, int? MonthsWorked,
    string? WorkplaceText, string? MonitoringTypeCode);

/// <summary>A page of the list; <see cref="Next"/> is the id to continue after, null on the last page.</summary>
public sealed record PersonPage(IReadOnlyList<PersonListItem> Items, int Total, Guid? Next);

/// <summary>A member of a household over time (与户主关系 as it was in that period).</summary>
public sealed record MemberItem(Guid PersonId, string Name, string PersonNumber, string? RelationshipCode, DateOnly ValidFrom, DateOnly? ValidTo);

/// <summary>
/// Everything the person page shows: the 47 roster values (identifiers masked), the household, its members, changes and
/// open issues, as the caller's <see cref="PersonalDataView"/> allows: names as surname + * without full names, sensitive
/// fields as <see cref="PersonalDataView.Withheld"/> (and their changes and findings left out) without that permission.
/// </summary>
public sealed record PersonDetail(
    Person Person, Household Household, IReadOnlyList<string?> RosterValues, IReadOnlyList<MemberItem> Members,
    IReadOnlyList<PersonChange> Changes, IReadOnlyList<QualityIssue> OpenIssues);

/// <summary>A person's identifiers in full, shown once for the recorded reason.</summary>
public sealed record RevealedIdentifiers(string IdNumber, string? Phone, string? HouseholdPhone, string Reason);

/// <summary>
/// The registry's people as lists and records, inside the caller's region scope (people outside it are not found).
/// Lists are keyset-paged in the order village, person number. Every look at one person's record and every unmasking
/// is recorded in the audit trail before anything is returned (GB/T 22239-2019 8.1.4.3; GB/T 35273-2020 §7.2).
/// </summary>
public sealed class PeopleService(AppDbContext db, RegionDirectory regions, PersonalDataProtector protector, AuditTrail audit)
{
    public const string AnyMonitoring = "any";

    public async Task<PersonPage> ListAsync(PersonFilter filter, Guid? after, int pageSize, CancellationToken ct)
    {
        var query = Query(filter);
        var total = await query.CountAsync(ct);
        if (after is { } id && await Key(id, ct) is { } key)
            query = query.Where(x => string.Compare(x.P.RegionCode, key.RegionCode) > 0
                                     || (x.P.RegionCode == key.RegionCode && (string.Compare(x.P.PersonNumber, key.PersonNumber) > 0
                                                                              || (x.P.PersonNumber == key.PersonNumber && x.P.Id.CompareTo(id) > 0))));
        var items = await query.OrderBy(x => x.P.RegionCode).ThenBy(x => x.P.PersonNumber).ThenBy(x => x.P.Id)
            .Select(x => new PersonListItem(x.P.Id, x.P.RegionCode, x.H.HouseholdNumber, x.P.PersonNumber, x.P.Name, x.P.SexCode,
                x.P.BirthDate, x.P.IdNumberMasked, x.P.PhoneMasked, x.P.RelationshipCode, x.P.LabourCapacityCode, x.P.MonthsWorked,
                x.P.WorkplaceText, x.H.MonitoringTypeCode))
            .Take(pageSize + 1).ToListAsync(ct);
        var next = items.Count > pageSize ? items[pageSize - 1].Id : (Guid?)null;
        return new PersonPage(items.Take(pageSize).ToList(), total, next);
    }

    /// <summary>A page of the list as shown to a user, recorded as one list view with its count (人员 / person.list).</summary>
    public async Task<PersonPage> BrowseAsync(PersonFilter filter, Guid? after, int pageSize, CancellationToken ct)
    {
        var page = await ListAsync(filter, after, pageSize, ct);
        await audit.RecordAsync(new AuditEntry(AuditCategories.Person, AuditEvents.PersonList, Target: filter.RegionCode,
            Details: new
            {
                list = "人员清单", shown = page.Items.Count, total = page.Total, continued = after is not null,
                name = string.IsNullOrWhiteSpace(filter.Name) ? null : Masking.Name(filter.Name.Trim()),
                labourCapacity = filter.LabourCapacityCode, monitoringType = filter.MonitoringTypeCode,
            }, RegionCode: filter.RegionCode.Length == 0 ? null : filter.RegionCode), ct);
        return page;
    }

    /// <summary>Every row of the list, read a page at a time (for exports).</summary>
    public async IAsyncEnumerable<PersonListItem> AllAsync(PersonFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        Guid? after = null;
        do
        {
            var page = await ListAsync(filter, after, 2000, ct);
            foreach (var item in page.Items) yield return item;
            after = page.Next;
        } while (after is not null);
    }

    /// <summary>A person's record as <paramref name="view"/> allows; the view is recorded (人员 / person.view).</summary>
    public async Task<PersonDetail?> DetailAsync(Guid id, PersonalDataView view, CancellationToken ct)
    {
        if (await LoadAsync(id, view, ct) is not { } detail) return null;
        await audit.RecordAsync(new AuditEntry(AuditCategories.Person, AuditEvents.PersonView, Target: id.ToString(),
            RegionCode: detail.Person.RegionCode), ct);
        return detail;
    }

    /// <summary>
    /// The record with the person's ID number, phone and household phone in full, for a reason composed by
    /// <see cref="UnmaskReason.Compose"/>; recorded with the reason (人员 / person.unmask). The caller checks the permission.
    /// </summary>
    public async Task<(PersonDetail Detail, RevealedIdentifiers Revealed)?> UnmaskAsync(Guid id, string reason, PersonalDataView view, CancellationToken ct)
    {
        if (await LoadAsync(id, view, ct) is not { } detail) return null;
        var (p, h) = (detail.Person, detail.Household);
        var revealed = new RevealedIdentifiers(protector.Decrypt(p.IdNumberCipher), p.PhoneCipher is { Length: > 0 } phone ? protector.Decrypt(phone) : null,
            h.PhoneCipher is { Length: > 0 } household ? protector.Decrypt(household) : null, reason);
        await audit.RecordAsync(new AuditEntry(AuditCategories.Person, AuditEvents.PersonUnmask, Target: id.ToString(),
            Details: new { reason, fields = new[] { "证件号码", "成员联系电话", "户联系电话" } }, RegionCode: p.RegionCode), ct);
        return (detail, revealed);
    }

    private async Task<PersonDetail?> LoadAsync(Guid id, PersonalDataView view, CancellationToken ct)
    {
        var person = await db.Set<Person>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return null;
        var household = await db.Set<Household>().AsNoTracking()
            .SingleAsync(h => h.CountyCode == person.CountyCode && h.Id == person.HouseholdId, ct);
        var members = await (from m in db.Set<HouseholdMembership>().AsNoTracking()
                             join p in db.Set<Person>().AsNoTracking() on new { m.CountyCode, Id = m.PersonId } equals new { p.CountyCode, p.Id }
                             where m.CountyCode == household.CountyCode && m.HouseholdId == household.Id
                             select new MemberItem(p.Id, p.Name, p.PersonNumber, m.RelationshipCode, m.ValidFrom, m.ValidTo))
            .ToListAsync(ct);
        members = members.OrderBy(m => m.ValidTo is null ? 0 : 1).ThenBy(m => m.PersonNumber, StringComparer.Ordinal).ThenByDescending(m => m.ValidFrom).ToList();
        var head = members.FirstOrDefault(m => m.ValidTo is null && m.RelationshipCode == RosterRecord.HeadCode) is { } h
            ? h.PersonId == person.Id ? person : await db.Set<Person>().AsNoTracking().SingleOrDefaultAsync(p => p.CountyCode == person.CountyCode && p.Id == h.PersonId, ct)
            : null;
        // A person has a handful of changes a year; SQLite cannot order by DateTimeOffset, so they are sorted here.
        var changes = (await db.Set<PersonChange>().AsNoTracking()
                .Where(c => c.CountyCode == person.CountyCode && c.PersonId == id).ToListAsync(ct))
            .OrderByDescending(c => c.ChangedAt).ThenBy(c => c.Field, StringComparer.Ordinal).ToList();
        var issues = await db.Set<QualityIssue>().AsNoTracking()
            .Where(i => i.CountyCode == person.CountyCode && i.PersonId == id && i.State == QualityIssueState.Open)
            .OrderBy(i => i.RuleCode).ToListAsync(ct);
        var path = await new RegionPaths(regions).PathAsync(person.RegionCode, ct);
        var values = RosterRecord.Values(person, household, head, path, protector: null);
        for (var i = 0; i < values.Length; i++)
        {
            var column = RosterLayout.ExportColumns[i].Column;
            if (column is RosterColumn.Name or RosterColumn.HeadName) values[i] = values[i] is null ? null : view.Name(values[i]);
            else if (!view.Sensitive && SensitiveFields.Columns.Contains(column)) values[i] = PersonalDataView.Withheld;
        }
        if (!view.Sensitive)
        {
            changes = changes.Where(c => !SensitiveFields.Labels.Contains(c.Field)).ToList();
            issues = issues.Where(i => !SensitiveFields.Labels.Contains(i.ColumnName)).ToList();
        }
        person.Name = view.Name(person.Name); // a detached copy (no tracking): nothing is written back
        return new PersonDetail(person, household, values, members.Select(m => m with { Name = view.Name(m.Name) }).ToList(), changes, issues);
    }

    private sealed class Row
    {
        public required Person P { get; init; }
        public required Household H { get; init; }
    }

    private IQueryable<Row> Query(PersonFilter f)
    {
        var (low, high) = Range(f.RegionCode);
        var query = from p in db.Set<Person>().AsNoTracking()
                    join h in db.Set<Household>().AsNoTracking() on new { p.CountyCode, Id = p.HouseholdId } equals new { h.CountyCode, h.Id }
                    where string.Compare(p.RegionCode, low) >= 0 && string.Compare(p.RegionCode, high) <= 0
                    select new Row { P = p, H = h };
        if (!string.IsNullOrWhiteSpace(f.Name)) query = query.Where(x => x.P.Name.Contains(f.Name.Trim()));
        if (!string.IsNullOrEmpty(f.LabourCapacityCode)) query = query.Where(x => x.P.LabourCapacityCode == f.LabourCapacityCode);
        if (f.MonitoringTypeCode == AnyMonitoring) query = query.Where(x => x.H.MonitoringTypeCode != null);
        else if (!string.IsNullOrEmpty(f.MonitoringTypeCode)) query = query.Where(x => x.H.MonitoringTypeCode == f.MonitoringTypeCode);
        return query;
    }

    private async Task<(string RegionCode, string PersonNumber)?> Key(Guid id, CancellationToken ct) =>
        await db.Set<Person>().AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.RegionCode, p.PersonNumber }).FirstOrDefaultAsync(ct) is { } k ? (k.RegionCode, k.PersonNumber) : null;

    /// <summary>
    /// The 12-digit codes a prefix covers, as an inclusive range (430182 → 430182000000…430182999999): a range uses the
    /// index on region_code on both databases, where LIKE 'prefix%' would not under PostgreSQL's default collation.
    /// </summary>
    public static (string Low, string High) Range(string prefix) => (prefix.PadRight(12, '0'), prefix.PadRight(12, '9'));
}
