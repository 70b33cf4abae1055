namespace Bangfu.Cli.Generate;

/// <summary>One generated member before the roster columns are filled: relationship, sex, age, birth date, name.</summary>
internal sealed class Member(string relationship, bool male, int age)
{
    public string Relationship { get; } = relationship;
    public bool Male { get; } = male;
    /// <summary>Whole years at the reference date.</summary>
    public int Age { get; } = age;
    public DateOnly BirthDate { get; set; }
    public string IdNumber { get; set; } = "";
    public string Surname { get; set; } = "";
    public string Name { get; set; } = "";
    public string Ethnicity { get; set; } = "汉族";
}

/// <summary>
/// Who lives in a household: a head (户主) first, then a spouse of the other sex, children (之子/之女), in older
/// households a son's wife (之儿媳) and grandchildren (之孙子/之孙女), and in some younger ones the head's parents
/// (之父/之母). Ages fit: a mother is 20-42 at a birth, a spouse is a few years apart, parents 22-34 years older.
/// </summary>
internal static class HouseholdComposer
{
    // Members per household, 1-7; mean about 3.4 (the seed roster: 930 persons in 270 households).
    private static readonly WeightedChoice<int> Sizes = new((1, 8), (2, 21), (3, 23), (4, 25), (5, 16), (6, 5), (7, 2));

    // Age of the head in whole years, 25-80, by band (flat across 30-75 as in the seed roster).
    private static readonly WeightedChoice<(int From, int To)> HeadAges =
        new(((25, 34), 14), ((35, 44), 18), ((45, 54), 20), ((55, 64), 24), ((65, 74), 18), ((75, 80), 6));

    public static int Size(Random random) => Sizes.Pick(random);

    /// <summary>The members of a household of <paramref name="size"/> persons, head first, ages only (no names yet).</summary>
    public static List<Member> Compose(Random random, int size)
    {
        var members = new List<Member>(size);
        var (from, to) = size == 1 ? (40, 80) : HeadAges.Pick(random);
        var headAge = random.Next(from, to + 1);
        var head = new Member("户主", random.NextDouble() < 0.84, headAge);
        members.Add(head);
        var slots = size - 1;

        Member? spouse = null;
        if (slots > 0 && random.NextDouble() < (size == 2 ? 0.8 : 0.9))
        {
            // Husbands are usually 0-5 years older than their wives.
            var gap = random.Next(0, 6);
            spouse = new Member("配偶", !head.Male, Math.Max(20, head.Male ? headAge - gap : headAge + gap));
            members.Add(spouse);
            slots--;
        }

        var parents = 0;
        if (slots >= 1 && headAge <= 52 && random.NextDouble() < 0.2) parents = slots >= 3 && random.NextDouble() < 0.4 ? 2 : 1;
        var childSlots = slots - parents;

        var mother = head.Male ? spouse : head;
        var motherAge = mother?.Age ?? headAge;
        if (childSlots > 0)
        {
            if (motherAge >= 58 && childSlots >= 2 && random.NextDouble() < 0.7) AddThreeGenerations(random, members, motherAge, childSlots);
            else AddChildren(random, members, motherAge, childSlots);
        }

        var fatherFirst = random.NextDouble() < 0.5;
        for (var i = 0; i < parents; i++)
        {
            var male = parents == 2 ? i == 0 : fatherFirst;
            var age = Math.Min(95, headAge + random.Next(22, 35) + (male ? 2 : 0));
            members.Add(new Member(male ? "之父" : "之母", male, age));
        }
        return members;
    }

    private static void AddChildren(Random random, List<Member> members, int motherAge, int count)
    {
        var oldest = Math.Max(0, motherAge - 20);
        var youngest = Math.Max(0, motherAge - 42);
        var ages = Enumerable.Range(0, count).Select(_ => random.Next(youngest, oldest + 1)).OrderDescending().ToList();
        foreach (var age in ages)
        {
            var male = random.NextDouble() < 0.52;
            members.Add(new Member(male ? "之子" : "之女", male, age));
        }
    }

    /// <summary>A grown son (sometimes a daughter), often his wife, and their children.</summary>
    private static void AddThreeGenerations(Random random, List<Member> members, int motherAge, int slots)
    {
        var sonIsDaughter = random.NextDouble() < 0.15;
        var childAge = random.Next(Math.Max(20, motherAge - 38), Math.Max(21, motherAge - 21));
        members.Add(new Member(sonIsDaughter ? "之女" : "之子", !sonIsDaughter, childAge));
        slots--;
        var grandMotherAge = childAge;
        if (!sonIsDaughter && slots >= 2 && random.NextDouble() < 0.75)
        {
            grandMotherAge = Math.Max(20, childAge - random.Next(0, 5));
            members.Add(new Member("之儿媳", false, grandMotherAge));
            slots--;
        }
        var oldest = Math.Clamp(grandMotherAge - 20, 0, 25);
        var youngest = Math.Clamp(grandMotherAge - 40, 0, oldest);
        var ages = Enumerable.Range(0, slots).Select(_ => random.Next(youngest, oldest + 1)).OrderDescending().ToList();
        foreach (var age in ages)
        {
            var male = random.NextDouble() < 0.52;
            // A daughter's children are the head's 外孙子/外孙女.
            members.Add(new Member(sonIsDaughter ? (male ? "之外孙子" : "之外孙女") : (male ? "之孙子" : "之孙女"), male, age));
        }
    }
}
