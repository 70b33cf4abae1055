using Bangfu.Platform.Scope;

namespace Bangfu.Employment.Services;

/// <summary>The three services of the 311 package (GLOSSARY: 311 服务).</summary>
public enum ServiceKind : short
{
    /// <summary>推送岗位信息.</summary>
    JobPush = 1,
    /// <summary>职业指导.</summary>
    CareerGuidance = 2,
    /// <summary>免费技能培训信息.</summary>
    TrainingReferral = 3,
}

/// <summary>How a service reached the person.</summary>
public enum ServiceChannel : short
{
    /// <summary>当面 (入户、村部).</summary>
    InPerson = 1,
    /// <summary>电话.</summary>
    Phone = 2,
    /// <summary>短信 (only a message the gateway reported as sent, or one a cadre says was delivered).</summary>
    Sms = 3,
    /// <summary>微信群.</summary>
    WeChatGroup = 4,
    /// <summary>招聘会现场.</summary>
    JobFair = 5,
    /// <summary>其他.</summary>
    Other = 9,
}

/// <summary>
/// One service delivered to one person (emp_service): a job-information push, career guidance or a free skills-training
/// referral, with the date (calendar date, local), who delivered it (the officer's user name), the channel and what was
/// delivered. The 311 ledger counts these records (see <see cref="Ledger311"/>).
/// <para>Counting rule: each record is one delivery and counts once, however many vacancies it carried. The 311 target of
/// "≥ 3 次岗位推送" counts deliveries of job information (湖南省人社厅 "311" 就业服务: 每年至少提供 3 次岗位信息、1 次职业指导、
/// 1 次技能培训信息; a list of several jobs handed over at one visit is one provision of job information). The vacancies
/// of a push are kept in <see cref="VacancyIds"/> for the record, not for counting.</para>
/// <para>Scope: the person's home village (<see cref="RegionCode"/>) and county, like every person-level record.</para>
/// </summary>
public sealed class ServiceRecord : IRegionScoped
{
    public const int WhatMaxLength = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string CountyCode { get; init; } = "";

    /// <summary>The person's home village (12 digits).</summary>
    public string RegionCode { get; init; } = "";
    public Guid PersonId { get; init; }
    public ServiceKind Kind { get; init; }

    /// <summary>The day the service was delivered; it counts towards that calendar year.</summary>
    public DateOnly Date { get; init; }

    /// <summary>Who delivered it (the officer's user name, or the sender for a message the gateway sent).</summary>
    public string? By { get; init; }
    public ServiceChannel Channel { get; init; }

    /// <summary>What was delivered, as the officer wrote it (at most <see cref="WhatMaxLength"/> characters).</summary>
    public string? What { get; init; }

    /// <summary>For a job push: the ids of the vacancies pushed, comma-separated (emp_vacancy ids).</summary>
    public string? VacancyIds { get; init; }

    /// <summary>The outbox message whose sending this record stands for, when the push went out by SMS.</summary>
    public Guid? OutboxMessageId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public IReadOnlyList<Guid> Vacancies() =>
        string.IsNullOrEmpty(VacancyIds) ? [] : VacancyIds.Split(',').Select(Guid.Parse).ToList();

    public static string? JoinVacancies(IEnumerable<Guid>? ids) =>
        ids is null ? null : string.Join(',', ids.Distinct()) is { Length: > 0 } text ? text : null;
}

/// <summary>The Chinese names of kinds and channels, as forms and exports show them.</summary>
public static class ServiceText
{
    public static string Kind(ServiceKind kind) => kind switch
    {
        ServiceKind.JobPush => "推送岗位信息",
        ServiceKind.CareerGuidance => "职业指导",
        _ => "免费技能培训信息",
    };

    public static string Channel(ServiceChannel channel) => channel switch
    {
        ServiceChannel.InPerson => "当面",
        ServiceChannel.Phone => "电话",
        ServiceChannel.Sms => "短信",
        ServiceChannel.WeChatGroup => "微信群",
        ServiceChannel.JobFair => "招聘会",
        _ => "其他",
    };
}
