using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;

namespace Bangfu.Employment.Jobseekers;

/// <summary>How far a jobseeker will go for work, on the region tree from the home village.</summary>
public enum Reach : short
{
    /// <summary>县内: within the home county.</summary>
    InCounty = 0,
    /// <summary>省内: within the home province.</summary>
    InProvince = 1,
    /// <summary>不限.</summary>
    Anywhere = 2,
}

/// <summary>
/// A person's jobseeker profile (求职登记): skills and certificates, what work they want and on which terms, and when
/// they can start. One per person (unique within the county). Scoped like the person: <see cref="RegionCode"/> is the
/// home village. Work history is not copied here: it is read from the employment situations
/// (<c>Contracts.EmploymentSituation</c>).
/// </summary>
public sealed class JobseekerProfile : IRegionScoped, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>6-digit county code (distribution key).</summary>
    public string CountyCode { get; set; } = "";

    /// <summary>12-digit home village of the person.</summary>
    public string RegionCode { get; set; } = "";
    public Guid PersonId { get; set; }

    /// <summary>Occupation codes the person has skills in (occupation list codes).</summary>
    public List<string> SkillOccupationCodes { get; set; } = [];

    /// <summary>技能 as told, free text.</summary>
    public string? SkillsText { get; set; }

    /// <summary>证书 (e.g. 电工证, 焊工证, 驾驶证 B2).</summary>
    public List<string> Certificates { get; set; } = [];

    /// <summary>意向职业: occupation codes wanted.</summary>
    public List<string> WantedOccupationCodes { get; set; } = [];

    /// <summary>期望月薪 lower bound, whole yuan per month (null: not said).</summary>
    public int? ExpectedWageMin { get; set; }
    public Reach Reach { get; set; } = Reach.InCounty;

    /// <summary>须每日回家 (cares for children, elders or land).</summary>
    public bool MustBeHomeDaily { get; set; }

    /// <summary>培训意愿, free text.</summary>
    public string? TrainingWishes { get; set; }

    /// <summary>可上岗日期.</summary>
    public DateOnly? AvailableFrom { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public long Version { get; set; }
}
