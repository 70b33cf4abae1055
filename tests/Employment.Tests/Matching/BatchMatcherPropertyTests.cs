using Bangfu.Employment.Matching;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Bangfu.Employment.Tests.Matching;

/// <summary>The blocked batch matcher returns exactly what scoring every pair returns (brute force), on random data
/// over a small region tree with coarse wages and few occupations, so ties and every block kind occur.</summary>
public sealed class BatchMatcherPropertyTests
{
    // Two provinces, three cities, four counties, two townships each, two villages each.
    private static readonly string[] Villages =
    [
        "430182106209", "430182106210", "430182107201", "430182107202",
        "430121101201", "430121101202", "430121102201", "430121102202",
        "433124110226", "433124110227", "433124111201", "433124111202",
        "440101001001", "440101001002", "440101002001", "440101002002",
    ];

    private static readonly string[] Occupations =
        ["6-18-02-01", "6-18-02-05", "6-18-03-01", "6-18", "6-05-01-01", "4-07-01-02", "4-02-02-01", "4-07", "4", "6"];

    private static readonly int[] Lengths = [2, 4, 6, 9, 12, 12, 12];

    private static Gen<MatchCandidate> Person(int index) =>
        from village in Gen.Elements(Villages)
        from age in Gen.OneOf(Gen.Constant(-1), Gen.Choose(16, 65))
        from education in Gen.Elements<string?>(null, "01", "02", "03", "04", "05", "06", "07")
        from capacity in Gen.Elements<string?>(null, "1", "2", "3", "3", "4", "5")
        from wanted in Gen.Elements(Occupations).ArrayOf().Select(a => a.Take(3).ToArray())
        from skills in Gen.Elements(Occupations).ArrayOf().Select(a => a.Take(2).ToArray())
        from wage in Gen.OneOf(Gen.Constant(0), Gen.Choose(4, 16).Select(x => x * 500))
        from reach in Gen.Elements(MatchReach.InCounty, MatchReach.InProvince, MatchReach.Anywhere)
        from homeDaily in Gen.Elements(false, false, true)
        select MatchCandidate.Create(new Guid(index, 0, 0, new byte[8]), village, age, education, capacity, wanted, skills, wage, reach, homeDaily);

    private static Gen<MatchVacancy> Vacancy(int index) =>
        from order in Gen.Choose(0, 1000)
        from village in Gen.Elements(Villages)
        from length in Gen.Elements(Lengths)
        from occupation in Gen.Elements(Occupations.Where(o => o.Length > 1).ToArray())
        from wageMin in Gen.Choose(0, 12).Select(x => x * 500)
        from wageSpread in Gen.Choose(0, 4).Select(x => x * 500)
        from ageMin in Gen.Elements<int?>(null, 18, 25)
        from ageMax in Gen.Elements<int?>(null, 45, 55, 60)
        from education in Gen.Elements<string?>(null, null, "03", "04", "05")
        from flags in Gen.Choose(0, 15)
        select MatchVacancy.Create(new Guid(order, (short)index, 0, new byte[8]), occupation, wageMin,
            wageMin == 0 ? 0 : wageMin + wageSpread, village[..length], ageMin, ageMax, education,
            (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, (flags & 8) != 0, 1 + flags);

    private static Gen<T[]> Many<T>(Func<int, Gen<T>> one, int max) =>
        Gen.Choose(0, max).SelectMany(n => Gen.CollectToSequence(Enumerable.Range(0, n).Select(one)).Select(s => s.ToArray()));

    [Property(MaxTest = 300)]
    public Property Top_k_of_the_batch_equals_brute_force() =>
        Prop.ForAll(Many(Person, 12).ToArbitrary(), Many(Vacancy, 80).ToArbitrary(), Gen.Choose(1, 8).ToArbitrary(),
            (people, vacancies, k) =>
            {
                var matcher = new BatchMatcher(vacancies);
                var batch = matcher.MatchAll(people, k, degreeOfParallelism: 2);
                for (var i = 0; i < people.Length; i++)
                {
                    var expected = BruteForceMatcher.TopFor(people[i], vacancies, k);
                    if (!Same(expected, batch[i]) || !Same(expected, matcher.TopFor(people[i], k))) return false;
                }
                return true;
            });

    private static bool Same(MatchResult[] expected, MatchResult[] actual) =>
        expected.Select(r => (r.Vacancy.VacancyId, r.Score)).SequenceEqual(actual.Select(r => (r.Vacancy.VacancyId, r.Score)));

    [Fact]
    public void The_batch_scores_fewer_pairs_than_brute_force_when_people_name_occupations()
    {
        var vacancies = Enumerable.Range(0, 400).Select(i => MatchVacancy.Create(new Guid(i, 0, 0, new byte[8]),
            Occupations[1 + i % 9] is var o && o.Length > 1 ? o : "6-18-02-01", 4000, 6000, Villages[i % Villages.Length][..(i % 2 == 0 ? 12 : 6)],
            null, null, null, i % 3 == 0, true, true, true, 5)).ToArray();
        var person = MatchCandidate.Create(Guid.NewGuid(), "430182106209", 40, "03", "1", ["6-18-02-01"], [], 4500, MatchReach.Anywhere, false);
        var matcher = new BatchMatcher(vacancies);
        var counter = new Counter();
        var top = matcher.TopFor(person, 10, new BatchMatcher.Workspace(), ref counter);

        Assert.Equal(BruteForceMatcher.TopFor(person, vacancies, 10).Select(r => r.Vacancy.VacancyId), top.Select(r => r.Vacancy.VacancyId));
        Assert.InRange(counter.Count, 10, vacancies.Length / 2);
    }

    private struct Counter : IPairSink
    {
        public int Count;
        public void Scored(int vacancyOrdinal) => Count++;
    }
}
