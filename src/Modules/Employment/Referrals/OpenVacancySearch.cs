using Bangfu.Employment.Employers;
using Bangfu.Employment.Occupations;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Referrals;

/// <summary>An open vacancy as the referral form's picker lists it: title, employer, occupation name, wage range (yuan/month), workplace code, closing date.</summary>
public sealed record VacancyChoice(Guid Id, string Title, string EmployerName, string OccupationCode, string OccupationName, int WageMin, int WageMax,
    string WorkplaceRegionCode, DateOnly ExpiresOn);

/// <summary>
/// The short list a referral form picks its vacancy from: open vacancies (published, not expired, not filled;
/// <see cref="VacancyService.Open"/>) whose title or employer's name contains the text, or whose occupation is one the text names
/// (a name, synonym or code of the occupation list, with everything under it: "保安" finds 保安员, "6-22" its 细类). Published
/// vacancies are not personal data and every officer may see them, wherever they are.
/// </summary>
public sealed class OpenVacancySearch(AppDbContext db, OccupationCatalog occupations, TimeProvider clock)
{
    /// <summary>The most a search returns: a list to pick from on a phone, not a catalogue.</summary>
    public const int Max = 10;

    /// <summary>At most <paramref name="take"/> (≤ <see cref="Max"/>) open vacancies for the text (1 to 40 characters; otherwise none), the most recently published first.</summary>
    public async Task<IReadOnlyList<VacancyChoice>> SearchAsync(string? text, int take = Max, CancellationToken ct = default)
    {
        var q = text?.Trim() ?? "";
        if (q.Length is 0 or > 40) return [];
        var named = occupations.Search(q, 20);
        var codes = occupations.All.Where(o => named.Any(n => OccupationCatalog.IsUnder(o.Code, n.Code))).Select(o => o.Code).ToList();
        var rows = await (from v in VacancyService.Open(db.Set<Vacancy>().AsNoTracking(), Today)
                          join e in db.Set<Employer>().AsNoTracking() on v.EmployerId equals e.Id
                          where v.Title.Contains(q) || e.Name.Contains(q) || codes.Contains(v.OccupationCode)
                          orderby v.PublishedAt descending, v.Id
                          select new { v, e.Name }).Take(Math.Clamp(take, 1, Max)).ToListAsync(ct);
        return rows.Select(r => Choice(r.v, r.Name)).ToList();
    }

    /// <summary>A vacancy by id that has been published (open now or not: a referral form opened for it), or null; one never published is not shown.</summary>
    public async Task<VacancyChoice?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var row = await (from v in db.Set<Vacancy>().AsNoTracking()
                         join e in db.Set<Employer>().AsNoTracking() on v.EmployerId equals e.Id
                         where v.Id == id && v.PublishedAt != null
                         select new { v, e.Name }).FirstOrDefaultAsync(ct);
        return row is null ? null : Choice(row.v, row.Name);
    }

    /// <summary>A vacancy by id if it is open today (published, not expired, not filled; <see cref="VacancyService.Open"/>), or null:
    /// a new referral to a vacancy must name an open one.</summary>
    public async Task<VacancyChoice?> FindOpenAsync(Guid id, CancellationToken ct = default)
    {
        var row = await (from v in VacancyService.Open(db.Set<Vacancy>().AsNoTracking(), Today)
                         join e in db.Set<Employer>().AsNoTracking() on v.EmployerId equals e.Id
                         where v.Id == id
                         select new { v, e.Name }).FirstOrDefaultAsync(ct);
        return row is null ? null : Choice(row.v, row.Name);
    }

    private VacancyChoice Choice(Vacancy v, string employer) =>
        new(v.Id, v.Title, employer, v.OccupationCode, occupations.ByCode(v.OccupationCode)?.Name ?? v.OccupationCode, v.WageMin, v.WageMax,
            v.WorkplaceRegionCode, v.ExpiresOn);

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), clock.LocalTimeZone).DateTime);
}
