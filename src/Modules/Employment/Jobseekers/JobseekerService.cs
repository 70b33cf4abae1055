using Bangfu.Employment.Contracts;
using Bangfu.Employment.Occupations;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Registry.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Jobseekers;

/// <summary>What the cadre enters for a person's profile (wage in whole yuan per month).</summary>
public sealed record JobseekerInput
{
    public IReadOnlyList<string> SkillOccupationCodes { get; init; } = [];
    public string? SkillsText { get; init; }
    public IReadOnlyList<string> Certificates { get; init; } = [];
    public IReadOnlyList<string> WantedOccupationCodes { get; init; } = [];
    public int? ExpectedWageMin { get; init; }
    public Reach Reach { get; init; } = Reach.InCounty;
    public bool MustBeHomeDaily { get; init; }
    public string? TrainingWishes { get; init; }
    public DateOnly? AvailableFrom { get; init; }
}

/// <summary>A person with their profile (null when none yet) and their work history from the employment situations, newest first.</summary>
public sealed record JobseekerView(PersonSummary Person, JobseekerProfile? Profile, IReadOnlyList<EmploymentSituation> History);

/// <summary>
/// Jobseeker profiles, kept by the village cadre (or township, county). The person must be in the caller's scope: the
/// registry's person directory and the profile's region filter decide, so anyone else is not found (null → 404).
/// Reads and changes are audited as person events (a profile is personal data).
/// </summary>
public sealed class JobseekerService(AppDbContext db, IPersonDirectory people, OccupationCatalog occupations, AuditTrail audit,
    AuditActor actor, TimeProvider clock)
{
    public const string ViewEvent = "jobseeker.view";
    public const string EditEvent = "jobseeker.edit";

    /// <summary>The person, profile and history; null when the person is not in the caller's scope.</summary>
    public async Task<JobseekerView?> FindAsync(Guid personId, CancellationToken ct = default)
    {
        var person = await people.FindAsync(personId, ct);
        if (person is null) return null;
        var profile = await db.Set<JobseekerProfile>().AsNoTracking()
            .FirstOrDefaultAsync(p => p.CountyCode == person.CountyCode && p.PersonId == personId, ct);
        var history = await db.Set<EmploymentSituation>().AsNoTracking()
            .Where(s => s.CountyCode == person.CountyCode && s.PersonId == personId)
            .OrderByDescending(s => s.FromPeriod).Take(24).ToListAsync(ct);
        await audit.RecordAsync(new AuditEntry(AuditCategories.Person, ViewEvent, Target: personId.ToString(), RegionCode: person.RegionCode), ct);
        return new JobseekerView(person, profile, history);
    }

    /// <summary>
    /// Creates or replaces the person's profile. Errors (Chinese, by property): an occupation code not in the list;
    /// expected wage outside 0–200,000 yuan per month; more than 20 occupations or certificates. Null when the person is
    /// not in the caller's scope.
    /// </summary>
    public async Task<(JobseekerProfile? Profile, IReadOnlyDictionary<string, string> Errors)?> SaveAsync(
        Guid personId, JobseekerInput input, CancellationToken ct = default)
    {
        var person = await people.FindAsync(personId, ct);
        if (person is null) return null;
        var errors = new Dictionary<string, string>();
        var skills = Codes(input.SkillOccupationCodes);
        var wanted = Codes(input.WantedOccupationCodes);
        foreach (var (field, codes) in new[] { (nameof(input.SkillOccupationCodes), skills), (nameof(input.WantedOccupationCodes), wanted) })
        {
            if (codes.FirstOrDefault(c => !occupations.Contains(c)) is { } unknown) errors[field] = $"职业代码“{unknown}”不在职业分类代码表中";
            else if (codes.Count > 20) errors[field] = "最多选择 20 个职业";
        }
        if (input.ExpectedWageMin is < 0 or > Vacancies.VacancyInput.WageLimit)
            errors[nameof(input.ExpectedWageMin)] = $"期望月薪应在 0 至 {Vacancies.VacancyInput.WageLimit} 元之间";
        var certificates = input.Certificates.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        if (certificates.Count > 20) errors[nameof(input.Certificates)] = "最多填写 20 个证书";
        else if (certificates.Any(c => c.Length > 50)) errors[nameof(input.Certificates)] = "每个证书名称不超过 50 字";
        if (!Enum.IsDefined(input.Reach)) errors[nameof(input.Reach)] = "请选择外出范围";
        if (errors.Count > 0) return (null, errors);

        var profile = await db.Set<JobseekerProfile>()
            .FirstOrDefaultAsync(p => p.CountyCode == person.CountyCode && p.PersonId == personId, ct);
        if (profile is null)
        {
            profile = new JobseekerProfile { CountyCode = person.CountyCode, PersonId = personId };
            db.Add(profile);
        }
        profile.RegionCode = person.RegionCode;
        profile.SkillOccupationCodes = skills;
        profile.SkillsText = Employers.EmployerService.Trim(input.SkillsText, 500);
        profile.Certificates = certificates;
        profile.WantedOccupationCodes = wanted;
        profile.ExpectedWageMin = input.ExpectedWageMin;
        profile.Reach = input.Reach;
        profile.MustBeHomeDaily = input.MustBeHomeDaily;
        profile.TrainingWishes = Employers.EmployerService.Trim(input.TrainingWishes, 500);
        profile.AvailableFrom = input.AvailableFrom;
        profile.UpdatedAt = clock.GetUtcNow();
        profile.UpdatedBy = actor.UserName;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEntry(AuditCategories.Person, EditEvent, Target: personId.ToString(), RegionCode: person.RegionCode), ct);
        return (profile, errors);
    }

    private static List<string> Codes(IEnumerable<string> codes) =>
        codes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
}
