namespace Bangfu.Platform.Time;

/// <summary>
/// Amounts of money in yuan. Code uses <see cref="decimal"/> yuan; the database stores whole fen
/// (<see cref="long"/>) so that SQLite, which has no decimal type, compares and sums exactly.
/// </summary>
public static class Money
{
    public static long ToFen(decimal yuan) => decimal.ToInt64(decimal.Round(yuan * 100m, 0, MidpointRounding.AwayFromZero));
    public static decimal ToYuan(long fen) => fen / 100m;
}
