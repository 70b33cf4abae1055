using Bangfu.Employment.Contracts;
using Bangfu.Employment.Employers;
using Bangfu.Employment.Jobseekers;
using Bangfu.Employment.Occupations;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Data;
using Bangfu.Platform.Time;
using Bangfu.Registry.Contracts;
using Bangfu.Registry.Regions;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Matching;

/// <summary>A vacancy as ranked for a person: what to show and why it ranks there.</summary>
public sealed record RankedVacancy(Guid VacancyId, string Title, string EmployerName, string OccupationCode,
    string OccupationName, string WorkplaceRegionCode, string WorkplaceName, int WageMin, int WageMax, int Headcount,
    MatchExplanation Why);

/// <summary>A person with their best vacancies. <see cref="HasProfile"/> false: the terms are the registry defaults.</summary>
public sealed record PersonMatches(PersonSummary Person, MatchCandidate Candidate, bool HasProfile, IReadOnlyList<RankedVacancy> Vacancies);

/// <summary>A person as ranked for a vacancy.</summary>
public sealed record RankedPerson(PersonSummary Person, bool HasProfile, MatchExplanation Why);

/// <summary>A vacancy with the people ranked for it (in the caller's scope).</summary>
public sealed record VacancyMatches(RankedVacancy Vacancy, IReadOnlyList<RankedPerson> People);

/// <summary>
/// 人岗匹配 on the database: the unemployed-and-willing (未就业有意愿, from the employment situations covering the
/// latest month with data in the region) against the open vacancies (published, not past the closing date, not
/// filled). People are read within the caller's region scope (the global filter on situations and profiles and the
/// person directory), so a village officer ranks only his own people; vacancies are not personal data.
/// <para>People without a jobseeker profile get defaults from the registry and the situation: reach 不限 when
/// 有意愿外出务工 is recorded yes, 县内 when recorded no, 省内 when not recorded (the national roster has no such field;
/// the province is the middle ground until the cadre records a profile); no wanted occupations or skills (the
/// occupation component is then neutral); no expected wage; not bound to be home daily. Age and education come
/// from the registry (birth date, 文化程度), labour capacity from 劳动技能.</para>
/// <para>The open vacancies come from <see cref="OpenVacancyIndex"/>, built once and shared, not read per call.</para>
/// </summary>
public sealed class MatchingService(AppDbContext db, IPersonDirectory directory, RegionDirectory regions, OccupationCatalog occupations,
    OpenVacancyIndex openVacancies, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), clock.LocalTimeZone).DateTime);

    /// <summary>The latest month, up to this month, with employment situations under <paramref name="regionCode"/> in the caller's scope.</summary>
    public async Task<Period?> LatestPeriodAsync(string regionCode, CancellationToken ct = default)
    {
        // Up to this month: a situation starting in a later month (a placement recorded ahead) is not yet the present.
        var thisMonth = Period.Of(Today);
        var latest = await db.Set<EmploymentSituation>().AsNoTracking()
            .Where(s => s.RegionCode.StartsWith(regionCode) && s.FromPeriod <= thisMonth)
            .Select(s => (int?)EF.Property<int>(s, nameof(EmploymentSituation.FromPeriod))).MaxAsync(ct);
        return latest is { } value ? Period.FromValue(value) : null;
    }

    /// <summary>The open vacancies on <paramref name="day"/> as the kernel's inputs, with their display rows, read from the
    /// database now (the rankings use <see cref="OpenVacancyIndex"/>; this is the uncached reference).</summary>
    public async Task<(IReadOnlyList<MatchVacancy> Inputs, IReadOnlyDictionary<Guid, Vacancy> Rows)> OpenVacanciesAsync(DateOnly day, CancellationToken ct = default)
    {
        var rows = await VacancyService.Open(db.Set<Vacancy>().AsNoTracking(), day).ToListAsync(ct);
        var inputs = new List<MatchVacancy>(rows.Count);
        foreach (var v in rows)
            if (ToInput(v) is { } input) inputs.Add(input);
        return (inputs, rows.ToDictionary(v => v.Id));
    }

    /// <summary>The unemployed-and-willing under <paramref name="regionCode"/> for <paramref name="period"/> (default:
    /// the latest month with data), by person number, with their profile or the registry defaults.</summary>
    public async Task<IReadOnlyList<(PersonSummary Person, MatchCandidate Candidate, bool HasProfile)>> CandidatesAsync(
        string regionCode, Period? period = null, CancellationToken ct = default)
    {
        if ((period ?? await LatestPeriodAsync(regionCode, ct)) is not { } month) return [];
        var situations = await db.Set<EmploymentSituation>().AsNoTracking()
            .Where(s => s.RegionCode.StartsWith(regionCode) && s.FromPeriod <= month && (s.ToPeriod == null || s.ToPeriod > month)
                        && s.Status == EmploymentStatus.UnemployedWilling)
            .ToListAsync(ct);
        var profiles = (await db.Set<JobseekerProfile>().AsNoTracking().Where(p => p.RegionCode.StartsWith(regionCode)).ToListAsync(ct))
            .ToDictionary(p => p.PersonId);
        var people = await directory.FindManyAsync(situations.Select(s => s.PersonId).ToList(), ct);
        var today = Today;
        return situations.Where(s => people.ContainsKey(s.PersonId))
            .Select(s => people[s.PersonId] is var person && profiles.GetValueOrDefault(s.PersonId) is var profile
                ? (person, Candidate(person, profile, s, today), profile is not null) : default)
            .OrderBy(x => x.person.PersonNumber, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Top <paramref name="top"/> vacancies for everyone unemployed and willing under <paramref name="regionCode"/>.</summary>
    public async Task<IReadOnlyList<PersonMatches>> ForRegionAsync(string regionCode, int top, CancellationToken ct = default)
    {
        var candidates = await CandidatesAsync(regionCode, null, ct);
        var open = await openVacancies.GetAsync(ct);
        var results = open.Matcher.MatchAll(candidates.Select(c => c.Candidate).ToList(), top, Environment.ProcessorCount);
        var explainer = await ExplainerAsync(open.Rows.Values.Select(r => r.WorkplaceRegionCode), ct);
        return candidates.Select((c, i) => new PersonMatches(c.Person, c.Candidate, c.HasProfile,
            results[i].Select(r => Show(open, explainer, r)).ToList())).ToList();
    }

    /// <summary>One person's top <paramref name="top"/> open vacancies; null when the person is not in the caller's scope.
    /// A person not unemployed-and-willing is ranked too (a cadre may look for someone who wants to change jobs).</summary>
    public async Task<PersonMatches?> ForPersonAsync(Guid personId, int top, CancellationToken ct = default)
    {
        if (await directory.FindAsync(personId, ct) is not { } person) return null;
        var profile = await db.Set<JobseekerProfile>().AsNoTracking()
            .SingleOrDefaultAsync(p => p.CountyCode == person.CountyCode && p.PersonId == personId, ct);
        var situation = await db.Set<EmploymentSituation>().AsNoTracking()
            .Where(s => s.CountyCode == person.CountyCode && s.PersonId == personId)
            .OrderByDescending(s => EF.Property<int>(s, nameof(EmploymentSituation.FromPeriod))).FirstOrDefaultAsync(ct);
        var open = await openVacancies.GetAsync(ct);
        var candidate = Candidate(person, profile, situation, open.Day);
        var explainer = await ExplainerAsync(open.Rows.Values.Select(r => r.WorkplaceRegionCode), ct);
        var ranked = open.Matcher.TopFor(candidate, top);
        return new PersonMatches(person, candidate, profile is not null, ranked.Select(r => Show(open, explainer, r)).ToList());
    }

    /// <summary>The people under <paramref name="regionCode"/> (default: the whole scope) best suited to an open or
    /// closed vacancy; null when there is no such vacancy.</summary>
    public async Task<VacancyMatches?> ForVacancyAsync(Guid vacancyId, int top, string regionCode = "", CancellationToken ct = default)
    {
        var vacancy = await db.Set<Vacancy>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == vacancyId, ct);
        if (vacancy is null || ToInput(vacancy) is not { } input) return null;
        var candidates = await CandidatesAsync(regionCode, null, ct);
        var byId = candidates.ToDictionary(c => c.Candidate.PersonId);
        var ranked = VacancyRanking.TopPeople(input, candidates.Select(c => c.Candidate), top);
        var explainer = await ExplainerAsync([vacancy.WorkplaceRegionCode], ct);
        var row = await RowsAsync(new Dictionary<Guid, Vacancy> { [vacancy.Id] = vacancy }, ct);
        return new VacancyMatches(row(vacancy.Id, new MatchExplanation(0, [], null)),
            ranked.Select(r => new RankedPerson(byId[r.Person.PersonId].Person, byId[r.Person.PersonId].HasProfile,
                explainer.Explain(r.Person, r.Vacancy, r.Score))).ToList());
    }

    /// <summary>The kernel's input for a vacancy; null when its codes are malformed (the vacancy cannot be matched).</summary>
    public static MatchVacancy? ToInput(Vacancy v)
    {
        try
        {
            return MatchVacancy.Create(v.Id, v.OccupationCode, v.WageMin, v.WageMax, v.WorkplaceRegionCode, v.AgeMin, v.AgeMax,
                v.EducationCode, v.HomeDaily, v.SuitableForRuralLabour, v.HousingProvided, v.MealsProvided, v.Headcount);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The kernel's input for a person (see the class remarks for the defaults without a profile).</summary>
    public static MatchCandidate Candidate(PersonSummary person, JobseekerProfile? profile, EmploymentSituation? situation, DateOnly today)
    {
        var age = person.BirthDate is { } birth ? today.Year - birth.Year - (today < birth.AddYears(today.Year - birth.Year) ? 1 : 0) : -1;
        var reach = profile is not null
            ? profile.Reach switch { Reach.InCounty => MatchReach.InCounty, Reach.InProvince => MatchReach.InProvince, _ => MatchReach.Anywhere }
            : situation?.WillingToWorkAway switch { true => MatchReach.Anywhere, false => MatchReach.InCounty, null => MatchReach.InProvince };
        static IEnumerable<string> Valid(IEnumerable<string>? codes) => (codes ?? []).Where(OccupationCatalog.IsWellFormed);
        return MatchCandidate.Create(person.Id, person.RegionCode.Length == 12 ? person.RegionCode : person.RegionCode.PadRight(12, '0')[..12],
            age, person.EducationCode, person.LabourCapacityCode, Valid(profile?.WantedOccupationCodes), Valid(profile?.SkillOccupationCodes),
            profile?.ExpectedWageMin ?? 0, reach, profile?.MustBeHomeDaily ?? false);
    }

    /// <summary>The explainer, naming regions down to the villages among <paramref name="workplaces"/> (<see cref="WorkplaceNames"/>).</summary>
    public async Task<MatchExplainer> ExplainerAsync(IEnumerable<string>? workplaces = null, CancellationToken ct = default) =>
        new(code => occupations.ByCode(code)?.Name, await WorkplaceNames.ForAsync(regions, workplaces ?? [], ct));

    private static RankedVacancy Show(OpenVacancySnapshot open, MatchExplainer explainer, MatchResult r) =>
        open.Rows[r.Vacancy.VacancyId].Ranked(explainer.Explain(r.Person, r.Vacancy, r.Score));

    private async Task<Func<Guid, MatchExplanation, RankedVacancy>> RowsAsync(IReadOnlyDictionary<Guid, Vacancy> rows, CancellationToken ct)
    {
        var names = await WorkplaceNames.ForAsync(regions, rows.Values.Select(v => v.WorkplaceRegionCode), ct);
        var employerIds = rows.Values.Select(v => v.EmployerId).Distinct().ToList();
        var employers = await db.Set<Employer>().AsNoTracking().Where(e => employerIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Name }).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        return (id, why) =>
        {
            var v = rows[id];
            return new RankedVacancy(v.Id, v.Title, employers.GetValueOrDefault(v.EmployerId) ?? "", v.OccupationCode,
                occupations.ByCode(v.OccupationCode)?.Name ?? v.OccupationCode, v.WorkplaceRegionCode,
                names(v.WorkplaceRegionCode) ?? v.WorkplaceRegionCode, v.WageMin, v.WageMax, v.Headcount,
                why);
        };
    }
}
