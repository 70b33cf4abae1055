using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Bangfu.Employment.Employers;

/// <summary>
/// A unified social credit code (统一社会信用代码), GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》: 18 characters
/// from the 31-character set 0-9 A-H J-N P-R T-U W-Y (no I, O, S, V, Z):
/// <list type="bullet">
/// <item>1: registration authority (登记管理部门代码, e.g. 1 机构编制, 5 民政, 9 工商, Y 其他);</item>
/// <item>2: organisation type under that authority (机构类别代码, e.g. 91 企业, 92 个体工商户, 93 农民专业合作社);</item>
/// <item>3-8: administrative division code of the registering authority (GB/T 2260, 6 digits);</item>
/// <item>9-17: the subject identifier (主体标识码, the organisation code of GB 11714);</item>
/// <item>18: check character (校验码): C18 = 31 − (Σ Ci × Wi mod 31) over the first 17 characters' values
/// (0-9 → 0-9, A → 10 … Y → 30 in the set's order), weights 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10,
/// 30, 28 (Wi = 3^(i−1) mod 31); a result of 31 is written 0 (GB 32100-2015 §4.4 and annex B).</item>
/// </list>
/// <para>Normalisation: spaces removed, full-width characters turned into ASCII, letters upper-cased.</para>
/// <para>The organisation code's own GB 11714 check character (position 17) is not checked: the standard's check
/// character covers it, and codes issued to individual businesses do not all carry a valid one.</para>
/// </summary>
public sealed class UnifiedSocialCreditCode
{
    /// <summary>The 31 characters in value order (value = index).</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    // 登记管理部门代码 → the 机构类别代码 allowed under it (GB 32100-2015 table 1). Authorities not listed accept 1-9.
    private static readonly Dictionary<char, string> TypesByAuthority = new()
    {
        ['1'] = "1239",   // 机构编制: 机关, 事业单位, 中央编办直接管理机构编制的群众团体, 其他
        ['5'] = "1239",   // 民政: 社会团体, 民办非企业单位, 基金会, 其他
        ['9'] = "123",    // 工商: 企业, 个体工商户, 农民专业合作社
        ['Y'] = "1",      // 其他
    };

    private const string Authorities = "123456789ANY";

    private UnifiedSocialCreditCode(string value) => Value = value;

    /// <summary>The normalised 18 characters.</summary>
    public string Value { get; }

    /// <summary>登记管理部门代码 (position 1).</summary>
    public char RegistrationAuthority => Value[0];

    /// <summary>机构类别代码 (position 2).</summary>
    public char OrganisationType => Value[1];

    /// <summary>Administrative division code of the registering authority (positions 3-8).</summary>
    public string RegionCode => Value[2..8];

    /// <summary>主体标识码 (positions 9-17).</summary>
    public string OrganisationCode => Value[8..17];

    public override string ToString() => Value;

    /// <summary>
    /// Parses <paramref name="text"/>. On failure <paramref name="error"/> says in Chinese what is wrong (length,
    /// a character outside the set and its position, the authority, type or region code, or the check character
    /// with the one expected).
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out UnifiedSocialCreditCode? code, [NotNullWhen(false)] out string? error)
    {
        code = null;
        var value = Normalise(text);
        if (value.Length == 0)
        {
            error = "统一社会信用代码不能为空";
            return false;
        }
        if (value.Length != 18)
        {
            error = $"统一社会信用代码应为 18 位，实际 {value.Length} 位";
            return false;
        }
        for (var i = 0; i < 18; i++)
        {
            if (Alphabet.IndexOf(value[i]) < 0)
            {
                error = $"统一社会信用代码第 {i + 1} 位“{value[i]}”不是允许的字符（数字或除 I、O、S、V、Z 以外的大写字母）";
                return false;
            }
        }
        if (Authorities.IndexOf(value[0]) < 0)
        {
            error = $"统一社会信用代码第 1 位登记管理部门代码“{value[0]}”无效";
            return false;
        }
        var types = TypesByAuthority.GetValueOrDefault(value[0], "123456789");
        if (types.IndexOf(value[1]) < 0)
        {
            error = $"统一社会信用代码第 2 位机构类别代码“{value[1]}”与登记管理部门代码“{value[0]}”不符";
            return false;
        }
        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                error = "统一社会信用代码第 3—8 位应为 6 位数字的登记管理机关行政区划码";
                return false;
            }
        }
        var expected = CheckCharacter(value.AsSpan(0, 17));
        if (value[17] != expected)
        {
            error = $"统一社会信用代码校验位错误：第 18 位应为“{expected}”，实际为“{value[17]}”，请核对是否抄错";
            return false;
        }
        code = new UnifiedSocialCreditCode(value);
        error = null;
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> with the Chinese message.</summary>
    public static UnifiedSocialCreditCode Parse(string? text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    /// <summary>The check character of the first 17 characters (all of them in <see cref="Alphabet"/>).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17) throw new ArgumentException("需要 17 个字符", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = Alphabet.IndexOf(first17[i]);
            if (v < 0) throw new ArgumentException($"第 {i + 1} 位不是允许的字符", nameof(first17));
            sum += v * Weights[i];
        }
        return Alphabet[(31 - sum % 31) % 31];
    }

    private static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var sb = new StringBuilder(18);
        foreach (var ch in text)
        {
            var c = ch is >= '\uFF01' and <= '\uFF5E' ? (char)(ch - 0xFEE0) : ch;
            if (char.IsWhiteSpace(c) || c == '\u3000') continue;
            sb.Append(char.ToUpperInvariant(c));
        }
        return sb.ToString();
    }
}
