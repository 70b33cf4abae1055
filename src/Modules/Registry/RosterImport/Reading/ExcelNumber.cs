using System.Globalization;

namespace Bangfu.Registry.RosterImport.Reading;

/// <summary>
/// How a numeric cell is shown: which number formats are dates, what date a serial number is, and the text of a
/// number as the importer needs it.
/// </summary>
internal static class ExcelNumber
{
    // Largest magnitude below which every integer is exact in a double (2^53).
    private const double ExactIntegerLimit = 9007199254740992d;

    // 9999-12-31, the last day Excel can show.
    private const double LastSerial = 2958465d;

    /// <summary>
    /// Whether a number format shows a date. Built-in formats (ECMA-376 §18.8.30 and the zh-CN built-ins Excel uses
    /// for 年月日): 14-17 and 22 (m/d/yyyy, d-mmm-yy, ..., m/d/yyyy h:mm), 27-31 and 36 (yyyy"年"m"月", m"月"d"日",
    /// yyyy"年"m"月"d"日" ...), 50-54, 57 and 58 (the same in other East Asian locales). Time-only formats (18-21,
    /// 32-35, 45-47, 55, 56) are not dates. A custom format (id 164 and up, or a redefined built-in) is a date when,
    /// outside quoted text, escapes and brackets, it contains y or d, or when it is a system date ([$-F800], [$-x-sysdate]).
    /// </summary>
    public static bool IsDateFormat(uint numFmtId, IReadOnlyDictionary<uint, string> customFormats) =>
        customFormats.TryGetValue(numFmtId, out var code)
            ? IsDateFormatCode(code)
            : numFmtId is >= 14 and <= 17 or 22 or >= 27 and <= 31 or 36 or >= 50 and <= 54 or 57 or 58;

    public static bool IsDateFormatCode(string code)
    {
        for (var i = 0; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '"':
                    var close = code.IndexOf('"', i + 1);
                    if (close < 0) return false;
                    i = close;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case '[':
                    var end = code.IndexOf(']', i + 1);
                    if (end < 0) return false;
                    var bracket = code.AsSpan(i + 1, end - i - 1);
                    if (bracket.EndsWith("F800", StringComparison.OrdinalIgnoreCase)
                        || bracket.Contains("sysdate", StringComparison.OrdinalIgnoreCase))
                        return true;
                    i = end;
                    break;
                case 'y' or 'Y' or 'd' or 'D':
                    return true;
                case ';':
                    return false;
            }
        }
        return false;
    }

    /// <summary>
    /// The calendar date of a date-formatted serial number ("yyyy-MM-dd"), or null when the number is no date (negative,
    /// past 9999-12-31, not a number). In the 1900 date system serial 1 is 1900-01-01 and serial 60 is the 1900-02-29
    /// that Lotus 1-2-3 invented and Excel keeps; in the 1904 system serial 0 is 1904-01-01 (ECMA-376 §18.17.4).
    /// </summary>
    public static string? SerialToDate(string literal, bool date1904)
    {
        if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
            || serial < 0 || serial > LastSerial || double.IsNaN(serial))
            return null;
        var days = Math.Floor(serial);
        DateTime date;
        if (date1904) date = new DateTime(1904, 1, 1).AddDays(days);
        else if (days == 60) return "1900-02-29";
        else if (days < 60) date = new DateTime(1899, 12, 31).AddDays(days);
        else date = new DateTime(1899, 12, 30).AddDays(days);
        return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The text of a number cell: the file's own <c>&lt;v&gt;</c> literal, unchanged, so that an ID number Excel
    /// stored as a double keeps the form Excel shows ("4.3312419890902E+17") and the importer can recognise it;
    /// except a whole number below 2^53, which is written plainly ("12.0" and "1.2E+1" become "12").
    /// </summary>
    public static string Render(string literal)
    {
        if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || Math.Abs(value) >= ExactIntegerLimit || value != Math.Floor(value))
            return literal;
        if (IsPlainInteger(literal)) return literal;
        return ((long)value).ToString(CultureInfo.InvariantCulture);
    }

    private static bool IsPlainInteger(string literal)
    {
        var digits = literal.AsSpan(literal.StartsWith('-') ? 1 : 0);
        return digits.Length > 0 && (digits.Length == 1 || digits[0] != '0') && !digits.ContainsAnyExceptInRange('0', '9');
    }
}
