using Bangfu.Registry.Contracts;

namespace Bangfu.Employment.Services;

/// <summary>
/// The 311 rule: per unemployed person who wants work (未就业有意愿), per calendar year, at least 3 job-information pushes,
/// 1 career guidance and 1 free skills-training referral (GLOSSARY 311 服务; 湖南省人力资源和社会保障厅 “311” 就业服务:
/// 对有就业意愿的未就业脱贫劳动力每年至少提供 3 次岗位信息、1 次职业指导、1 次技能培训信息).
/// </summary>
public static class Ledger311
{
    public const int RequiredPushes = 3;
    public const int RequiredGuidance = 1;
    public const int RequiredTraining = 1;
}

/// <summary>How many services of each kind a person received in a year (each <see cref="ServiceRecord"/> counts once).</summary>
public sealed record ServiceCounts(int Pushes, int Guidance, int Training)
{
    public static ServiceCounts None { get; } = new(0, 0, 0);

    public bool PushesMet => Pushes >= Ledger311.RequiredPushes;
    public bool GuidanceMet => Guidance >= Ledger311.RequiredGuidance;
    public bool TrainingMet => Training >= Ledger311.RequiredTraining;
    public bool Complete => PushesMet && GuidanceMet && TrainingMet;

    /// <summary>What is still missing, as the worklist says it: "还差 2 次岗位推送、1 次职业指导"; "已完成" when nothing is.</summary>
    public string Missing
    {
        get
        {
            var parts = new List<string>();
            if (!PushesMet) parts.Add($"{Ledger311.RequiredPushes - Pushes} 次岗位推送");
            if (!GuidanceMet) parts.Add($"{Ledger311.RequiredGuidance - Guidance} 次职业指导");
            if (!TrainingMet) parts.Add($"{Ledger311.RequiredTraining - Training} 次培训信息");
            return parts.Count == 0 ? "已完成" : "还差 " + string.Join("、", parts);
        }
    }

    public ServiceCounts Add(ServiceKind kind, int count) => kind switch
    {
        ServiceKind.JobPush => this with { Pushes = Pushes + count },
        ServiceKind.CareerGuidance => this with { Guidance = Guidance + count },
        _ => this with { Training = Training + count },
    };
}

/// <summary>
/// One person of the year's target group in a village's ledger: the counts of the year, and whether they are still
/// unemployed and willing in the ledger's month (the worklist shows only those; a person who found work stays in the
/// year's coverage).
/// </summary>
public sealed record LedgerLine(PersonSummary Person, ServiceCounts Counts, bool StillSeeking);

/// <summary>
/// One region's 311 coverage for a year: the target group, the people fully served, and for each component the people who
/// have it (coverage = met / target). Percentages are 0 when the target group is empty.
/// </summary>
public sealed record CoverageRow(string Code, string Name, int Target, int Complete, int PushesMet, int GuidanceMet, int TrainingMet)
{
    public static double Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);
    public double CompletePercent => Percent(Complete, Target);
    public double PushesPercent => Percent(PushesMet, Target);
    public double GuidancePercent => Percent(GuidanceMet, Target);
    public double TrainingPercent => Percent(TrainingMet, Target);
}

/// <summary>A coverage report: the region itself (<see cref="Total"/>) and its children that have a target group.</summary>
public sealed record CoverageReport(int Year, CoverageRow Total, IReadOnlyList<CoverageRow> Children);

/// <summary>What a cadre records: the kind, date, channel and what (and for a push, the vacancies pushed).</summary>
public sealed record ServiceInput(ServiceKind Kind, DateOnly Date, ServiceChannel Channel, string? What, IReadOnlyCollection<Guid>? VacancyIds = null)
{
    /// <summary>The problems of the input, by field (Kind, Date, Channel, What), in Chinese; empty when it is fine.</summary>
    public IReadOnlyList<(string Field, string Message)> Check(DateOnly today)
    {
        var errors = new List<(string, string)>();
        if (!Enum.IsDefined(Kind)) errors.Add((nameof(Kind), "请选择服务类型（推送岗位信息、职业指导或免费技能培训信息）。"));
        if (!Enum.IsDefined(Channel)) errors.Add((nameof(Channel), "请选择服务方式。"));
        if (Date > today) errors.Add((nameof(Date), $"服务日期 {Date:yyyy-MM-dd} 晚于今天，不能预先登记。"));
        else if (Date.Year < 2015) errors.Add((nameof(Date), "服务日期应在 2015 年以后。"));
        if (What is { Length: > ServiceRecord.WhatMaxLength }) errors.Add((nameof(What), $"服务内容最多 {ServiceRecord.WhatMaxLength} 个字。"));
        return errors;
    }
}
