namespace Bangfu.Platform.Scope;

/// <summary>
/// The part of the region tree a caller may see, as a prefix of the 12-digit statistical division code:
/// a province scope is 2 digits (43), a city 4 (4301), a county 6 (430182), a township 9 and a village 12.
/// Region codes are hierarchical, so "inside the scope" is "the record's region code starts with the prefix".
/// <see cref="None"/> sees nothing (a caller without scope gets no data, never everything);
/// <see cref="Nationwide"/> (empty prefix) sees everything and is held by national roles and system tasks.
/// </summary>
public sealed record RegionScope
{
    private RegionScope(string? prefix) => Prefix = prefix;

    /// <summary>The code prefix; <c>null</c> for <see cref="None"/>.</summary>
    public string? Prefix { get; }

    public static RegionScope None { get; } = new((string?)null);
    public static RegionScope Nationwide { get; } = new(string.Empty);

    public static RegionScope Of(string regionCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(regionCode);
        var code = regionCode.Trim();
        if (code.Length is not (2 or 4 or 6 or 9 or 12) || !code.All(char.IsAsciiDigit))
            throw new ArgumentException($"区划代码“{regionCode}”无效，应为 2、4、6、9 或 12 位数字。", nameof(regionCode));
        return new RegionScope(code);
    }

    /// <summary>The scope of a code, or null when the text is not a 2/4/6/9/12-digit code.</summary>
    public static RegionScope? TryOf(string? regionCode)
    {
        var code = regionCode?.Trim();
        return code is { Length: 2 or 4 or 6 or 9 or 12 } && code.All(char.IsAsciiDigit) ? new RegionScope(code) : null;
    }

    public bool IsNone => Prefix is null;

    public bool Contains(string? regionCode) =>
        Prefix is not null && regionCode is not null && regionCode.StartsWith(Prefix, StringComparison.Ordinal);

    public override string ToString() => Prefix switch { null => "(无)", "" => "(全国)", var p => p };
}
