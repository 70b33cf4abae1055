namespace Bangfu.Employment.Matching;

/// <summary>One ranked vacancy for a person, or one ranked person for a vacancy.</summary>
public readonly record struct MatchResult(MatchCandidate Person, MatchVacancy Vacancy, MatchScore Score);

/// <summary>Receives the pairs the batch matcher scores (the benchmark records them to time the bare kernel on them).</summary>
public interface IPairSink
{
    void Scored(int vacancyOrdinal);
}

/// <summary>
/// Top-K vacancies per person over a fixed set of open vacancies, blocking the candidate pairs so a province runs in
/// seconds, with exactly the result of scoring every pair (<see cref="BruteForceMatcher"/>; a property test holds it).
/// <para>Blocking: vacancies are indexed by the reachable region prefix — the workplace's county (6 digits), its
/// province (2 digits), everything — and within each by occupation group (中类). A person's reach decides which
/// blocks exist at all (县内: the home county's; 省内: also the province's; 不限: also everyone else's; a person who must
/// be home daily sees only home-daily vacancies outside the county). Blocks are then visited by their upper bound
/// (<see cref="MatchScorer.UpperBound"/>: the occupation group's best occupation score, the nearest place the block can
/// be, and the other components at their maximum) and a block is skipped once the K-th best score found is above its
/// bound, so nothing skipped could have entered the top K. Ties are broken by vacancy id (ascending), as in brute force.</para>
/// </summary>
public sealed class BatchMatcher
{
    private readonly MatchVacancy[] vacancies;
    private readonly Dictionary<int, Bucket[]> byCounty = [];
    private readonly Dictionary<int, Bucket[]> byProvince = [];
    private readonly Dictionary<int, Bucket[]> byProvinceHomeDaily = [];
    private readonly Bucket[] everywhere;
    private readonly Bucket[] everywhereHomeDaily;

    private readonly record struct Bucket(int Group, int[] Items);

    internal enum Skip : byte { None, SameCounty, SameProvince }

    internal readonly record struct Segment(int[] Items, int Bound, Skip Skip);

    public BatchMatcher(IEnumerable<MatchVacancy> openVacancies)
    {
        vacancies = openVacancies.OrderBy(v => v.VacancyId).ToArray();
        var ordinals = Enumerable.Range(0, vacancies.Length).ToArray();
        foreach (var g in ordinals.Where(i => vacancies[i].WorkplaceLength >= 6).GroupBy(i => vacancies[i].County))
            byCounty[g.Key] = Buckets(g);
        foreach (var g in ordinals.GroupBy(i => vacancies[i].Province))
        {
            byProvince[g.Key] = Buckets(g);
            byProvinceHomeDaily[g.Key] = Buckets(g.Where(i => vacancies[i].HomeDaily));
        }
        everywhere = Buckets(ordinals);
        everywhereHomeDaily = Buckets(ordinals.Where(i => vacancies[i].HomeDaily));
    }

    /// <summary>The open vacancies, ordered by id (a vacancy ordinal indexes this list).</summary>
    public IReadOnlyList<MatchVacancy> Vacancies => vacancies;

    private Bucket[] Buckets(IEnumerable<int> ordinals) =>
        ordinals.GroupBy(i => OccupationKey.Group(vacancies[i].Occupation))
            .Select(g => new Bucket(g.Key, g.Order().ToArray())).ToArray();

    /// <summary>The best <paramref name="k"/> vacancies for one person, best first (score, then vacancy id).</summary>
    public MatchResult[] TopFor(MatchCandidate person, int k)
    {
        var sink = new NoSink();
        return TopFor(person, k, new Workspace(), ref sink);
    }

    /// <summary>Top <paramref name="k"/> for each person, in the order given; runs on up to
    /// <paramref name="degreeOfParallelism"/> threads.</summary>
    public MatchResult[][] MatchAll(IReadOnlyList<MatchCandidate> people, int k, int degreeOfParallelism = 1)
    {
        var results = new MatchResult[people.Count][];
        if (degreeOfParallelism <= 1)
        {
            var workspace = new Workspace();
            var sink = new NoSink();
            for (var i = 0; i < people.Count; i++) results[i] = TopFor(people[i], k, workspace, ref sink);
            return results;
        }
        Parallel.For(0, people.Count, new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism },
            () => new Workspace(),
            (i, _, workspace) =>
            {
                var sink = new NoSink();
                results[i] = TopFor(people[i], k, workspace, ref sink);
                return workspace;
            },
            _ => { });
        return results;
    }

    /// <summary>Reusable buffers of one thread.</summary>
    public sealed class Workspace
    {
        internal readonly List<Segment> Segments = [];
        internal int[] Scores = new int[16];
        internal int[] Ordinals = new int[16];
        internal MatchScore[] Details = new MatchScore[16];
    }

    /// <summary>The top <paramref name="k"/>, telling <paramref name="sink"/> every pair scored.</summary>
    public MatchResult[] TopFor<TSink>(MatchCandidate person, int k, Workspace workspace, ref TSink sink)
        where TSink : struct, IPairSink
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (person.Capacity is LabourCapacity.Lost or LabourCapacity.None) return [];
        CollectSegments(person, workspace.Segments);
        if (workspace.Scores.Length < k)
        {
            workspace.Scores = new int[k];
            workspace.Ordinals = new int[k];
            workspace.Details = new MatchScore[k];
        }
        var scores = workspace.Scores;
        var ordinals = workspace.Ordinals;
        var details = workspace.Details;
        var count = 0;
        var homeCounty = RegionKey.CountyOf(person.HomeVillage);
        var homeProvince = RegionKey.ProvinceOf(person.HomeVillage);
        foreach (var segment in workspace.Segments)
        {
            if (count == k && scores[k - 1] > segment.Bound) break;
            foreach (var ordinal in segment.Items)
            {
                var vacancy = vacancies[ordinal];
                if (segment.Skip == Skip.SameCounty ? vacancy.County == homeCounty
                    : segment.Skip == Skip.SameProvince && vacancy.Province == homeProvince) continue;
                sink.Scored(ordinal);
                var score = MatchScorer.Score(person, vacancy);
                if (score.Excluded) continue;
                var total = score.Total;
                if (count == k && (total < scores[k - 1] || (total == scores[k - 1] && ordinal > ordinals[k - 1]))) continue;
                var at = count == k ? k - 1 : count++;
                while (at > 0 && (scores[at - 1] < total || (scores[at - 1] == total && ordinals[at - 1] > ordinal)))
                {
                    scores[at] = scores[at - 1];
                    ordinals[at] = ordinals[at - 1];
                    details[at] = details[at - 1];
                    at--;
                }
                scores[at] = total;
                ordinals[at] = ordinal;
                details[at] = score;
            }
        }
        var result = new MatchResult[count];
        for (var i = 0; i < count; i++) result[i] = new MatchResult(person, vacancies[ordinals[i]], details[i]);
        return result;
    }

    private void CollectSegments(MatchCandidate person, List<Segment> segments)
    {
        segments.Clear();
        var homeCounty = RegionKey.CountyOf(person.HomeVillage);
        var homeProvince = RegionKey.ProvinceOf(person.HomeVillage);
        if (byCounty.TryGetValue(homeCounty, out var county))
            Add(county, RegionDistance.SameVillage, Skip.None);
        if (person.Reach >= MatchReach.InProvince
            && (person.MustBeHomeDaily ? byProvinceHomeDaily : byProvince).TryGetValue(homeProvince, out var province))
            Add(province, RegionDistance.SameCity, Skip.SameCounty);
        if (person.Reach == MatchReach.Anywhere)
            Add(person.MustBeHomeDaily ? everywhereHomeDaily : everywhere, RegionDistance.OtherProvince, Skip.SameProvince);
        // Highest bound first; equal bounds keep the order above (nearer blocks first), which only affects speed.
        segments.Sort(static (a, b) => b.Bound.CompareTo(a.Bound));

        void Add(Bucket[] buckets, RegionDistance nearest, Skip skip)
        {
            foreach (var bucket in buckets)
                segments.Add(new Segment(bucket.Items, MatchScorer.UpperBound(person, bucket.Group, nearest), skip));
        }
    }

    private struct NoSink : IPairSink
    {
        public readonly void Scored(int vacancyOrdinal) { }
    }
}

/// <summary>The reference: score every pair, keep the best K by score then vacancy id (tests and benchmarks only).</summary>
public static class BruteForceMatcher
{
    public static MatchResult[] TopFor(MatchCandidate person, IEnumerable<MatchVacancy> vacancies, int k) =>
        vacancies.Select(v => new MatchResult(person, v, MatchScorer.Score(person, v)))
            .Where(r => !r.Score.Excluded)
            .OrderByDescending(r => r.Score.Total).ThenBy(r => r.Vacancy.VacancyId)
            .Take(k).ToArray();
}

/// <summary>People ranked for one vacancy: everyone not excluded, best first (score, then person id).</summary>
public static class VacancyRanking
{
    public static MatchResult[] TopPeople(MatchVacancy vacancy, IEnumerable<MatchCandidate> people, int k) =>
        people.Select(p => new MatchResult(p, vacancy, MatchScorer.Score(p, vacancy)))
            .Where(r => !r.Score.Excluded)
            .OrderByDescending(r => r.Score.Total).ThenBy(r => r.Person.PersonId)
            .Take(k).ToArray();
}
