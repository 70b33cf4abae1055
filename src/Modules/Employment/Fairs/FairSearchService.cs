using Bangfu.Employment.Employers;
using Bangfu.Employment.Occupations;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Fairs;

/// <summary>
/// A search of the online fair. All parts optional. <see cref="Occupation"/>: a code of the occupation list at any level
/// (a 小类 finds its 细类); <see cref="Place"/>: a region code prefix of the workplace (2 to 12 digits);
/// <see cref="MinWage"/>: whole yuan per month, vacancies whose upper wage reaches it; <see cref="Home"/>: the
/// searcher's home county (6 digits): vacancies there first, then the same city, then the rest;
/// <see cref="HomeDailyOnly"/>: only vacancies suitable for people who must be home daily; <see cref="Keyword"/>: a
/// part of the title; <see cref="Page"/> from 1.
/// </summary>
public sealed record FairSearch(string? Occupation = null, string? Place = null, int? MinWage = null, string? Home = null,
    bool HomeDailyOnly = false, string? Keyword = null, int Page = 1);

/// <summary>One vacancy on the public fair: nothing about people, only the vacancy and its employer's name.</summary>
public sealed record FairVacancyItem(Guid Id, string Title, string OccupationCode, string EmployerName, int Headcount,
    int WageMin, int WageMax, string WorkplaceRegionCode, string? WorkplaceText, bool HousingProvided, bool MealsProvided,
    bool HomeDaily, bool SuitableForRuralLabour, DateOnly ExpiresOn);

/// <summary>A page of results; <see cref="HasNext"/> when more follow (no total is counted, so the page stays cheap).</summary>
public sealed record FairResultPage(IReadOnlyList<FairVacancyItem> Items, int Page, int PageSize, bool HasNext);

/// <summary>A vacancy's public details (no contact data: interest goes through the form).</summary>
public sealed record FairVacancyDetails(FairVacancyItem Item, int? AgeMin, int? AgeMax, string? EducationCode, string? Skills,
    string? HealthRequirement, string? Shifts);

/// <summary>
/// The online fair that never closes (永不落幕网络招聘会): every open vacancy (published, not past its closing date, not
/// filled: <see cref="VacancyService.Open"/>), for anyone, without signing in. Reads vacancies and employer names only;
/// vacancies are not region-scoped, so the anonymous caller sees all of them.
/// </summary>
public sealed class FairSearchService(AppDbContext db, TimeProvider clock)
{
    /// <summary>Results per page.</summary>
    public const int PageSize = 20;

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), clock.LocalTimeZone).DateTime);

    /// <summary>Normalises a search from a query string: invalid parts are dropped (a public page never errors on them).</summary>
    public static FairSearch Clean(FairSearch s) => s with
    {
        Occupation = OccupationCatalog.IsWellFormed(s.Occupation?.Trim()) ? s.Occupation!.Trim() : null,
        Place = IsCode(s.Place) ? s.Place!.Trim() : null,
        MinWage = s.MinWage is > 0 and <= 1_000_000 ? s.MinWage : null,
        Home = s.Home?.Trim() is { Length: 6 } h && h.All(char.IsAsciiDigit) ? h : null,
        Keyword = string.IsNullOrWhiteSpace(s.Keyword) ? null : s.Keyword.Trim()[..Math.Min(s.Keyword.Trim().Length, 30)],
        Page = Math.Clamp(s.Page, 1, 500),
    };

    private static bool IsCode(string? c) => c?.Trim() is { Length: >= 2 and <= 12 } t && t.All(char.IsAsciiDigit);

    /// <summary>One page of open vacancies matching <paramref name="search"/> (cleaned first).</summary>
    public async Task<FairResultPage> SearchAsync(FairSearch search, CancellationToken ct = default)
    {
        var s = Clean(search);
        var q = VacancyService.Open(db.Set<Vacancy>().AsNoTracking(), Today);
        if (s.Occupation is { } occ) q = q.Where(v => v.OccupationCode == occ || v.OccupationCode.StartsWith(occ + "-"));
        if (s.Place is { } place) q = await CommonPlaceAsync(place, ct) ? Within(q, place) : Under(q, place);
        if (s.MinWage is { } wage) q = q.Where(v => v.WageMax >= wage);
        if (s.HomeDailyOnly) q = q.Where(v => v.HomeDaily);
        if (s.Keyword is { } kw) q = q.Where(v => v.Title.Contains(kw));
        List<FairVacancyItem> rows;
        var skip = (s.Page - 1) * PageSize;
        if (s.Home is { } home)
        {
            // Near home: the home county's vacancies, then the rest of its city, then everything else. Three range
            // queries on the workplace index instead of one sort of every open vacancy by a computed key.
            var city = home[..4];
            var (cityEnd, homeEnd) = (Next(city), Next(home));
            var inCounty = Under(q, home);
            var inCity = Under(q, city).Where(v => string.Compare(v.WorkplaceRegionCode, home) < 0 || string.Compare(v.WorkplaceRegionCode, homeEnd) >= 0);
            var elsewhere = q.Where(v => string.Compare(v.WorkplaceRegionCode, city) < 0 || string.Compare(v.WorkplaceRegionCode, cityEnd) >= 0);
            rows = [];
            var need = PageSize + 1;
            foreach (var (bucket, homeDailyFirst) in new[] { (inCounty, true), (inCity, true), (elsewhere, false) })
            {
                if (need == 0) break;
                var count = skip > 0 ? await bucket.CountAsync(ct) : int.MaxValue;
                if (skip >= count) { skip -= count; continue; }
                var ordered = homeDailyFirst ? bucket.OrderByDescending(v => v.HomeDaily).ThenByDescending(v => v.PublishedAt) : bucket.OrderByDescending(v => v.PublishedAt);
                var got = await Page(ordered.ThenBy(v => v.Id), skip, need, ct);
                rows.AddRange(got);
                need -= got.Count;
                skip = 0;
            }
        }
        else rows = await Page(q.OrderByDescending(v => v.PublishedAt).ThenBy(v => v.Id), skip, PageSize + 1, ct);
        return new FairResultPage(rows.Take(PageSize).ToList(), s.Page, PageSize, rows.Count > PageSize);
    }

    /// <summary>
    /// Workplaces under a region code prefix, as a range: code ≥ prefix and &lt; the next prefix of the same length
    /// (430182 → 430183). Region codes are digits only, so this holds under any collation, and unlike a LIKE on a
    /// parameter the range uses the workplace index on both providers.
    /// </summary>
    private static IQueryable<Vacancy> Under(IQueryable<Vacancy> q, string prefix)
    {
        var end = Next(prefix);
        return q.Where(v => string.Compare(v.WorkplaceRegionCode, prefix) >= 0 && string.Compare(v.WorkplaceRegionCode, end) < 0);
    }

    /// <summary>Open vacancies under a place above which <see cref="Within"/> reads fewer rows than <see cref="Under"/>
    /// (a walk reads about 20 × all ÷ those under the place, a range all under it: about √(20 × all) balances them;
    /// 2,000 suits up to 200,000 open vacancies). Tests set it to 0 to take the walk for every place.</summary>
    internal int CommonPlace { get; init; } = 2_000;

    /// <summary>
    /// Whether more than <see cref="CommonPlace"/> open vacancies lie under <paramref name="prefix"/> (counted on the
    /// workplace index alone, at most that many entries read). For such a place, reading the range and sorting it by
    /// publication costs more than walking the open vacancies newest first and keeping those under the place until the
    /// page is full: measured on SQLite with 50,028 open vacancies, 长沙市 (about 40,000 of them) took 15–20 ms as a
    /// sorted range and 1–2 ms as a walk; a city with none took 28 ms as a walk and nothing as a range.
    /// </summary>
    private async Task<bool> CommonPlaceAsync(string prefix, CancellationToken ct)
    {
        var day = Today;
        var range = Under(db.Set<Vacancy>().AsNoTracking().Where(v => v.State == VacancyState.Published && v.ExpiresOn >= day), prefix);
        return await range.Take(CommonPlace + 1).CountAsync(ct) > CommonPlace;
    }

    /// <summary>
    /// Workplaces under a prefix, written so that no index on the workplace can serve it (a substring of the code): the
    /// database then walks the open vacancies in publication order (index on state and publication time) and stops when
    /// the page is full, instead of reading the whole range and sorting it. For common places only (<see cref="CommonPlaceAsync"/>).
    /// </summary>
    private static IQueryable<Vacancy> Within(IQueryable<Vacancy> q, string prefix) =>
        q.Where(v => v.WorkplaceRegionCode.Substring(0, prefix.Length) == prefix);

    /// <summary>The next digit string of the same length (4309 → 4310); all nines give a bound above every code (":").</summary>
    private static string Next(string digits)
    {
        var c = digits.ToCharArray();
        for (var i = c.Length - 1; i >= 0; i--)
        {
            if (c[i] < '9') { c[i]++; return new string(c); }
            c[i] = '0';
        }
        return ":";
    }

    private async Task<List<FairVacancyItem>> Page(IOrderedQueryable<Vacancy> ordered, int skip, int take, CancellationToken ct)
    {
        var page = await ordered.Skip(skip).Take(take).ToListAsync(ct);
        var ids = page.Select(v => v.EmployerId).Distinct().ToList();
        var names = await db.Set<Employer>().AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Name }).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        return page.Select(v => new FairVacancyItem(v.Id, v.Title, v.OccupationCode, names.GetValueOrDefault(v.EmployerId, ""), v.Headcount, v.WageMin,
            v.WageMax, v.WorkplaceRegionCode, v.WorkplaceText, v.HousingProvided, v.MealsProvided, v.HomeDaily, v.SuitableForRuralLabour, v.ExpiresOn)).ToList();
    }

    /// <summary>An open vacancy's public details; null when it is not open (or does not exist).</summary>
    public async Task<FairVacancyDetails?> DetailsAsync(Guid id, CancellationToken ct = default)
    {
        var row = await (from x in VacancyService.Open(db.Set<Vacancy>().AsNoTracking(), Today)
                         where x.Id == id
                         join e in db.Set<Employer>().AsNoTracking() on x.EmployerId equals e.Id
                         select new { v = x, e.Name }).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var v = row.v;
        return new FairVacancyDetails(new FairVacancyItem(v.Id, v.Title, v.OccupationCode, row.Name, v.Headcount, v.WageMin, v.WageMax,
            v.WorkplaceRegionCode, v.WorkplaceText, v.HousingProvided, v.MealsProvided, v.HomeDaily, v.SuitableForRuralLabour, v.ExpiresOn),
            v.AgeMin, v.AgeMax, v.EducationCode, v.Skills, v.HealthRequirement, v.Shifts);
    }
}
