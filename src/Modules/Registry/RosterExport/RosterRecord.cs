using System.Globalization;
using Bangfu.Platform.Security;
using Bangfu.Registry.CodeLists;
using Bangfu.Registry.Households;
using Bangfu.Registry.People;
using Bangfu.Registry.Regions;
using Bangfu.Registry.RosterImport;

namespace Bangfu.Registry.RosterExport;

/// <summary>
/// A person as one row of the 47-column national layout (<see cref="RosterLayout.ExportColumns"/>, in order), written
/// the way the importer reads it back: code-list values by their Chinese names, yes/no as 是/否, dates as yyyy-MM-dd,
/// 务工所在地 as originally written, 户主姓名 and 户主证件号码 from the household's head.
/// </summary>
public static class RosterRecord
{
    private static readonly CodeLists.CodeLists Codes = CodeLists.CodeLists.Default;

    /// <summary>The code of 户主 in 与户主关系.</summary>
    public static string HeadCode { get; } = Codes.Relationship.Find("户主")!.Code;

    /// <summary>The 47 values of <paramref name="person"/>.</summary>
    /// <param name="head">The household's head (may be the person), or null when the household has none.</param>
    /// <param name="protector">Decrypts the ID numbers and phones; null writes their masked forms instead.</param>
    public static string?[] Values(Person person, Household household, Person? head, RegionPath? path, PersonalDataProtector? protector)
    {
        var columns = RosterLayout.ExportColumns;
        var values = new string?[columns.Count];
        for (var i = 0; i < columns.Count; i++)
            values[i] = Value(columns[i].Column, person, household, head, path, protector);
        return values;
    }

    private static string? Value(RosterColumn column, Person p, Household h, Person? head, RegionPath? path, PersonalDataProtector? protector) => column switch
    {
        RosterColumn.Province => path?.Province,
        RosterColumn.City => path?.City,
        RosterColumn.County => path?.County,
        RosterColumn.Township => path?.Township,
        RosterColumn.Village => path?.Village ?? p.RegionCode,
        RosterColumn.HouseholdNumber => h.HouseholdNumber,
        RosterColumn.PersonNumber => p.PersonNumber,
        RosterColumn.Name => p.Name,
        RosterColumn.Sex => Name(Codes.Sex, p.SexCode),
        RosterColumn.BirthDate => Date(p.BirthDate),
        RosterColumn.DocumentType => Name(Codes.DocumentType, p.DocumentTypeCode),
        RosterColumn.IdNumber => Reveal(p.IdNumberCipher, p.IdNumberMasked, protector),
        RosterColumn.Ethnicity => Name(Codes.Ethnicity, p.EthnicityCode),
        RosterColumn.HouseholdPhone => Reveal(h.PhoneCipher, h.PhoneMasked, protector),
        RosterColumn.MemberPhone => Reveal(p.PhoneCipher, p.PhoneMasked, protector),
        RosterColumn.Year => Number(p.RecordYear),
        RosterColumn.RelationshipToHead => Name(Codes.Relationship, p.RelationshipCode),
        RosterColumn.Education => Name(Codes.Education, p.EducationCode),
        RosterColumn.SchoolStatus => Name(Codes.SchoolStatus, p.SchoolStatusCode),
        RosterColumn.LabourCapacity => Name(Codes.LabourCapacity, p.LabourCapacityCode),
        RosterColumn.MonthsWorked => Number(p.MonthsWorked),
        RosterColumn.Health => Name(Codes.Health, p.HealthCode),
        RosterColumn.PoliticalStatus => Name(Codes.PoliticalStatus, p.PoliticalStatusCode),
        RosterColumn.EmployerName => p.EmployerName,
        RosterColumn.MinimumLivingAllowance => YesNo(p.MinimumLivingAllowance),
        RosterColumn.UrbanEmployeePension => YesNo(p.UrbanEmployeePension),
        RosterColumn.SeriousIllnessInsurance => YesNo(p.SeriousIllnessInsurance),
        RosterColumn.ResidentMedicalInsurance => YesNo(p.ResidentMedicalInsurance),
        RosterColumn.ResidentPension => YesNo(p.ResidentPension),
        RosterColumn.DropoutReason => Name(Codes.DropoutReason, p.DropoutReasonCode),
        RosterColumn.SpeaksMandarin => YesNo(p.SpeaksMandarin),
        RosterColumn.CommercialMedicalInsurance => YesNo(p.CommercialMedicalInsurance),
        RosterColumn.WorksAbroad => YesNo(p.WorksAbroad),
        RosterColumn.Industry => Name(Codes.Industry, p.IndustryCode),
        RosterColumn.SeriousIllnessMedicalAssistance => YesNo(p.SeriousIllnessMedicalAssistance),
        RosterColumn.OtherHealthAssistance => YesNo(p.OtherHealthAssistance),
        RosterColumn.PublicWelfareJobType => Name(Codes.PublicWelfareJob, p.PublicWelfareJobCode),
        RosterColumn.PublicWelfareJobMonths => Number(p.PublicWelfareJobMonths),
        RosterColumn.EmploymentChannel => Name(Codes.EmploymentChannel, p.EmploymentChannelCode),
        RosterColumn.DisabilityCategory => Name(Codes.Disability, p.DisabilityCode),
        RosterColumn.Workplace => p.WorkplaceText,
        RosterColumn.HeadName => head?.Name,
        RosterColumn.HeadIdNumber => head is null ? null : Reveal(head.IdNumberCipher, head.IdNumberMasked, protector),
        RosterColumn.UrbanEmployeeMedicalInsurance => YesNo(p.UrbanEmployeeMedicalInsurance),
        RosterColumn.ExtremePovertySupport => YesNo(p.ExtremePovertySupport),
        RosterColumn.DisabilityCertificateYear => Number(p.DisabilityCertificateYear),
        RosterColumn.IdentificationStandard => Name(Codes.IdentificationStandard, p.IdentificationStandardCode),
        _ => null,
    };

    /// <summary>The Chinese name of a code (the code itself if the list does not have it).</summary>
    public static string? Name(CodeList list, string? code) => code is null ? null : list.ByCode(code)?.Name ?? code;

    public static string? YesNo(bool? value) => value switch { true => "是", false => "否", null => null };

    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Reveal(byte[]? cipher, string? masked, PersonalDataProtector? protector) =>
        protector is null ? masked : cipher is { Length: > 0 } ? protector.Decrypt(cipher) : null;
}
