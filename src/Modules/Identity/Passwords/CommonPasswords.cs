using System.Collections.Frozen;

namespace Bangfu.Identity.Passwords;

/// <summary>
/// The common-password lists shipped as embedded resources (Data/SOURCE.md): the 10,000 most common passwords and
/// Chinese patterns. <see cref="IsCommon"/> also catches the usual disguises of a listed password: capitals, l33t
/// spelling (p@ssw0rd), symbols typed as shifted digits (1qaz@WSX), and digits or symbols around a listed core
/// (Zhangwei1990!, woaini1314!). Source of the rule: GB/T 22239-2019 8.1.4.1 a (口令复杂度) and ASVS 5.0 6.2.4.
/// </summary>
public static class CommonPasswords
{
    private static readonly Lazy<FrozenSet<string>> List = new(Load);
    private static readonly char[] Symbols = "!@#$%^&*()-_=+.,;:?/\\|'\"`~<>[]{} ".ToCharArray();

    public static int Count => List.Value.Count;

    /// <summary>Whether <paramref name="password"/> is, or is a light disguise of, a listed password.</summary>
    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        var set = List.Value;
        var leet = Leet(lower);
        var core = Core(lower);
        string[] candidates = [lower, leet, Shifted(lower), lower.Trim(Symbols), core, Leet(core), Core(leet)];
        return candidates.Any(c => c.Length > 0 && set.Contains(c));
    }

    // p@ssw0rd → password; the usual letter-for-digit and letter-for-symbol swaps.
    private static string Leet(string s) => string.Create(s.Length, s, static (span, src) =>
    {
        for (var i = 0; i < src.Length; i++)
            span[i] = src[i] switch { '@' => 'a', '0' => 'o', '1' => 'i', '!' => 'i', '3' => 'e', '$' => 's', '5' => 's', '7' => 't', var c => c };
    });

    // 1qaz@wsx → 1qaz2wsx: a symbol typed as the shifted digit.
    private static string Shifted(string s) => string.Create(s.Length, s, static (span, src) =>
    {
        for (var i = 0; i < src.Length; i++)
            span[i] = src[i] switch
            {
                '!' => '1', '@' => '2', '#' => '3', '$' => '4', '%' => '5', '^' => '6', '&' => '7', '*' => '8', '(' => '9', ')' => '0',
                var c => c,
            };
    });

    // 1qaz2wsx# → 1qaz2wsx (Trim(Symbols)); Zhangwei1990! → zhangwei: the letters between leading and trailing digits and symbols.
    private static string Core(string s)
    {
        var start = 0;
        var end = s.Length;
        while (start < end && !char.IsLetter(s[start])) start++;
        while (end > start && !char.IsLetter(s[end - 1])) end--;
        return s[start..end];
    }

    private static FrozenSet<string> Load()
    {
        var assembly = typeof(CommonPasswords).Assembly;
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".txt", StringComparison.Ordinal) && n.Contains("common-passwords")))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            while (reader.ReadLine() is { } line)
            {
                var word = line.Trim();
                if (word.Length > 0 && !word.StartsWith('#')) words.Add(word.ToLowerInvariant());
            }
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
