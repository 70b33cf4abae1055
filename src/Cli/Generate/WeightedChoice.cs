namespace Bangfu.Cli.Generate;

/// <summary>A fixed set of items with relative weights, drawn from a caller's <see cref="Random"/>.</summary>
internal sealed class WeightedChoice<T>
{
    private readonly T[] items;
    private readonly double[] cumulative;

    public WeightedChoice(IEnumerable<(T Item, double Weight)> choices)
    {
        var list = choices.Where(c => c.Weight > 0).ToList();
        if (list.Count == 0) throw new ArgumentException("至少需要一个权重为正的选项。", nameof(choices));
        items = list.Select(c => c.Item).ToArray();
        cumulative = new double[list.Count];
        var sum = 0.0;
        for (var i = 0; i < list.Count; i++) cumulative[i] = sum += list[i].Weight;
    }

    public WeightedChoice(params (T Item, double Weight)[] choices) : this((IEnumerable<(T, double)>)choices)
    {
    }

    public IReadOnlyList<T> Items => items;

    public T Pick(Random random)
    {
        var x = random.NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        i = i < 0 ? ~i : i + 1;
        return items[Math.Min(i, items.Length - 1)];
    }
}
