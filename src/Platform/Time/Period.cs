using System.Globalization;

namespace Bangfu.Platform.Time;

/// <summary>
/// A calendar month, the unit of the monthly dispatch (月调度). Stored as the integer <c>yyyyMM</c>
/// (e.g. 202112) so both SQLite and PostgreSQL compare and range-scan it natively.
/// </summary>
public readonly record struct Period : IComparable<Period>
{
    public Period(int year, int month)
    {
        if (year is < MinYear or > MaxYear) throw new ArgumentOutOfRangeException(nameof(year), year, $"年份应在 {MinYear} 到 {MaxYear} 之间");
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "月份应为 1-12");
        Year = year;
        Month = month;
    }

    public const int MinYear = 1949;
    public const int MaxYear = 2099;

    public int Year { get; }
    public int Month { get; }

    /// <summary>The stored form, <c>yyyyMM</c>.</summary>
    public int Value => Year * 100 + Month;

    public DateOnly FirstDay => new(Year, Month, 1);
    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public Period Next() => Month == 12 ? new Period(Year + 1, 1) : new Period(Year, Month + 1);
    public Period Previous() => Month == 1 ? new Period(Year - 1, 12) : new Period(Year, Month - 1);
    public Period SameMonthLastYear() => new(Year - 1, Month);

    public static Period FromValue(int value) => new(value / 100, value % 100);

    public static Period Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>Parses <c>YYYY-MM</c> (also <c>YYYYMM</c>, <c>YYYY/MM</c>, <c>YYYY年MM月</c>).</summary>
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().Replace('/', '-').Replace("年", "-").Replace("月", "");
        int year, month;
        if (t.Length == 6 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var compact))
        {
            year = compact / 100;
            month = compact % 100;
        }
        else
        {
            var parts = t.Split('-', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out year)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out month))
                return false;
        }
        // The year after next and the year before are computed from a period, so both ends keep a margin.
        if (year is <= MinYear or >= MaxYear || month is < 1 or > 12) return false;
        period = new Period(year, month);
        return true;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException($"月份“{text}”格式不对，应为 YYYY-MM，例如 2021-12");

    public int CompareTo(Period other) => Value.CompareTo(other.Value);
    public static bool operator <(Period a, Period b) => a.Value < b.Value;
    public static bool operator >(Period a, Period b) => a.Value > b.Value;
    public static bool operator <=(Period a, Period b) => a.Value <= b.Value;
    public static bool operator >=(Period a, Period b) => a.Value >= b.Value;

    public override string ToString() => $"{Year:D4}-{Month:D2}";

    /// <summary>Chinese display form, e.g. 2021年12月.</summary>
    public string ToChinese() => $"{Year}年{Month}月";
}
