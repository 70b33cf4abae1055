using System.Runtime.CompilerServices;
using Bangfu.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Platform.Audit;

/// <summary>
/// Conditions of an audit search (GB/T 22239-2019 8.1.4.3: records can be analysed): an interval of instants
/// [<paramref name="From"/>, <paramref name="To"/>), and exact user name, category, event name and target.
/// </summary>
public sealed record AuditQuery(
    DateTimeOffset? From = null, DateTimeOffset? To = null, string? UserName = null, string? Category = null, string? Name = null,
    string? Target = null);

/// <summary>A page of entries, newest first; <see cref="Next"/> is the id to continue before, null on the last page.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEvent> Items, long? Next);

/// <summary>Searches the audit trail for the auditor: newest first, keyset-paged on the id (which follows time).</summary>
public sealed class AuditSearch(AppDbContext db)
{
    public async Task<AuditPage> SearchAsync(AuditQuery query, long? before, int pageSize, CancellationToken ct)
    {
        var q = Filter(query);
        if (before is { } id) q = q.Where(e => e.Id < id);
        var items = await q.OrderByDescending(e => e.Id).Take(pageSize + 1).ToListAsync(ct);
        return new AuditPage(items.Take(pageSize).ToList(), items.Count > pageSize ? items[pageSize - 1].Id : null);
    }

    /// <summary>How many entries match, counting no further than <paramref name="max"/> + 1.</summary>
    public Task<int> CountAsync(AuditQuery query, int max, CancellationToken ct) => Filter(query).Take(max + 1).CountAsync(ct);

    /// <summary>Every matching entry, newest first, read a page at a time (for the export).</summary>
    public async IAsyncEnumerable<AuditEvent> AllAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken ct)
    {
        long? before = null;
        do
        {
            var page = await SearchAsync(query, before, 2000, ct);
            foreach (var e in page.Items) yield return e;
            before = page.Next;
        } while (before is not null);
    }

    private IQueryable<AuditEvent> Filter(AuditQuery query)
    {
        var q = db.Set<AuditEvent>().AsNoTracking();
        if (query.From is { } from) q = q.Where(e => e.At >= from);
        if (query.To is { } to) q = q.Where(e => e.At < to);
        if (!string.IsNullOrWhiteSpace(query.UserName)) q = q.Where(e => e.UserName == query.UserName.Trim());
        if (!string.IsNullOrWhiteSpace(query.Category)) q = q.Where(e => e.Category == query.Category.Trim());
        if (!string.IsNullOrWhiteSpace(query.Name)) q = q.Where(e => e.Name == query.Name.Trim());
        if (!string.IsNullOrWhiteSpace(query.Target)) q = q.Where(e => e.Target == query.Target.Trim());
        return q;
    }
}
