namespace Bangfu.Testing;

/// <summary>Paths of the shared cases (copied unchanged from the project's cases into tests/Fixtures).</summary>
public static class Fixtures
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "cases");
    public static string Roster(string fileName) => Path.Combine(Directory, "rosters", fileName);
    public static string SeedVillages => Roster("seed-villages-2021.xlsx");
    public static string SeedVillagesExpected => Roster("seed-villages-2021.expected.json");
    public static string ShibadongIdsAsNumbers => Roster("shibadong-ids-as-numbers.xlsx");
    public static string ShibadongIdsAsNumbersExpected => Roster("shibadong-ids-as-numbers.expected.json");
}
