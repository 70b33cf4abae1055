using System.Globalization;
using Bangfu.Registry.Identifiers;

namespace Bangfu.Cli.Generate;

/// <summary>
/// Hands out resident ID numbers (GB 11643-1999) that are unique across one generated file: 6-digit county code,
/// birth date yyyyMMdd, a 3-digit sequence whose last digit is odd for men and even for women, and the ISO 7064
/// MOD 11-2 check character.
/// <para>Collision guard: for every county, birth date and sex the allocator counts the numbers it has given and
/// walks the 499 sequences of that sex in a fixed scrambled order (start and stride from the seed), so a number
/// is never handed out twice. When all 499 of a day are taken the person's birth date moves one day earlier
/// (the caller writes the date the number carries). Memory: one array of counts per county (about 290 KB, for birth dates 1900-2099),
/// whatever the number of rows.</para>
/// </summary>
internal sealed class IdNumberAllocator(int seed, IReadOnlyList<string> countyCodes)
{
    private const int SequencesPerSex = 499; // prime, so any stride below it visits every sequence once
    private static readonly DateOnly Epoch = new(1900, 1, 1);
    private static readonly int Days = new DateOnly(2100, 1, 1).DayNumber - Epoch.DayNumber;
    private readonly int[]?[] counts = new int[countyCodes.Count][];

    /// <summary>A new number for a person of <paramref name="countyIndex"/> born on <paramref name="birthDate"/>.</summary>
    /// <returns>The number and the birth date it carries (the requested one, or an earlier day when that one was full).</returns>
    public (string Number, DateOnly BirthDate) Next(int countyIndex, DateOnly birthDate, bool male)
    {
        var county = counts[countyIndex] ??= new int[Days];
        while (true)
        {
            var day = birthDate.DayNumber - Epoch.DayNumber;
            if (day < 0 || day >= Days) throw new ArgumentOutOfRangeException(nameof(birthDate), birthDate, "出生日期超出 1900 年至 2099 年。");
            var packed = county[day];
            var used = male ? packed & 0xFFFF : packed >>> 16;
            if (used < SequencesPerSex)
            {
                county[day] = male ? packed + 1 : packed + (1 << 16);
                var (start, stride) = Scramble(countyIndex, day);
                var index = (int)((start + (long)used * stride) % SequencesPerSex);
                var sequence = male ? index * 2 + 1 : index * 2 + 2; // 001-997 odd, 002-998 even
                var body = string.Concat(countyCodes[countyIndex], birthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                    sequence.ToString("000", CultureInfo.InvariantCulture));
                return (body + ResidentIdNumber.CheckCharacter(body), birthDate);
            }
            birthDate = birthDate.AddDays(-1);
        }
    }

    /// <summary>A start in [0, 499) and a stride in [1, 499) for one county and day, from the seed (SplitMix64).</summary>
    private (int Start, int Stride) Scramble(int countyIndex, int day)
    {
        var z = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL + ((ulong)(uint)countyIndex << 20) + (ulong)(uint)day);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return ((int)(z % SequencesPerSex), 1 + (int)((z >> 32) % (SequencesPerSex - 1)));
    }
}
