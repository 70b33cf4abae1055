using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Bangfu.Registry.Identifiers;

/// <summary>Why a text is not a usable resident ID number.</summary>
public enum ResidentIdProblem
{
    None,
    /// <summary>Empty.</summary>
    Missing,
    /// <summary>Excel turned it into a number: scientific notation, only 15 significant digits survive.</summary>
    ExcelNumber,
    /// <summary>Not 15 or 18 characters.</summary>
    Length,
    /// <summary>Characters other than digits (and a final X).</summary>
    Characters,
    /// <summary>The first two digits are not a province-level code.</summary>
    Region,
    /// <summary>Digits 7-14 are not a real date, or lie in the future or before 1880.</summary>
    BirthDate,
    /// <summary>The 18th character is not the ISO 7064 MOD 11-2 check character of the first 17.</summary>
    CheckCharacter,
}

/// <summary>
/// A citizen's resident identity number, GB 11643-1999 (公民身份号码): 6-digit address code of the place of
/// first registration, 8-digit birth date, 3-digit sequence (17th digit odd for men, even for women) and an
/// ISO 7064:1983 MOD 11-2 check character (0-9 or X).
/// <para>Normalisation: surrounding spaces and inner spaces removed, full-width digits and Ｘ turned into ASCII, a
/// final lower-case x upper-cased.</para>
/// <para>First-generation 15-digit numbers (GB 11643-1989: 6-digit address, 6-digit birth date yyMMdd, 3-digit
/// sequence, no check character) are converted to 18 digits as the standard's successor prescribes: "19" is inserted
/// before the year and the check character is computed. The conversion is reported (<see cref="ConvertedFrom15"/>)
/// so the village can confirm the number against the person's current card.</para>
/// <para>Validation of the address code checks the province (first two digits); the 6-digit code of first
/// registration is often a code that has since been abolished, so it is not checked against the current tree.</para>
/// </summary>
public sealed partial class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Province-level codes (GB/T 2260), including 71 台湾, 81 香港, 82 澳门 and 83 (residence permits for Taiwan residents).</summary>
    private static readonly HashSet<string> ProvinceCodes =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82", "83",
    ];

    private ResidentIdNumber(string value, DateOnly birthDate, bool convertedFrom15)
    {
        Value = value;
        BirthDate = birthDate;
        ConvertedFrom15 = convertedFrom15;
    }

    /// <summary>The normalised 18-character number.</summary>
    public string Value { get; }
    public DateOnly BirthDate { get; }
    public bool ConvertedFrom15 { get; }

    /// <summary>True for men (17th digit odd), false for women.</summary>
    public bool IsMale => (Value[16] - '0') % 2 == 1;

    /// <summary>Sex as GB/T 2261.1 code: "1" male, "2" female.</summary>
    public string SexCode => IsMale ? "1" : "2";

    public string Masked => Bangfu.Platform.Security.Masking.IdNumber(Value);

    public override string ToString() => Masked;

    /// <summary>Parses and validates a number. <paramref name="today"/> bounds the birth date.</summary>
    public static ResidentIdProblem TryParse(string? text, DateOnly today, out ResidentIdNumber? id)
    {
        id = null;
        var s = Normalise(text);
        if (s.Length == 0) return ResidentIdProblem.Missing;
        if (ExcelNumber().IsMatch(s)) return ResidentIdProblem.ExcelNumber;
        var converted = false;
        if (s.Length == 15)
        {
            if (!s.All(char.IsAsciiDigit)) return ResidentIdProblem.Characters;
            var body = s[..6] + "19" + s[6..];
            s = body + CheckCharacter(body);
            converted = true;
        }
        if (s.Length != 18) return ResidentIdProblem.Length;
        for (var i = 0; i < 17; i++)
            if (!char.IsAsciiDigit(s[i])) return ResidentIdProblem.Characters;
        if (!char.IsAsciiDigit(s[17]) && s[17] != 'X') return ResidentIdProblem.Characters;
        if (!ProvinceCodes.Contains(s[..2])) return ResidentIdProblem.Region;
        if (!DateOnly.TryParseExact(s.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth > today || birth.Year < 1880)
            return ResidentIdProblem.BirthDate;
        if (CheckCharacter(s.AsSpan(0, 17)) != s[17]) return ResidentIdProblem.CheckCharacter;
        id = new ResidentIdNumber(s, birth, converted);
        return ResidentIdProblem.None;
    }

    /// <summary>The ISO 7064 MOD 11-2 check character of the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>Trim, drop inner spaces, full-width to ASCII, upper-case x.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var sb = new StringBuilder(18);
        foreach (var ch in text)
        {
            var c = ch is >= '\uFF01' and <= '\uFF5E' ? (char)(ch - 0xFEE0) : ch;
            if (char.IsWhiteSpace(c) || c == '\u3000' || c == '\'' ) continue;
            sb.Append(c == 'x' ? 'X' : c);
        }
        return sb.ToString();
    }

    /// <summary>True for what Excel shows after turning a long number into a float: 4.33124E+17, 4.3312419890902E+17.</summary>
    public static bool LooksLikeExcelNumber(string text) => ExcelNumber().IsMatch(Normalise(text));

    [GeneratedRegex(@"^\d(\.\d+)?E\+?\d+$", RegexOptions.IgnoreCase)]
    private static partial Regex ExcelNumber();
}
