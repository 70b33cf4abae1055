namespace Bangfu.Registry.RosterImport;

/// <summary>
/// One accepted roster row in typed form, ready for the stage table: codes instead of labels, encrypted identifiers
/// with their keyed hashes and masked forms, the village resolved to its code.
/// </summary>
public sealed class RosterRow
{
    public int RowNumber { get; set; }
    public string CountyCode { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public string HouseholdNumber { get; set; } = "";
    public string PersonNumber { get; set; } = "";
    public string Name { get; set; } = "";
    public string? SexCode { get; set; }
    public string IdSexCode { get; set; } = "";
    public DateOnly? BirthDate { get; set; }
    public string DocumentTypeCode { get; set; } = "111";
    public byte[] IdNumberCipher { get; set; } = [];
    public byte[] IdNumberHash { get; set; } = [];
    public string IdNumberMasked { get; set; } = "";
    public bool IdConvertedFrom15 { get; set; }
    public string? EthnicityCode { get; set; }
    public byte[]? PhoneCipher { get; set; }
    public byte[]? PhoneHash { get; set; }
    public string? PhoneMasked { get; set; }
    public byte[]? HouseholdPhoneCipher { get; set; }
    public byte[]? HouseholdPhoneHash { get; set; }
    public string? HouseholdPhoneMasked { get; set; }
    public int? RecordYear { get; set; }
    public string? RelationshipCode { get; set; }
    public string? EducationCode { get; set; }
    public string? SchoolStatusCode { get; set; }
    public string? LabourCapacityCode { get; set; }
    public int? MonthsWorked { get; set; }
    public string? HealthCode { get; set; }
    public string? PoliticalStatusCode { get; set; }
    public string? EmployerName { get; set; }
    public bool? MinimumLivingAllowance { get; set; }
    public bool? UrbanEmployeePension { get; set; }
    public bool? SeriousIllnessInsurance { get; set; }
    public bool? ResidentMedicalInsurance { get; set; }
    public bool? ResidentPension { get; set; }
    public string? DropoutReasonCode { get; set; }
    public bool? SpeaksMandarin { get; set; }
    public bool? CommercialMedicalInsurance { get; set; }
    public bool? WorksAbroad { get; set; }
    public string? IndustryCode { get; set; }
    public bool? SeriousIllnessMedicalAssistance { get; set; }
    public bool? OtherHealthAssistance { get; set; }
    public string? PublicWelfareJobCode { get; set; }
    public int? PublicWelfareJobMonths { get; set; }
    public string? EmploymentChannelCode { get; set; }
    public string? DisabilityCode { get; set; }
    public string? WorkplaceText { get; set; }
    public string? WorkplaceRegionCode { get; set; }
    public bool? UrbanEmployeeMedicalInsurance { get; set; }
    public bool? ExtremePovertySupport { get; set; }
    public int? DisabilityCertificateYear { get; set; }
    public string? IdentificationStandardCode { get; set; }
    public string? HeadName { get; set; }
    public byte[]? HeadIdHash { get; set; }
    public string? MonitoringTypeCode { get; set; }
    public bool? RiskCleared { get; set; }
    public DateOnly? RiskClearedOn { get; set; }
    public byte[] RecordHash { get; set; } = [];
    public Guid CandidatePersonId { get; set; }
    public Guid CandidateHouseholdId { get; set; }
}
