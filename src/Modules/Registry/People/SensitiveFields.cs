using Bangfu.Registry.RosterImport;

namespace Bangfu.Registry.People;

/// <summary>
/// The fields of a person that are sensitive personal information and shown only to holders of
/// <c>Permissions.RegistrySensitive</c> (PIPL art. 28: medical health and financial information; GB/T 35273-2020
/// Appendix B: 个人健康生理信息 and 个人财产信息 such as income):
/// 健康状况, 残疾类别, 残疾证办证年度, 是否接受大病医疗救助 and 是否接受其他健康扶贫 reveal health or disability;
/// 是否享受低保 and 是否特困供养人员 are granted on income and assets below a threshold, so they reveal income.
/// Insurance enrolment (是否参加…保险) is left visible: it says nothing of a person's health.
/// </summary>
public static class SensitiveFields
{
    public static IReadOnlySet<RosterColumn> Columns { get; } = new HashSet<RosterColumn>
    {
        RosterColumn.Health, RosterColumn.DisabilityCategory, RosterColumn.DisabilityCertificateYear,
        RosterColumn.SeriousIllnessMedicalAssistance, RosterColumn.OtherHealthAssistance,
        RosterColumn.MinimumLivingAllowance, RosterColumn.ExtremePovertySupport,
    };

    /// <summary>Their Chinese names, with the synonyms files use (the field names of change records and of findings).</summary>
    public static IReadOnlySet<string> Labels { get; } =
        RosterLayout.Columns.Where(c => Columns.Contains(c.Column)).SelectMany(c => c.Synonyms.Append(c.Header)).ToHashSet();
}
