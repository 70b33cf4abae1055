using Bangfu.Platform.Scope;

namespace Bangfu.Employment.Fairs;

/// <summary>Where an interest stands in the follow-up.</summary>
public enum InterestState : short
{
    /// <summary>新登记: nobody has called yet.</summary>
    New = 0,
    /// <summary>已联系.</summary>
    Contacted = 1,
    /// <summary>已办结 (referred, hired, or not wanted any more).</summary>
    Closed = 2,
}

/// <summary>Chinese names of the follow-up states.</summary>
public static class InterestText
{
    public static string State(InterestState state) => state switch
    {
        InterestState.New => "待联系",
        InterestState.Contacted => "已联系",
        InterestState.Closed => "已办结",
        _ => state.ToString(),
    };
}

/// <summary>
/// Interest registered by a member of the public in a vacancy on the online fair (永不落幕网络招聘会), for the cadre
/// and the employer to follow up. No account: name, phone and optionally the ID number, the phone and ID stored only
/// encrypted with keyed hashes and masked forms (as the registry stores them). Matched to the registry by the ID hash
/// (or name + phone hash); when matched the record is scoped to the person's village, otherwise to the vacancy's
/// managing county. The public is never told whether a match happened. One interest per phone and vacancy.
/// A matched interest is also a <see cref="Referrals.Referral"/> (source 网上报名) for the person and the vacancy, made in the
/// same save and linked by <see cref="ReferralId"/>; an unmatched one gets its referral when an officer links it to a
/// registry person (<see cref="VacancyInterestService.LinkAsync"/>).
/// </summary>
public sealed class VacancyInterest : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid VacancyId { get; set; }

    /// <summary>The person's village when matched; the vacancy's managing county (6 digits) otherwise.</summary>
    public string RegionCode { get; set; } = "";
    public Guid? PersonId { get; set; }

    /// <summary>The referral (emp_referral id, in the person's county) this interest became; null while unmatched.</summary>
    public Guid? ReferralId { get; set; }

    /// <summary>姓名 as typed (≤ 20 characters).</summary>
    public string Name { get; set; } = "";
    public byte[] PhoneCipher { get; set; } = [];
    public byte[] PhoneHash { get; set; } = [];
    public string PhoneMasked { get; set; } = "";
    public byte[]? IdNumberCipher { get; set; }
    public byte[]? IdNumberHash { get; set; }
    public string? IdNumberMasked { get; set; }

    public InterestState State { get; set; }
    /// <summary>跟进情况 as the officer writes it.</summary>
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
