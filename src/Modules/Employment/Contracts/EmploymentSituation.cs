using Bangfu.Employment.Contracts;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Time;

namespace Bangfu.Employment.Contracts;

/// <summary>Where a worker works, relative to the home village (外出务工 / 就地就近就业).</summary>
public enum WorkplaceKind : short
{
    /// <summary>Not employed.</summary>
    None = 0,
    /// <summary>省外.</summary>
    OutsideProvince = 1,
    /// <summary>省内县外.</summary>
    InProvinceOutsideCounty = 2,
    /// <summary>县内 (就地就近).</summary>
    InCounty = 3,
    /// <summary>Employed, but the workplace could not be placed.</summary>
    Unknown = 9,
}

/// <summary>The one-word status a cadre picks in the monthly round; derived from the facts of a situation.</summary>
public enum EmploymentStatus : short
{
    /// <summary>非劳动力 (无劳动力、丧失劳动力).</summary>
    NotInLabourForce = 0,
    /// <summary>务工 (wage work; see <see cref="WorkplaceKind"/>).</summary>
    WageEmployed = 1,
    /// <summary>帮扶车间就业.</summary>
    Workshop = 2,
    /// <summary>公益性岗位.</summary>
    PublicWelfareJob = 3,
    /// <summary>自主创业 / 自营.</summary>
    SelfEmployed = 4,
    /// <summary>未就业有意愿 (the 311 target group).</summary>
    UnemployedWilling = 5,
    /// <summary>未就业无意愿.</summary>
    UnemployedNotWilling = 6,
}

/// <summary>
/// A person's employment situation over a run of months: valid from <see cref="FromPeriod"/> up to, not including,
/// <see cref="ToPeriod"/> (open-ended when null). A month's figures are the situations covering that month, so last
/// month's situation carries forward until something changes, and the monthly dispatch is one GROUP BY.
/// <para>The facts mirror the definitions of the national export and the dispatch: employed = 务工时间（月） &gt; 0
/// (or a job recorded in the round), place by 务工所在地 against the home village, workshop = 就业渠道 帮扶车间,
/// public-welfare job = 公益性岗位类型 given.</para>
/// </summary>
public sealed class EmploymentSituation : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string CountyCode { get; set; } = "";

    /// <summary>Home village (12 digits).</summary>
    public string RegionCode { get; set; } = "";
    public Guid PersonId { get; set; }
    public Guid HouseholdId { get; set; }
    public Period FromPeriod { get; set; }
    public Period? ToPeriod { get; set; }

    /// <summary>劳动力: labour capacity 普通劳动力, 技能劳动力 or 弱劳动力或半劳动力.</summary>
    public bool InLabourForce { get; set; }
    public bool Employed { get; set; }
    public WorkplaceKind Workplace { get; set; }
    public bool Workshop { get; set; }
    public bool PublicWelfareJob { get; set; }
    public bool SelfEmployed { get; set; }

    /// <summary>就业意愿 (null: not recorded).</summary>
    public bool? WillingToWork { get; set; }

    /// <summary>有意愿外出务工 (null: not recorded).</summary>
    public bool? WillingToWorkAway { get; set; }
    public string? WorkplaceRegionCode { get; set; }
    public string? EmployerName { get; set; }
    public int? MonthsWorked { get; set; }

    /// <summary>返乡 date, when the person came home from work away in this run of months.</summary>
    public DateOnly? ReturnedOn { get; set; }
    public EmploymentStatus Status { get; set; }

    public Guid? ImportId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
}
