using Bangfu.Registry.Contracts;
using Bangfu.Platform.Data;

namespace Bangfu.Registry.RosterImport;

/// <summary>
/// The stage table of an import: a temporary table (dropped with the transaction) holding the accepted rows in
/// typed form, on which the file-wide checks and the merge into the registry run as set-based SQL.
/// <para>The stage is written once; what the checks and the merge decide per row (refused, status, person and household)
/// goes into the narrow work table, because SQLite rewrites a whole row on every update. Handlers read the view
/// <see cref="Rows"/> of both: person columns under <c>reg_person</c>'s names, and after the merge <c>person_id</c>,
/// <c>household_id</c>, and <c>refused</c> false for every row that entered the registry.</para>
/// </summary>
public static class RosterStage
{
    public const string Name = "roster_stage";

    private enum Kind { Text, Int, Bool, Bytes, Date, Guid }

    private sealed record Column(string Name, Kind Kind, Func<RosterRow, object?> Value);

    private static readonly Column[] Columns =
    [
        new("row_number", Kind.Int, r => r.RowNumber),
        new("county_code", Kind.Text, r => r.CountyCode),
        new("region_code", Kind.Text, r => r.RegionCode),
        new("household_number", Kind.Text, r => r.HouseholdNumber),
        new("person_number", Kind.Text, r => r.PersonNumber),
        new("name", Kind.Text, r => r.Name),
        new("sex_code", Kind.Text, r => r.SexCode),
        new("id_sex_code", Kind.Text, r => r.IdSexCode),
        new("birth_date", Kind.Date, r => r.BirthDate),
        new("document_type_code", Kind.Text, r => r.DocumentTypeCode),
        new("id_number_cipher", Kind.Bytes, r => r.IdNumberCipher),
        new("id_number_hash", Kind.Bytes, r => r.IdNumberHash),
        new("id_number_masked", Kind.Text, r => r.IdNumberMasked),
        new("id_converted_from15", Kind.Bool, r => r.IdConvertedFrom15),
        new("ethnicity_code", Kind.Text, r => r.EthnicityCode),
        new("phone_cipher", Kind.Bytes, r => r.PhoneCipher),
        new("phone_hash", Kind.Bytes, r => r.PhoneHash),
        new("phone_masked", Kind.Text, r => r.PhoneMasked),
        new("household_phone_cipher", Kind.Bytes, r => r.HouseholdPhoneCipher),
        new("household_phone_hash", Kind.Bytes, r => r.HouseholdPhoneHash),
        new("household_phone_masked", Kind.Text, r => r.HouseholdPhoneMasked),
        new("record_year", Kind.Int, r => r.RecordYear),
        new("relationship_code", Kind.Text, r => r.RelationshipCode),
        new("education_code", Kind.Text, r => r.EducationCode),
        new("school_status_code", Kind.Text, r => r.SchoolStatusCode),
        new("labour_capacity_code", Kind.Text, r => r.LabourCapacityCode),
        new("months_worked", Kind.Int, r => r.MonthsWorked),
        new("health_code", Kind.Text, r => r.HealthCode),
        new("political_status_code", Kind.Text, r => r.PoliticalStatusCode),
        new("employer_name", Kind.Text, r => r.EmployerName),
        new("minimum_living_allowance", Kind.Bool, r => r.MinimumLivingAllowance),
        new("urban_employee_pension", Kind.Bool, r => r.UrbanEmployeePension),
        new("serious_illness_insurance", Kind.Bool, r => r.SeriousIllnessInsurance),
        new("resident_medical_insurance", Kind.Bool, r => r.ResidentMedicalInsurance),
        new("resident_pension", Kind.Bool, r => r.ResidentPension),
        new("dropout_reason_code", Kind.Text, r => r.DropoutReasonCode),
        new("speaks_mandarin", Kind.Bool, r => r.SpeaksMandarin),
        new("commercial_medical_insurance", Kind.Bool, r => r.CommercialMedicalInsurance),
        new("works_abroad", Kind.Bool, r => r.WorksAbroad),
        new("industry_code", Kind.Text, r => r.IndustryCode),
        new("serious_illness_medical_assistance", Kind.Bool, r => r.SeriousIllnessMedicalAssistance),
        new("other_health_assistance", Kind.Bool, r => r.OtherHealthAssistance),
        new("public_welfare_job_code", Kind.Text, r => r.PublicWelfareJobCode),
        new("public_welfare_job_months", Kind.Int, r => r.PublicWelfareJobMonths),
        new("employment_channel_code", Kind.Text, r => r.EmploymentChannelCode),
        new("disability_code", Kind.Text, r => r.DisabilityCode),
        new("workplace_text", Kind.Text, r => r.WorkplaceText),
        new("workplace_region_code", Kind.Text, r => r.WorkplaceRegionCode),
        new("urban_employee_medical_insurance", Kind.Bool, r => r.UrbanEmployeeMedicalInsurance),
        new("extreme_poverty_support", Kind.Bool, r => r.ExtremePovertySupport),
        new("disability_certificate_year", Kind.Int, r => r.DisabilityCertificateYear),
        new("identification_standard_code", Kind.Text, r => r.IdentificationStandardCode),
        new("head_name", Kind.Text, r => r.HeadName),
        new("head_id_hash", Kind.Bytes, r => r.HeadIdHash),
        new("monitoring_type_code", Kind.Text, r => r.MonitoringTypeCode),
        new("risk_cleared", Kind.Bool, r => r.RiskCleared),
        new("risk_cleared_on", Kind.Date, r => r.RiskClearedOn),
        new("record_hash", Kind.Bytes, r => r.RecordHash),
        new("candidate_person_id", Kind.Guid, r => r.CandidatePersonId),
        new("candidate_household_id", Kind.Guid, r => r.CandidateHouseholdId),
    ];

    /// <summary>The registry fields of a person: the columns shared by the stage and <c>reg_person</c>, with their Chinese labels.</summary>
    public static IReadOnlyList<(string Column, string Label)> PersonFields { get; } =
    [
        ("region_code", "所在村"), ("person_number", "人口编号"), ("name", "姓名"), ("sex_code", "性别"), ("birth_date", "出生日期"),
        ("document_type_code", "证件类型"), ("id_number_masked", "证件号码"), ("id_converted_from15", "15位升18位"),
        ("ethnicity_code", "民族"), ("phone_masked", "成员联系电话"), ("record_year", "年度"), ("relationship_code", "与户主关系"),
        ("education_code", "文化程度"), ("school_status_code", "在校生状况"), ("labour_capacity_code", "劳动技能"),
        ("months_worked", "务工时间（月）"), ("health_code", "健康状况"), ("political_status_code", "政治面貌"),
        ("employer_name", "务工企业名称"), ("minimum_living_allowance", "是否享受低保"), ("urban_employee_pension", "是否参加城镇职工基本养老保险"),
        ("serious_illness_insurance", "是否参加大病保险"), ("resident_medical_insurance", "是否参加城乡居民基本医疗保险"),
        ("resident_pension", "是否参加城乡居民基本养老保险"), ("dropout_reason_code", "失学或辍学原因"), ("speaks_mandarin", "是否会讲普通话"),
        ("commercial_medical_insurance", "是否参加商业补充医疗保险"), ("works_abroad", "是否国外务工"), ("industry_code", "产业分类"),
        ("serious_illness_medical_assistance", "是否接受大病医疗救助"), ("other_health_assistance", "是否接受其他健康扶贫"),
        ("public_welfare_job_code", "公益性岗位类型"), ("public_welfare_job_months", "公益性岗位(月数)"),
        ("employment_channel_code", "就业渠道"), ("disability_code", "残疾类别"), ("workplace_text", "务工所在地"),
        ("workplace_region_code", "务工所在地区划"), ("urban_employee_medical_insurance", "是否参加城镇职工基本医疗保险"),
        ("extreme_poverty_support", "是否特困供养人员"), ("disability_certificate_year", "残疾证办证年度"),
        ("identification_standard_code", "识别标准"),
    ];

    /// <summary>Person columns written to <c>reg_person</c> besides <see cref="PersonFields"/> (secrets and hashes).</summary>
    public static IReadOnlyList<string> PersonSecretColumns { get; } =
        ["id_number_cipher", "id_number_hash", "phone_cipher", "phone_hash", "record_hash"];

    public static IReadOnlyList<string> ColumnNames { get; } = Columns.Select(c => c.Name).ToArray();

    public static object?[] Values(RosterRow row)
    {
        var values = new object?[Columns.Length];
        for (var i = 0; i < Columns.Length; i++) values[i] = Columns[i].Value(row);
        return values;
    }

    /// <summary>The narrow table of what the checks and the merge decide per row (updated in place, unlike the wide stage).</summary>
    public const string Work = "roster_work";

    /// <summary>The stage joined with its work row: what handlers read (<see cref="RosterImportContext.StageTable"/>).</summary>
    public const string Rows = RosterImportContext.StageTable;

    /// <summary>CREATE TEMP TABLE for the stage; the row number is the key (the rowid on SQLite).</summary>
    public static string CreateSql(DatabaseProvider provider) =>
        Drop(provider) + $"CREATE TEMP TABLE {Name} ({string.Join(", ", Columns.Select(c => $"{c.Name} {Type(provider, c.Kind)}{(c.Name == "row_number" ? " PRIMARY KEY" : "")}"))}){OnCommit(provider)};";

    /// <summary>The work table (one row per stage row, nothing refused yet) and the view of both.</summary>
    public static string CreateWorkSql(DatabaseProvider provider) =>
        $"CREATE TEMP TABLE {Work} (row_number {Type(provider, Kind.Int)} PRIMARY KEY, refused {Type(provider, Kind.Bool)} NOT NULL, " +
        $"status {Type(provider, Kind.Text)}, person_id {Type(provider, Kind.Guid)}, household_id {Type(provider, Kind.Guid)}){OnCommit(provider)}; " +
        $"INSERT INTO {Work} (row_number, refused) SELECT row_number, FALSE FROM {Name}; " +
        $"CREATE TEMP VIEW {Rows} AS SELECT s.*, w.refused, w.status, w.person_id, w.household_id FROM {Name} s JOIN {Work} w ON w.row_number = s.row_number;";

    public static string DropSql(DatabaseProvider provider) => Drop(provider);

    private static string Drop(DatabaseProvider provider)
    {
        var schema = provider == DatabaseProvider.Sqlite ? "temp." : "pg_temp.";
        return $"DROP VIEW IF EXISTS {schema}{Rows}; DROP TABLE IF EXISTS {schema}{Work}; DROP TABLE IF EXISTS {schema}{Name}; ";
    }

    // Dropped explicitly before the commit (a view depends on them); a rollback removes them on both providers.
    private static string OnCommit(DatabaseProvider provider) => "";

    private static string Type(DatabaseProvider provider, Kind k) => (provider, k) switch
    {
        (DatabaseProvider.Postgres, Kind.Text) => "text",
        (DatabaseProvider.Postgres, Kind.Int) => "integer",
        (DatabaseProvider.Postgres, Kind.Bool) => "boolean",
        (DatabaseProvider.Postgres, Kind.Bytes) => "bytea",
        (DatabaseProvider.Postgres, Kind.Date) => "date",
        (DatabaseProvider.Postgres, Kind.Guid) => "uuid",
        (_, Kind.Text) => "TEXT",
        (_, Kind.Int) => "INTEGER",
        (_, Kind.Bool) => "INTEGER",
        (_, Kind.Bytes) => "BLOB",
        (_, Kind.Date) => "TEXT",
        _ => "BLOB",
    };
}
