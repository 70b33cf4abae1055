using Bangfu.Registry.CodeLists;

namespace Bangfu.Registry.RosterImport;

/// <summary>The columns of a roster, by canonical name.</summary>
public enum RosterColumn
{
    Province, City, County, Township, Village, HouseholdNumber, PersonNumber, Name, Sex, BirthDate,
    DocumentType, IdNumber, Ethnicity, HouseholdPhone, MemberPhone, Year, RelationshipToHead, Education,
    SchoolStatus, LabourCapacity, MonthsWorked, Health, PoliticalStatus, EmployerName, MinimumLivingAllowance,
    UrbanEmployeePension, SeriousIllnessInsurance, ResidentMedicalInsurance, ResidentPension, DropoutReason,
    SpeaksMandarin, CommercialMedicalInsurance, WorksAbroad, Industry, SeriousIllnessMedicalAssistance,
    OtherHealthAssistance, PublicWelfareJobType, PublicWelfareJobMonths, EmploymentChannel, DisabilityCategory,
    Workplace, HeadName, HeadIdNumber, UrbanEmployeeMedicalInsurance, ExtremePovertySupport,
    DisabilityCertificateYear, IdentificationStandard,
    // Optional columns some exports carry beyond the 47.
    MonitoringType, RiskCleared, RiskClearedOn,
}

/// <summary>One column of the layout: its header as the national export writes it, accepted synonyms, and
/// whether a file must have it.</summary>
public sealed record RosterColumnDefinition(RosterColumn Column, string Header, bool Required, string[] Synonyms);

/// <summary>
/// The 47-column layout of the national poverty-monitoring person export (全国防返贫监测信息系统 人口信息导出),
/// in its order, with header synonyms seen in county spreadsheets, plus optional monitoring columns.
/// </summary>
public static class RosterLayout
{
    public static IReadOnlyList<RosterColumnDefinition> Columns { get; } =
    [
        new(RosterColumn.Province, "省", true, ["省份", "省（自治区、直辖市）", "省名称"]),
        new(RosterColumn.City, "市", true, ["市（州）", "市州", "地市", "市名称", "州市"]),
        new(RosterColumn.County, "县", true, ["县（市、区）", "县市区", "区县", "县名称", "县(市、区)"]),
        new(RosterColumn.Township, "乡", true, ["乡（镇）", "乡镇", "乡（镇、街道）", "乡镇街道", "乡名称", "乡(镇)"]),
        new(RosterColumn.Village, "村", true, ["村（社区）", "行政村", "村居", "村名称", "村(社区)"]),
        new(RosterColumn.HouseholdNumber, "户编号", true, ["户码", "户号"]),
        new(RosterColumn.PersonNumber, "人口编号", true, ["人员编号", "成员编号"]),
        new(RosterColumn.Name, "姓名", true, ["成员姓名", "人员姓名"]),
        new(RosterColumn.Sex, "性别", true, []),
        new(RosterColumn.BirthDate, "出生日期", false, ["出生年月", "出生年月日"]),
        new(RosterColumn.DocumentType, "证件类型", false, ["证件种类"]),
        new(RosterColumn.IdNumber, "证件号码", true, ["身份证号", "身份证号码", "公民身份号码", "居民身份证号码", "身份证件号码", "证件号"]),
        new(RosterColumn.Ethnicity, "民族", false, []),
        new(RosterColumn.HouseholdPhone, "户联系电话", false, ["联系电话", "户主联系电话", "家庭联系电话"]),
        new(RosterColumn.MemberPhone, "成员联系电话", false, ["本人联系电话", "个人联系电话", "手机号码"]),
        new(RosterColumn.Year, "年度", false, ["年份"]),
        new(RosterColumn.RelationshipToHead, "与户主关系", true, ["与户主的关系"]),
        new(RosterColumn.Education, "文化程度", false, ["学历"]),
        new(RosterColumn.SchoolStatus, "在校生状况", false, ["在校生情况", "在校状况"]),
        new(RosterColumn.LabourCapacity, "劳动技能", true, ["劳动能力"]),
        new(RosterColumn.MonthsWorked, "务工时间（月）", true, ["务工时间", "务工月数", "务工时间(月)", "外出务工时间（月）"]),
        new(RosterColumn.Health, "健康状况", false, []),
        new(RosterColumn.PoliticalStatus, "政治面貌", false, []),
        new(RosterColumn.EmployerName, "务工企业名称", false, ["务工单位", "务工单位名称", "就业单位"]),
        new(RosterColumn.MinimumLivingAllowance, "是否享受低保", false, ["是否低保"]),
        new(RosterColumn.UrbanEmployeePension, "是否参加城镇职工基本养老保险", false, []),
        new(RosterColumn.SeriousIllnessInsurance, "是否参加大病保险", false, []),
        new(RosterColumn.ResidentMedicalInsurance, "是否参加新型农村合作医疗（城乡居民基本医疗保险）", false, ["是否参加城乡居民基本医疗保险", "是否参加新型农村合作医疗"]),
        new(RosterColumn.ResidentPension, "是否参加城乡居民基本养老保险", false, ["是否参加新型农村社会养老保险"]),
        new(RosterColumn.DropoutReason, "失学或辍学原因", false, []),
        new(RosterColumn.SpeaksMandarin, "是否会讲普通话", false, []),
        new(RosterColumn.CommercialMedicalInsurance, "是否参加商业补充医疗保险", false, []),
        new(RosterColumn.WorksAbroad, "是否国外务工", false, ["是否境外务工"]),
        new(RosterColumn.Industry, "产业分类", false, []),
        new(RosterColumn.SeriousIllnessMedicalAssistance, "是否接受大病医疗救助", false, []),
        new(RosterColumn.OtherHealthAssistance, "是否接受其他健康扶贫", false, []),
        new(RosterColumn.PublicWelfareJobType, "公益性岗位类型", false, ["公益性岗位"]),
        new(RosterColumn.PublicWelfareJobMonths, "公益性岗位(月数)", false, ["公益性岗位（月数）", "公益性岗位月数"]),
        new(RosterColumn.EmploymentChannel, "就业渠道", false, []),
        new(RosterColumn.DisabilityCategory, "残疾类别", false, ["残疾类型"]),
        new(RosterColumn.Workplace, "务工所在地", false, ["务工地点", "务工地址", "就业地点"]),
        new(RosterColumn.HeadName, "户主姓名", false, []),
        new(RosterColumn.HeadIdNumber, "户主证件号码", false, ["户主身份证号", "户主身份证号码"]),
        new(RosterColumn.UrbanEmployeeMedicalInsurance, "是否参加城镇职工基本医疗保险", false, []),
        new(RosterColumn.ExtremePovertySupport, "是否特困供养人员", false, ["是否特困人员"]),
        new(RosterColumn.DisabilityCertificateYear, "残疾证办证年度", false, []),
        new(RosterColumn.IdentificationStandard, "识别标准", false, []),
        new(RosterColumn.MonitoringType, "监测对象类别", false, ["监测对象类型", "防返贫监测对象类别"]),
        new(RosterColumn.RiskCleared, "风险是否已消除", false, ["是否消除风险", "风险消除"]),
        new(RosterColumn.RiskClearedOn, "风险消除时间", false, ["风险消除日期"]),
    ];

    /// <summary>The 47 columns of the national export, in order (what an export writes).</summary>
    public static IReadOnlyList<RosterColumnDefinition> ExportColumns { get; } =
        Columns.Where(c => c.Column < RosterColumn.MonitoringType).ToList();

    private static readonly Dictionary<string, RosterColumnDefinition> ByHeader = Columns
        .SelectMany(c => new[] { c.Header }.Concat(c.Synonyms).Select(h => (Key: NormaliseHeader(h), Def: c)))
        .DistinctBy(x => x.Key)
        .ToDictionary(x => x.Key, x => x.Def);

    /// <summary>The column a header names (ignoring spaces, line breaks, full/half-width brackets and a trailing *), or null.</summary>
    public static RosterColumnDefinition? Find(string? header) =>
        string.IsNullOrWhiteSpace(header) ? null : ByHeader.GetValueOrDefault(NormaliseHeader(header));

    /// <summary>A row is the header row when at least 6 of its cells name known columns, among them 姓名 and the ID column.</summary>
    public static bool IsHeaderRow(IReadOnlyList<string?> cells)
    {
        var found = cells.Select(Find).Where(d => d is not null).Select(d => d!.Column).ToHashSet();
        return found.Count >= 6 && found.Contains(RosterColumn.Name) && found.Contains(RosterColumn.IdNumber);
    }

    public static string NormaliseHeader(string header)
    {
        var s = CodeLists.CodeLists.Normalise(header).Replace("\n", "").Replace("\r", "").TrimEnd('*').TrimStart('*');
        return s;
    }
}
