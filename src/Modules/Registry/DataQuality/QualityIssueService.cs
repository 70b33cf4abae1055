using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Registry.Contracts;
using Bangfu.Registry.Households;
using Bangfu.Registry.People;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Registry.DataQuality;

/// <summary>Filters of the issue worklist: a region code prefix (village, township, county…) and optionally one rule.</summary>
public sealed record QualityIssueFilter(string RegionCode, string? RuleCode = null)
{
    /// <summary>Leaves out findings about sensitive fields (<see cref="People.SensitiveFields"/>): "健康状况为残疾但残疾类别为空"
    /// tells a person's health to a caller who may not see it.</summary>
    public bool HideSensitive { get; init; }
}

/// <summary>One open issue with the person it is about (masked ID number).</summary>
public sealed record QualityIssueItem(
    Guid Id, string RegionCode, Guid? PersonId, string? PersonName, string? PersonNumber, string? IdNumberMasked, string? HouseholdNumber,
    string RuleCode, string ColumnName, string Message, DateTimeOffset RaisedAt);

public sealed record QualityIssuePage(IReadOnlyList<QualityIssueItem> Items, int Total, Guid? Next);

/// <summary>
/// The open data-quality issues of the caller's region as a cadre's worklist (by village, then person), and the one
/// thing a cadre does with an issue here: confirm that the data is right as it is (已核实), which closes it with who
/// and when. Later imports do not reopen a confirmed issue (see RosterMerge).
/// </summary>
public sealed class QualityIssueService(AppDbContext db, IEnumerable<IRosterImportHandler> handlers, TimeProvider clock, AuditTrail audit)
{
    /// <summary>Every rule an import applies, the registry's and those of the other modules' handlers.</summary>
    public IReadOnlyList<QualityRule> Rules { get; } = QualityRules.All.Concat(handlers.SelectMany(h => h.Rules)).ToList();

    public QualityRule? Rule(string code) => Rules.FirstOrDefault(r => r.Code == code);

    public async Task<QualityIssuePage> ListAsync(QualityIssueFilter filter, Guid? after, int pageSize, CancellationToken ct)
    {
        var query = Query(filter);
        var total = await query.CountAsync(ct);
        if (after is { } id && await query.Where(x => x.I.Id == id).Select(x => new { x.I.RegionCode, x.PersonNumber }).FirstOrDefaultAsync(ct) is { } key)
            query = query.Where(x => string.Compare(x.I.RegionCode, key.RegionCode) > 0
                                     || (x.I.RegionCode == key.RegionCode && (string.Compare(x.PersonNumber, key.PersonNumber) > 0
                                                                              || (x.PersonNumber == key.PersonNumber && x.I.Id.CompareTo(id) > 0))));
        var items = await query.OrderBy(x => x.I.RegionCode).ThenBy(x => x.PersonNumber).ThenBy(x => x.I.Id)
            .Select(x => new QualityIssueItem(x.I.Id, x.I.RegionCode, x.I.PersonId, x.PersonName, x.PersonNumber, x.IdNumberMasked,
                x.HouseholdNumber, x.I.RuleCode, x.I.ColumnName, x.I.Message, x.I.RaisedAt))
            .Take(pageSize + 1).ToListAsync(ct);
        return new QualityIssuePage(items.Take(pageSize).ToList(), total, items.Count > pageSize ? items[pageSize - 1].Id : null);
    }

    /// <summary>Every open issue of the filter, a page at a time (for exports).</summary>
    public async IAsyncEnumerable<QualityIssueItem> AllAsync(QualityIssueFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        Guid? after = null;
        do
        {
            var page = await ListAsync(filter, after, 2000, ct);
            foreach (var item in page.Items) yield return item;
            after = page.Next;
        } while (after is not null);
    }

    /// <summary>Open issues per rule in the region (the rule filter not applied), most frequent first.</summary>
    public async Task<IReadOnlyList<(QualityRule Rule, int Count)>> CountsByRuleAsync(string regionCode, bool hideSensitive, CancellationToken ct) =>
        (await Open(regionCode, hideSensitive).GroupBy(i => i.RuleCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .Select(x => (Rule(x.Key) ?? new QualityRule(x.Key, IssueSeverity.Warning, x.Key, ""), x.Count))
        .OrderByDescending(x => x.Count).ThenBy(x => x.Item1.Code, StringComparer.Ordinal).ToList();

    /// <summary>The villages of the region that have open issues, with their counts, by code.</summary>
    public async Task<IReadOnlyList<(string VillageCode, int Count)>> VillagesAsync(string regionCode, bool hideSensitive, CancellationToken ct) =>
        (await Open(regionCode, hideSensitive).GroupBy(i => i.RegionCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .Select(x => (x.Key, x.Count)).OrderBy(x => x.Key, StringComparer.Ordinal).ToList();

    /// <summary>Marks an open issue in the caller's scope as confirmed (the data is right as it is); recorded (人员 / quality.confirm).</summary>
    /// <returns>False when there is no such open issue in scope.</returns>
    public async Task<bool> ConfirmAsync(Guid id, string? userName, CancellationToken ct)
    {
        var issue = await db.Set<QualityIssue>().SingleOrDefaultAsync(i => i.Id == id && i.State == QualityIssueState.Open, ct);
        if (issue is null) return false;
        issue.State = QualityIssueState.Confirmed;
        issue.ClosedAt = clock.GetUtcNow();
        issue.ClosedBy = userName;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEntry(AuditCategories.Person, AuditEvents.QualityConfirm, Target: issue.Id.ToString(),
            Details: new { rule = issue.RuleCode, column = issue.ColumnName, personId = issue.PersonId, oldState = "待整改", newState = "已核实" },
            RegionCode: issue.RegionCode), ct);
        return true;
    }

    private IQueryable<QualityIssue> Open(string regionCode, bool hideSensitive)
    {
        var (low, high) = PeopleService.Range(regionCode);
        var open = db.Set<QualityIssue>().AsNoTracking().Where(i => i.State == QualityIssueState.Open
                                                                    && string.Compare(i.RegionCode, low) >= 0 && string.Compare(i.RegionCode, high) <= 0);
        if (hideSensitive)
        {
            var sensitive = SensitiveFields.Labels.ToList();
            open = open.Where(i => !sensitive.Contains(i.ColumnName));
        }
        return open;
    }

    private sealed class Row
    {
        public required QualityIssue I { get; init; }
        public string? PersonName { get; init; }
        /// <summary>"" when the issue has no person, so the keyset compares plain strings.</summary>
        public required string PersonNumber { get; init; }
        public string? IdNumberMasked { get; init; }
        public string? HouseholdNumber { get; init; }
    }

    private IQueryable<Row> Query(QualityIssueFilter f)
    {
        var issues = Open(f.RegionCode, f.HideSensitive);
        if (!string.IsNullOrEmpty(f.RuleCode)) issues = issues.Where(i => i.RuleCode == f.RuleCode);
        return from i in issues
               join p in db.Set<Person>().AsNoTracking() on new { i.CountyCode, Id = i.PersonId } equals new { p.CountyCode, Id = (Guid?)p.Id } into ps
               from p in ps.DefaultIfEmpty()
               join h in db.Set<Household>().AsNoTracking() on new { i.CountyCode, Id = i.HouseholdId } equals new { h.CountyCode, Id = (Guid?)h.Id } into hs
               from h in hs.DefaultIfEmpty()
               select new Row
               {
                   I = i,
                   PersonName = p == null ? null : p.Name,
                   PersonNumber = p == null ? "" : p.PersonNumber,
                   IdNumberMasked = p == null ? null : p.IdNumberMasked,
                   HouseholdNumber = h == null ? null : h.HouseholdNumber,
               };
    }
}
