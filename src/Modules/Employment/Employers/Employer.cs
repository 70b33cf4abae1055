using Bangfu.Platform.Data;

namespace Bangfu.Employment.Employers;

/// <summary>
/// An employer (用人单位) registered by a county employment bureau. Not personal data: no region scope filter;
/// managing it is scoped by <see cref="ManagingRegionCode"/> (docs/employment-services.md, Scope).
/// <para>The contact phone is stored only encrypted (PersonalDataProtector) with its masked display form, like a
/// person's phone; it is not searchable.</para>
/// </summary>
public sealed class Employer : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>单位名称.</summary>
    public string Name { get; set; } = "";

    /// <summary>统一社会信用代码, 18 characters, valid by GB 32100-2015 (see <see cref="UnifiedSocialCreditCode"/>); unique.</summary>
    public string CreditCode { get; set; } = "";

    /// <summary>单位类型 code of <see cref="EmployerTypes.List"/>.</summary>
    public string TypeCode { get; set; } = EmployerTypes.Enterprise;

    /// <summary>Region of the employer's location: a code of the region tree at any level (6 to 12 digits).</summary>
    public string RegionCode { get; set; } = "";

    /// <summary>The county bureau (6-digit county code) that registered the employer; it and its vacancies are managed there.</summary>
    public string ManagingRegionCode { get; set; } = "";

    /// <summary>联系人.</summary>
    public string? ContactName { get; set; }
    public byte[]? ContactPhoneCipher { get; set; }
    public string? ContactPhoneMasked { get; set; }

    /// <summary>地址 as written.</summary>
    public string? Address { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public long Version { get; set; }
}
