using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bangfu.Registry.CodeLists;

/// <summary>One value of a code list: a stable code, its official Chinese name, accepted synonyms and attributes.</summary>
public sealed class CodeItem
{
    [JsonPropertyName("code")] public string Code { get; init; } = "";
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("synonyms")] public string[] Synonyms { get; init; } = [];
    [JsonPropertyName("attrs")] public Dictionary<string, string> Attributes { get; init; } = [];

    public bool Has(string attribute) => Attributes.TryGetValue(attribute, out var v) && v == "true";
}

/// <summary>A code list (字典): its id, Chinese name, the standard or system it follows, and its items.</summary>
public sealed class CodeList
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("source")] public string Source { get; init; } = "";
    [JsonPropertyName("items")] public CodeItem[] Items { get; init; } = [];

    private FrozenDictionary<string, CodeItem>? byText;
    private FrozenDictionary<string, CodeItem>? byCode;

    /// <summary>The item whose name, synonym or code equals <paramref name="text"/> after normalisation; null if none.</summary>
    public CodeItem? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        byText ??= Items
            .SelectMany(i => new[] { i.Name }.Concat(i.Synonyms).Select(t => (Key: CodeLists.Normalise(t), Item: i)))
            .DistinctBy(x => x.Key)
            .ToFrozenDictionary(x => x.Key, x => x.Item);
        // Keys are normalised, and normalising is idempotent: text that is a key already needs no second form.
        return byText.TryGetValue(text, out var item) ? item : byText.GetValueOrDefault(CodeLists.Normalise(text));
    }

    public CodeItem? ByCode(string? code)
    {
        if (code is null) return null;
        byCode ??= Items.ToFrozenDictionary(i => i.Code);
        return byCode.GetValueOrDefault(code);
    }

    /// <summary>"a、b、c" for messages that say what is allowed.</summary>
    public string AllowedValues(int max = 12) =>
        string.Join("、", Items.Take(max).Select(i => i.Name)) + (Items.Length > max ? $" 等 {Items.Length} 项" : "");
}

/// <summary>
/// All code lists, loaded from the embedded <c>code-lists.json</c> (data, not code: a list is extended by editing
/// the file). Lists are referenced by id: <c>sex</c>, <c>ethnicity</c>, <c>document_type</c>, <c>relationship</c>,
/// <c>education</c>, <c>school_status</c>, <c>labour_capacity</c>, <c>health</c>, <c>political_status</c>,
/// <c>disability</c>, <c>employment_channel</c>, <c>public_welfare_job</c>, <c>dropout_reason</c>, <c>industry</c>,
/// <c>identification_standard</c>, <c>monitoring_type</c>, <c>yes_no</c>.
/// </summary>
public sealed class CodeLists
{
    public static CodeLists Default { get; } = Load();

    private readonly FrozenDictionary<string, CodeList> lists;

    private CodeLists(IEnumerable<CodeList> lists) => this.lists = lists.ToFrozenDictionary(l => l.Id);

    public IEnumerable<CodeList> All => lists.Values;

    public CodeList this[string id] =>
        lists.TryGetValue(id, out var list) ? list : throw new KeyNotFoundException($"没有代码表 {id}");

    public CodeList Sex => this["sex"];
    public CodeList Ethnicity => this["ethnicity"];
    public CodeList DocumentType => this["document_type"];
    public CodeList Relationship => this["relationship"];
    public CodeList Education => this["education"];
    public CodeList SchoolStatus => this["school_status"];
    public CodeList LabourCapacity => this["labour_capacity"];
    public CodeList Health => this["health"];
    public CodeList PoliticalStatus => this["political_status"];
    public CodeList Disability => this["disability"];
    public CodeList EmploymentChannel => this["employment_channel"];
    public CodeList PublicWelfareJob => this["public_welfare_job"];
    public CodeList DropoutReason => this["dropout_reason"];
    public CodeList Industry => this["industry"];
    public CodeList IdentificationStandard => this["identification_standard"];
    public CodeList MonitoringType => this["monitoring_type"];
    public CodeList YesNo => this["yes_no"];

    /// <summary>Trims, turns full-width ASCII into half-width, and drops inner spaces and the brackets' width difference.</summary>
    public static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Trim())
        {
            var c = ch switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(ch - 0xFEE0),
                '\u3000' => ' ',
                _ => ch,
            };
            if (char.IsWhiteSpace(c)) continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static CodeLists Load()
    {
        using var stream = typeof(CodeLists).Assembly.GetManifestResourceStream("Bangfu.Registry.code-lists.json")
                           ?? throw new InvalidOperationException("缺少代码表资源 code-lists.json");
        var doc = JsonSerializer.Deserialize<CodeListFile>(stream) ?? throw new InvalidOperationException("代码表资源无效");
        return new CodeLists(doc.Lists);
    }

    private sealed class CodeListFile
    {
        [JsonPropertyName("lists")] public CodeList[] Lists { get; init; } = [];
    }
}
