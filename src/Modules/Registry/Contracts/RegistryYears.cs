namespace Bangfu.Registry.Contracts;

/// <summary>
/// The registry's years: its records start in 2013, the first year of 精准扶贫 (targeted poverty alleviation) records.
/// A roster's 年度 before it, or the date of an event recorded here (返乡, a referral, an outcome) before it, is a typing
/// error.
/// </summary>
public static class RegistryYears
{
    public const int First = 2013;

    public static readonly DateOnly FirstDay = new(First, 1, 1);
}
