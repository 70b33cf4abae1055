using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;

namespace Bangfu.Registry.People;

/// <summary>
/// A registered person (人口), with every field of the national person export (the 47-column roster) in typed form:
/// code-list values as their codes (see CodeLists/code-lists.json), yes/no as booleans (null when the roster left
/// it empty), months as integers. The resident ID number and the phone are stored only encrypted, with a keyed
/// hash for lookup and their masked display form.
/// <para>Keyed by (county code, id) so the table can be distributed by county (docs/scaling.md).</para>
/// </summary>
public sealed class Person : IRegionScoped, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>6-digit county code (distribution key).</summary>
    public string CountyCode { get; set; } = "";

    /// <summary>12-digit village code of the household.</summary>
    public string RegionCode { get; set; } = "";

    public Guid HouseholdId { get; set; }

    /// <summary>人口编号, national person number, as text.</summary>
    public string PersonNumber { get; set; } = "";

    public string Name { get; set; } = "";
    public string? SexCode { get; set; }
    public DateOnly? BirthDate { get; set; }

    /// <summary>证件类型 code (111 居民身份证).</summary>
    public string DocumentTypeCode { get; set; } = "111";
    public byte[] IdNumberCipher { get; set; } = [];
    public byte[] IdNumberHash { get; set; } = [];
    public string IdNumberMasked { get; set; } = "";

    /// <summary>The number was given in the 15-digit first-generation form and converted (GB 11643-1999).</summary>
    public bool IdConvertedFrom15 { get; set; }

    public string? EthnicityCode { get; set; }
    public byte[]? PhoneCipher { get; set; }
    public byte[]? PhoneHash { get; set; }
    public string? PhoneMasked { get; set; }

    /// <summary>年度 of the record.</summary>
    public int? RecordYear { get; set; }

    /// <summary>与户主关系 code (current; history in HouseholdMembership).</summary>
    public string? RelationshipCode { get; set; }
    public string? EducationCode { get; set; }
    public string? SchoolStatusCode { get; set; }
    public string? LabourCapacityCode { get; set; }

    /// <summary>务工时间（月）.</summary>
    public int? MonthsWorked { get; set; }
    public string? HealthCode { get; set; }
    public string? PoliticalStatusCode { get; set; }

    /// <summary>务工企业名称.</summary>
    public string? EmployerName { get; set; }

    /// <summary>是否享受低保.</summary>
    public bool? MinimumLivingAllowance { get; set; }
    /// <summary>是否参加城镇职工基本养老保险.</summary>
    public bool? UrbanEmployeePension { get; set; }
    /// <summary>是否参加大病保险.</summary>
    public bool? SeriousIllnessInsurance { get; set; }
    /// <summary>是否参加新型农村合作医疗（城乡居民基本医疗保险）.</summary>
    public bool? ResidentMedicalInsurance { get; set; }
    /// <summary>是否参加城乡居民基本养老保险.</summary>
    public bool? ResidentPension { get; set; }
    /// <summary>失学或辍学原因 code.</summary>
    public string? DropoutReasonCode { get; set; }
    /// <summary>是否会讲普通话.</summary>
    public bool? SpeaksMandarin { get; set; }
    /// <summary>是否参加商业补充医疗保险.</summary>
    public bool? CommercialMedicalInsurance { get; set; }
    /// <summary>是否国外务工.</summary>
    public bool? WorksAbroad { get; set; }
    /// <summary>产业分类 code.</summary>
    public string? IndustryCode { get; set; }
    /// <summary>是否接受大病医疗救助.</summary>
    public bool? SeriousIllnessMedicalAssistance { get; set; }
    /// <summary>是否接受其他健康扶贫.</summary>
    public bool? OtherHealthAssistance { get; set; }
    /// <summary>公益性岗位类型 code.</summary>
    public string? PublicWelfareJobCode { get; set; }
    /// <summary>公益性岗位(月数).</summary>
    public int? PublicWelfareJobMonths { get; set; }
    /// <summary>就业渠道 code.</summary>
    public string? EmploymentChannelCode { get; set; }
    /// <summary>残疾类别 code.</summary>
    public string? DisabilityCode { get; set; }
    /// <summary>务工所在地 as written.</summary>
    public string? WorkplaceText { get; set; }
    /// <summary>务工所在地 resolved to the most specific region found (null when it could not be resolved).</summary>
    public string? WorkplaceRegionCode { get; set; }
    /// <summary>是否参加城镇职工基本医疗保险.</summary>
    public bool? UrbanEmployeeMedicalInsurance { get; set; }
    /// <summary>是否特困供养人员.</summary>
    public bool? ExtremePovertySupport { get; set; }
    /// <summary>残疾证办证年度.</summary>
    public int? DisabilityCertificateYear { get; set; }
    /// <summary>识别标准 code.</summary>
    public string? IdentificationStandardCode { get; set; }

    /// <summary>Keyed hash of the person's imported fields: equal hash, unchanged record.</summary>
    public byte[] RecordHash { get; set; } = [];
    public Guid? LastImportId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }
}
