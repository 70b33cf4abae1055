namespace Bangfu.Platform.Security;

/// <summary>
/// De-identified display of personal identifiers (GB/T 35273-2020 §7.2; the masking rules of the issue:
/// ID number first 6 + ******** + last 4; phone first 3 + **** + last 4; name as surname + *).
/// </summary>
public static class Masking
{
    /// <summary>"430182195208270011" → "430182********0011". Shorter values keep only their first and last character.</summary>
    public static string IdNumber(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value.Length < 11) return value[..1] + new string('*', Math.Max(0, value.Length - 2)) + value[^1..];
        return value[..6] + new string('*', value.Length - 10) + value[^4..];
    }

    /// <summary>"13629135219" → "136****5219".</summary>
    public static string Phone(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value.Length < 8) return new string('*', value.Length);
        return value[..3] + new string('*', value.Length - 7) + value[^4..];
    }

    /// <summary>"王明" → "王*"; "欧阳小红" → "欧*" (compound surnames are not guessed; one character is kept).</summary>
    public static string Name(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var chars = System.Globalization.StringInfo.GetTextElementEnumerator(value);
        chars.MoveNext();
        return chars.GetTextElement() + "*";
    }
}
