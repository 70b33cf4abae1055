using Bangfu.Registry.CodeLists;

namespace Bangfu.Employment.Employers;

/// <summary>
/// 单位类型: the kinds of employer, following the 机构类别 of GB 32100-2015 table 1 (by registration authority).
/// A code list like the registry's: <see cref="FromCreditCode"/> proposes the type a credit code implies.
/// </summary>
public static class EmployerTypes
{
    public const string Enterprise = "10";
    public const string IndividualBusiness = "20";
    public const string Cooperative = "30";
    public const string GovernmentOrgan = "40";
    public const string PublicInstitution = "50";
    public const string SocialOrganisation = "60";
    public const string Other = "90";

    public static CodeList List { get; } = new()
    {
        Id = "employer_type",
        Name = "单位类型",
        Source = "GB 32100-2015 表 1 机构类别",
        Items =
        [
            new CodeItem { Code = Enterprise, Name = "企业", Synonyms = ["公司", "企业法人"] },
            new CodeItem { Code = IndividualBusiness, Name = "个体工商户", Synonyms = ["个体户", "个体"] },
            new CodeItem { Code = Cooperative, Name = "农民专业合作社", Synonyms = ["合作社", "专业合作社"] },
            new CodeItem { Code = GovernmentOrgan, Name = "机关", Synonyms = ["机关单位"] },
            new CodeItem { Code = PublicInstitution, Name = "事业单位" },
            new CodeItem { Code = SocialOrganisation, Name = "社会组织", Synonyms = ["社会团体", "民办非企业单位", "基金会"] },
            new CodeItem { Code = Other, Name = "其他" },
        ],
    };

    /// <summary>The type implied by positions 1-2 of a credit code (91 企业, 92 个体工商户, 93 合作社, 11 机关, 12 事业单位, 5x 社会组织).</summary>
    public static string FromCreditCode(UnifiedSocialCreditCode code) => (code.RegistrationAuthority, code.OrganisationType) switch
    {
        ('9', '1') => Enterprise,
        ('9', '2') => IndividualBusiness,
        ('9', '3') => Cooperative,
        ('1', '1') => GovernmentOrgan,
        ('1', '2') => PublicInstitution,
        ('5', _) => SocialOrganisation,
        _ => Other,
    };
}
