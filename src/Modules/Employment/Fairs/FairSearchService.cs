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
        if (s.Place is { } place) q = q.Where(v => v.WorkplaceRegionCode.StartsWith(place));
        if (s.MinWage is { } wage) q = q.Where(v => v.WageMax >= wage);
        if (s.HomeDailyOnly) q = q.Where(v => v.HomeDaily);
        if (s.Keyword is { } kw) q = q.Where(v => v.Title.Contains(kw));
        var joined = from v in q
                     join e in db.Set<Employer>().AsNoTracking() on v.EmployerId equals e.Id
                     select new { V = v, EmployerName = e.Name };
        var ordered = s.Home is { } home
            ? joined.OrderBy(x => x.V.WorkplaceRegionCode.StartsWith(home) ? 0 : x.V.WorkplaceRegionCode.StartsWith(home.Substring(0, 4)) ? 1 : 2)
                .ThenByDescending(x => x.V.HomeDaily).ThenByDescending(x => x.V.PublishedAt)
            : joined.OrderByDescending(x => x.V.PublishedAt);
        var rows = await ordered.ThenBy(x => x.V.Id).Skip((s.Page - 1) * PageSize).Take(PageSize + 1)
            .Select(x => new FairVacancyItem(x.V.Id, x.V.Title, x.V.OccupationCode, x.EmployerName, x.V.Headcount, x.V.WageMin,
                x.V.WageMax, x.V.WorkplaceRegionCode, x.V.WorkplaceText, x.V.HousingProvided, x.V.MealsProvided, x.V.HomeDaily,
                x.V.SuitableForRuralLabour, x.V.ExpiresOn))
            .ToListAsync(ct);
        return new FairResultPage(rows.Take(PageSize).ToList(), s.Page, PageSize, rows.Count > PageSize);
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
