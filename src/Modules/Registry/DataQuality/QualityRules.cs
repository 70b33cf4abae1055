using Bangfu.Registry.Contracts;

namespace Bangfu.Registry.DataQuality;

/// <summary>
/// The rules, at least everything the county check tools (县级数据质量核查) apply to the national person export.
/// Sources: GB 11643-1999 (resident ID numbers); the national system's code lists (全国防返贫监测信息系统 字典, see
/// CodeLists/code-lists.json); and the consistency checks of the annual data-quality review (数据质量核查): one head
/// per household, one spouse, head and spouse of different sex, exactly one of 文化程度/在校生状况, 务工所在地 with
/// 务工时间, 11-digit household phone, yes/no fields filled.
/// </summary>
public static class QualityRules
{
    private const string Gb11643 = "GB 11643-1999 公民身份号码";
    private const string Review = "防返贫监测数据质量核查规则（县级核查工具）";
    private const string CodeList = "全国防返贫监测信息系统代码表";
    private const string Bangfu = "帮扶导入规则";

    public static readonly QualityRule FileUnreadable = new("FILE_UNREADABLE", IssueSeverity.Error, "文件无法读取", Bangfu);
    public static readonly QualityRule FileMissingColumns = new("FILE_MISSING_COLUMNS", IssueSeverity.Error, "缺少必需的列", Bangfu);
    public static readonly QualityRule FileOptionalColumnsMissing = new("FILE_OPTIONAL_COLUMNS_MISSING", IssueSeverity.Warning, "缺少部分非必需的列（已登记人员的这些信息保持不变）", Bangfu);
    public static readonly QualityRule FileUnknownColumns = new("FILE_UNKNOWN_COLUMNS", IssueSeverity.Warning, "有无法识别的列（已忽略）", Bangfu);
    public static readonly QualityRule FileDuplicateColumns = new("FILE_DUPLICATE_COLUMNS", IssueSeverity.Error, "同一列出现两次", Bangfu);

    public static readonly QualityRule IdMissing = new("ID_MISSING", IssueSeverity.Error, "证件号码为空", Gb11643);
    public static readonly QualityRule IdExcelNumber = new("ID_EXCEL_NUMBER", IssueSeverity.Error, "证件号码被 Excel 存成了数字，后几位已丢失", Gb11643);
    public static readonly QualityRule IdLength = new("ID_LENGTH", IssueSeverity.Error, "身份证号码位数不对", Gb11643);
    public static readonly QualityRule IdCharacters = new("ID_CHARACTERS", IssueSeverity.Error, "身份证号码含非法字符", Gb11643);
    public static readonly QualityRule IdRegion = new("ID_REGION", IssueSeverity.Error, "身份证号码前两位不是省级代码", Gb11643);
    public static readonly QualityRule IdBirthDate = new("ID_BIRTH_DATE", IssueSeverity.Error, "身份证号码中的出生日期无效", Gb11643);
    public static readonly QualityRule IdCheckCharacter = new("ID_CHECK_CHARACTER", IssueSeverity.Error, "身份证号码校验位不对", Gb11643 + " ISO 7064 MOD 11-2");
    public static readonly QualityRule IdConverted15 = new("ID_CONVERTED_FROM_15", IssueSeverity.Warning, "15 位身份证号码已升为 18 位，请核对", Gb11643);
    public static readonly QualityRule HeadIdExcelNumber = new("HEAD_ID_EXCEL_NUMBER", IssueSeverity.Error, "户主证件号码被 Excel 存成了数字，后几位已丢失", Gb11643);
    public static readonly QualityRule RequiredEmpty = new("REQUIRED_EMPTY", IssueSeverity.Error, "必填项为空（户编号、人口编号、姓名）", Bangfu);
    public static readonly QualityRule FieldTooLong = new("FIELD_TOO_LONG", IssueSeverity.Error, "内容超过该字段允许的长度", Bangfu);
    public static readonly QualityRule VillageNotFound = new("VILLAGE_NOT_FOUND", IssueSeverity.Error, "省、市、县、乡、村名称在行政区划中找不到", "国家统计局 2023 年统计用区划代码");
    public static readonly QualityRule OutOfScope = new("OUT_OF_SCOPE", IssueSeverity.Error, "所在村不在您的管辖范围内", "区域权限");
    public static readonly QualityRule DuplicateInFile = new("DUPLICATE_IN_FILE", IssueSeverity.Error, "同一证件号码在文件中出现多次", Review);
    public static readonly QualityRule HouseholdIncomplete = new("HOUSEHOLD_INCOMPLETE", IssueSeverity.Error, "同户有成员行被拒收，为免只导入半户，本户整户不导入", "以户为单位登记（全国防返贫监测信息系统）");
    public static readonly QualityRule RegisteredElsewhere = new("REGISTERED_ELSEWHERE", IssueSeverity.Error, "该证件号码已在其他县登记", Review);

    public static readonly QualityRule NameSuspicious = new("NAME_SUSPICIOUS", IssueSeverity.Warning, "姓名含有数字或符号", Review);
    public static readonly QualityRule PersonNumberDuplicate = new("PERSON_NUMBER_DUPLICATE", IssueSeverity.Warning, "不同的人用了同一个人口编号", Review);
    public static readonly QualityRule IdBirthMismatch = new("ID_BIRTH_MISMATCH", IssueSeverity.Warning, "出生日期与身份证号码不一致", Gb11643);
    public static readonly QualityRule IdSexMismatch = new("ID_SEX_MISMATCH", IssueSeverity.Warning, "性别与身份证号码第 17 位不一致", Gb11643);
    public static readonly QualityRule BirthDateInvalid = new("BIRTH_DATE_INVALID", IssueSeverity.Warning, "出生日期格式不对", Review);
    public static readonly QualityRule NotInCodeList = new("NOT_IN_CODE_LIST", IssueSeverity.Warning, "取值不在代码表中", CodeList);
    public static readonly QualityRule RelationshipInvalid = new("RELATIONSHIP_INVALID", IssueSeverity.Warning, "与户主关系不在 28 项代码中", CodeList);
    public static readonly QualityRule PoliticalStatusInvalid = new("POLITICAL_STATUS_INVALID", IssueSeverity.Warning, "政治面貌不在代码表中", CodeList + "；GB/T 4762");
    public static readonly QualityRule EducationInvalid = new("EDUCATION_INVALID", IssueSeverity.Warning, "文化程度不在代码表中", CodeList);
    public static readonly QualityRule SchoolStatusInvalid = new("SCHOOL_STATUS_INVALID", IssueSeverity.Warning, "在校生状况不在代码表中", CodeList);
    public static readonly QualityRule LabourCapacityInvalid = new("LABOUR_CAPACITY_INVALID", IssueSeverity.Warning, "劳动技能不在代码表中", CodeList);
    public static readonly QualityRule EducationAndSchoolBoth = new("EDUCATION_AND_SCHOOL_BOTH", IssueSeverity.Warning, "文化程度与在校生状况同时填写（只能填一项）", Review);
    public static readonly QualityRule EducationAndSchoolNeither = new("EDUCATION_AND_SCHOOL_NEITHER", IssueSeverity.Warning, "文化程度与在校生状况都未填写（必须填一项）", Review);
    public static readonly QualityRule HealthEmpty = new("HEALTH_EMPTY", IssueSeverity.Warning, "健康状况为空", Review);
    public static readonly QualityRule DisabilityCategoryMissing = new("DISABILITY_CATEGORY_MISSING", IssueSeverity.Warning, "健康状况为残疾但残疾类别为空", Review);
    public static readonly QualityRule WorkplaceWithoutMonths = new("WORKPLACE_WITHOUT_MONTHS", IssueSeverity.Warning, "填写了务工所在地，但务工时间为空或 0", Review);
    public static readonly QualityRule MonthsWithoutWorkplace = new("MONTHS_WITHOUT_WORKPLACE", IssueSeverity.Warning, "务工时间大于 0，但务工所在地为空", Review);
    public static readonly QualityRule MonthsInvalid = new("MONTHS_INVALID", IssueSeverity.Warning, "月数应为 0 到 12 的整数", Review);
    public static readonly QualityRule WorkplaceUnresolved = new("WORKPLACE_UNRESOLVED", IssueSeverity.Warning, "务工所在地无法确定省或县", Bangfu);
    public static readonly QualityRule HouseholdPhoneInvalid = new("HOUSEHOLD_PHONE_INVALID", IssueSeverity.Warning, "户联系电话不是 11 位手机号码", Review);
    public static readonly QualityRule MemberPhoneInvalid = new("MEMBER_PHONE_INVALID", IssueSeverity.Warning, "成员联系电话不是 11 位手机号码", Review);
    public static readonly QualityRule YesNoEmpty = new("YES_NO_EMPTY", IssueSeverity.Warning, "“是否”类字段为空（应填“是”或“否”）", Review);
    public static readonly QualityRule YesNoInvalid = new("YES_NO_INVALID", IssueSeverity.Warning, "“是否”类字段只能填“是”或“否”", Review);
    public static readonly QualityRule YearInvalid = new("YEAR_INVALID", IssueSeverity.Warning, "年度不是四位年份", Review);
    public static readonly QualityRule HouseholdNoHead = new("HOUSEHOLD_NO_HEAD", IssueSeverity.Warning, "户内没有户主", Review);
    public static readonly QualityRule HouseholdSeveralHeads = new("HOUSEHOLD_SEVERAL_HEADS", IssueSeverity.Warning, "户内有多个户主", Review);
    public static readonly QualityRule HouseholdSeveralSpouses = new("HOUSEHOLD_SEVERAL_SPOUSES", IssueSeverity.Warning, "户内有多个配偶", Review);
    public static readonly QualityRule HeadSpouseSameSex = new("HEAD_SPOUSE_SAME_SEX", IssueSeverity.Warning, "户主与配偶性别相同（按身份证号码）", Review);
    public static readonly QualityRule HeadMismatch = new("HEAD_MISMATCH", IssueSeverity.Warning, "户主姓名或户主证件号码与户主本人一行不一致", Review);
    public static readonly QualityRule HouseholdSeveralVillages = new("HOUSEHOLD_SEVERAL_VILLAGES", IssueSeverity.Warning, "同一户编号出现在不同的村", Review);

    /// <summary>Every rule, for the rule list page and the filters.</summary>
    public static IReadOnlyList<QualityRule> All { get; } = typeof(QualityRules)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(QualityRule))
        .Select(f => (QualityRule)f.GetValue(null)!)
        .ToList();

    public static QualityRule? Find(string code) => All.FirstOrDefault(r => r.Code == code);
}
