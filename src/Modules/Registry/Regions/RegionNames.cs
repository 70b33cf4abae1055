using System.Text.RegularExpressions;

namespace Bangfu.Registry.Regions;

/// <summary>
/// Plain names of divisions, as rosters write them. The statistical data names village-level units by their
/// committee (贺家湾村委会, 清溪村村民委员会, 多福巷社区居委会, 新兴里居委会); people write the place
/// (贺家湾村, 清溪村, 多福巷社区, 新兴里社区).
/// </summary>
public static partial class RegionNames
{
    public static string Plain(string name, RegionLevel level)
    {
        name = name.Trim();
        if (level != RegionLevel.Village) return name;

        // Residents' committees (居委会): 社区居民委员会 / 社区居委会 / 居民委员会(会) / 居委会 → 社区
        var m = ResidentsCommittee().Match(name);
        if (m.Success)
        {
            var stem = m.Groups["stem"].Value;
            return stem.EndsWith("社区", StringComparison.Ordinal) ? stem : stem + "社区";
        }
        // Villagers' committees (村委会): 村民委员会 / 村民委会 / 村委会 / 村委 → 村
        m = VillagersCommittee().Match(name);
        if (m.Success)
        {
            var stem = m.Groups["stem"].Value;
            return stem.EndsWith('村') ? stem : stem + "村";
        }
        return name;
    }

    /// <summary>
    /// The forms a roster may use for a division: official name, plain name, and for villages the stem without
    /// 村/社区 when it is at least two characters (贺家湾). Used to match names in rosters and name paths.
    /// </summary>
    public static IEnumerable<string> Aliases(string name, string plainName, RegionLevel level)
    {
        yield return name;
        if (plainName != name) yield return plainName;
        if (level == RegionLevel.Village)
        {
            foreach (var suffix in new[] { "社区", "村" })
            {
                if (plainName.EndsWith(suffix, StringComparison.Ordinal) && plainName.Length - suffix.Length >= 2)
                {
                    yield return plainName[..^suffix.Length];
                    break;
                }
            }
        }
    }

    [GeneratedRegex("^(?<stem>.+?)(社区居民委员会|社区居委会|居民委员会会|居民委员会|居民居委会|居委会)$")]
    private static partial Regex ResidentsCommittee();

    [GeneratedRegex("^(?<stem>.+?)(村民委员会|村民委会|村委会|村委)$")]
    private static partial Regex VillagersCommittee();
}
