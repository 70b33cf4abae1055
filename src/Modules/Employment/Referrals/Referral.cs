using Bangfu.Platform.Scope;

namespace Bangfu.Employment.Referrals;

/// <summary>How a person came to be referred to a vacancy.</summary>
public enum ReferralSource : short
{
    /// <summary>岗位推送.</summary>
    Push = 1,
    /// <summary>招聘会.</summary>
    Fair = 2,
    /// <summary>网上报名 (interest registered on the online fair).</summary>
    OnlineInterest = 3,
    /// <summary>现场求职 (walked in).</summary>
    WalkIn = 4,
}

/// <summary>What came of a referral.</summary>
public enum ReferralOutcome : short
{
    /// <summary>已录用.</summary>
    Hired = 1,
    /// <summary>未录用.</summary>
    NotHired = 2,
    /// <summary>未到场.</summary>
    NoShow = 3,
    /// <summary>本人放弃.</summary>
    Declined = 4,
}

/// <summary>
/// A referral (推荐就业) of a person to a vacancy (by id; the title and employer are copied so the record reads on its own),
/// with its source, date and who referred; then its outcome, once known. A hire goes on to a <see cref="Placement"/>.
/// </summary>
public sealed class Referral : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string CountyCode { get; init; } = "";

    /// <summary>The person's home village.</summary>
    public string RegionCode { get; init; } = "";
    public Guid PersonId { get; init; }

    /// <summary>The vacancy (emp_vacancy id), when the referral is to a registered vacancy.</summary>
    public Guid? VacancyId { get; init; }
    public string JobTitle { get; init; } = "";
    public string EmployerName { get; init; } = "";
    public ReferralSource Source { get; init; }
    public DateOnly ReferredOn { get; init; }
    public string? ReferredBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public ReferralOutcome? Outcome { get; private set; }
    public DateOnly? OutcomeOn { get; private set; }
    public string? OutcomeBy { get; private set; }

    /// <summary>Records the outcome; a referral has one outcome, on or after the day of the referral.</summary>
    /// <exception cref="InvalidOperationException">The outcome is already recorded, or dated before the referral.</exception>
    public void RecordOutcome(ReferralOutcome outcome, DateOnly on, string? by)
    {
        if (Outcome is not null) throw new InvalidOperationException("该推荐的结果已经登记。");
        if (on < ReferredOn) throw new InvalidOperationException($"结果日期不能早于推荐日期 {ReferredOn:yyyy-MM-dd}。");
        Outcome = outcome;
        OutcomeOn = on;
        OutcomeBy = by;
    }
}

/// <summary>Chinese names of sources and outcomes.</summary>
public static class ReferralText
{
    public static string Source(ReferralSource source) => source switch
    {
        ReferralSource.Push => "岗位推送",
        ReferralSource.Fair => "招聘会",
        ReferralSource.OnlineInterest => "网上报名",
        _ => "现场求职",
    };

    public static string Outcome(ReferralOutcome? outcome) => outcome switch
    {
        null => "待反馈",
        ReferralOutcome.Hired => "已录用",
        ReferralOutcome.NotHired => "未录用",
        ReferralOutcome.NoShow => "未到场",
        _ => "本人放弃",
    };
}
