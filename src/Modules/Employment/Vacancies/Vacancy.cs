using Bangfu.Platform.Data;

namespace Bangfu.Employment.Vacancies;

/// <summary>The life of a vacancy: posted → reviewed by the county bureau → published → filled, expired or withdrawn.</summary>
public enum VacancyState : short
{
    /// <summary>草稿: saved, not yet submitted.</summary>
    Draft = 0,
    /// <summary>待审核: submitted, waiting for the county bureau.</summary>
    PendingReview = 1,
    /// <summary>已发布.</summary>
    Published = 2,
    /// <summary>未通过审核 (with the reason).</summary>
    Rejected = 3,
    /// <summary>已招满.</summary>
    Filled = 4,
    /// <summary>已过期: never stored by a job; <see cref="Vacancy.EffectiveState"/> reports a published vacancy past its date so.</summary>
    Expired = 5,
    /// <summary>已撤回.</summary>
    Withdrawn = 6,
}

/// <summary>Who put the vacancy in.</summary>
public enum VacancySource : short
{
    /// <summary>An officer on the employer's behalf.</summary>
    Officer = 0,
    /// <summary>The employer's own account.</summary>
    EmployerAccount = 1,
    /// <summary>A bulk import from Excel.</summary>
    Import = 2,
    /// <summary>Brought to a job fair.</summary>
    Fair = 3,
    /// <summary>Demo data loaded by <c>demo load</c> (演示数据).</summary>
    Demo = 4,
}

/// <summary>
/// A vacancy (岗位) of an employer: occupation, headcount, wage range (whole yuan per month), workplace and the
/// requirements as the employer states them. Published only after the county bureau's review; open while published,
/// not past <see cref="ExpiresOn"/> and not filled (<see cref="IsOpenOn"/>). Not personal data: no region scope filter;
/// managing it is scoped by <see cref="ManagingRegionCode"/>, copied from the employer.
/// </summary>
public sealed class Vacancy : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmployerId { get; set; }

    /// <summary>岗位名称.</summary>
    public string Title { get; set; } = "";

    /// <summary>职业 code of the occupation list (Occupations/occupations.json), any level.</summary>
    public string OccupationCode { get; set; } = "";

    /// <summary>招聘人数 (≥ 1).</summary>
    public int Headcount { get; set; } = 1;

    /// <summary>月薪下限, whole yuan per month (≥ 0, ≤ <see cref="WageMax"/>).</summary>
    public int WageMin { get; set; }

    /// <summary>月薪上限, whole yuan per month.</summary>
    public int WageMax { get; set; }

    /// <summary>工作地点: a region code at any level (2 to 12 digits, e.g. 440300 深圳市).</summary>
    public string WorkplaceRegionCode { get; set; } = "";

    /// <summary>工作地点 as written (street, industrial park).</summary>
    public string? WorkplaceText { get; set; }

    /// <summary>年龄要求 lower bound, years (null: none).</summary>
    public int? AgeMin { get; set; }
    /// <summary>年龄要求 upper bound, years (null: none).</summary>
    public int? AgeMax { get; set; }

    /// <summary>学历要求 (minimum): code of the registry's education list (01 文盲或半文盲 … 07 本科及以上); null: none.</summary>
    public string? EducationCode { get; set; }

    /// <summary>技能要求 as stated.</summary>
    public string? Skills { get; set; }
    /// <summary>健康要求 as stated.</summary>
    public string? HealthRequirement { get; set; }
    /// <summary>班次 / 工作时间 as stated.</summary>
    public string? Shifts { get; set; }

    /// <summary>包住.</summary>
    public bool HousingProvided { get; set; }
    /// <summary>包吃.</summary>
    public bool MealsProvided { get; set; }
    /// <summary>适合农村劳动力.</summary>
    public bool SuitableForRuralLabour { get; set; }
    /// <summary>可每日回家: suitable for people who must be home every day.</summary>
    public bool HomeDaily { get; set; }

    public VacancyState State { get; private set; } = VacancyState.Draft;

    /// <summary>Why the bureau rejected it (when <see cref="VacancyState.Rejected"/>).</summary>
    public string? RejectionReason { get; private set; }

    /// <summary>截止日期: open up to and including this day.</summary>
    public DateOnly ExpiresOn { get; set; }

    /// <summary>已招人数.</summary>
    public int FilledCount { get; set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? ReviewedBy { get; private set; }

    /// <summary>The employer's managing county (6 digits), copied when the vacancy is created.</summary>
    public string ManagingRegionCode { get; set; } = "";
    public VacancySource Source { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public long Version { get; set; }

    /// <summary>Published, not past its closing date, and not filled.</summary>
    public bool IsOpenOn(DateOnly day) => State == VacancyState.Published && ExpiresOn >= day && FilledCount < Headcount;

    /// <summary>The state to show: a published vacancy past its date is <see cref="VacancyState.Expired"/>.</summary>
    public VacancyState EffectiveState(DateOnly day) =>
        State == VacancyState.Published && ExpiresOn < day ? VacancyState.Expired : State;

    /// <summary>Whether the content may still be edited: not after publication (a change would bypass the review).</summary>
    public bool IsEditable => State is VacancyState.Draft or VacancyState.PendingReview or VacancyState.Rejected;

    /// <summary>Sends a draft or a rejected vacancy (after editing) to review.</summary>
    public void Submit()
    {
        if (State is not (VacancyState.Draft or VacancyState.Rejected or VacancyState.PendingReview))
            throw new VacancyStateException($"{StateNames.Of(State)}的岗位不能提交审核");
        State = VacancyState.PendingReview;
        RejectionReason = null;
    }

    /// <summary>The bureau approves: the vacancy is published.</summary>
    public void Publish(string reviewer, DateTimeOffset at)
    {
        if (State != VacancyState.PendingReview) throw new VacancyStateException($"{StateNames.Of(State)}的岗位不能发布");
        State = VacancyState.Published;
        PublishedAt = at;
        ReviewedAt = at;
        ReviewedBy = reviewer;
    }

    /// <summary>The bureau rejects, with a reason the poster sees.</summary>
    public void Reject(string reason, string reviewer, DateTimeOffset at)
    {
        if (State != VacancyState.PendingReview) throw new VacancyStateException($"{StateNames.Of(State)}的岗位不能退回");
        if (string.IsNullOrWhiteSpace(reason)) throw new VacancyStateException("请填写退回原因");
        State = VacancyState.Rejected;
        RejectionReason = reason.Trim();
        ReviewedAt = at;
        ReviewedBy = reviewer;
    }

    /// <summary>All posts filled (or the employer says so).</summary>
    public void MarkFilled()
    {
        if (State != VacancyState.Published) throw new VacancyStateException($"{StateNames.Of(State)}的岗位不能标记为已招满");
        State = VacancyState.Filled;
        FilledCount = Math.Max(FilledCount, Headcount);
    }

    /// <summary>The employer or officer takes it back.</summary>
    public void Withdraw()
    {
        if (State is VacancyState.Withdrawn or VacancyState.Filled)
            throw new VacancyStateException($"{StateNames.Of(State)}的岗位不能撤回");
        State = VacancyState.Withdrawn;
    }

    /// <summary>Chinese names of the states.</summary>
    public static class StateNames
    {
        public static string Of(VacancyState s) => s switch
        {
            VacancyState.Draft => "草稿",
            VacancyState.PendingReview => "待审核",
            VacancyState.Published => "已发布",
            VacancyState.Rejected => "未通过",
            VacancyState.Filled => "已招满",
            VacancyState.Expired => "已过期",
            VacancyState.Withdrawn => "已撤回",
            _ => s.ToString(),
        };
    }
}

/// <summary>A transition the vacancy's state does not allow; the message is Chinese and names the state.</summary>
public sealed class VacancyStateException(string message) : InvalidOperationException(message);
