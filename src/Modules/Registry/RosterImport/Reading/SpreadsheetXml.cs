using System.Globalization;
using System.Text;
using System.Xml;

namespace Bangfu.Registry.RosterImport.Reading;

/// <summary>
/// Forward-only reading of SpreadsheetML parts (ECMA-376 Part 1, §18) with <see cref="XmlReader"/>. Elements are
/// matched by local name only, so any prefix (<c>x:</c>) and both the transitional and the strict namespace work.
/// The element names are atomised in one <see cref="NameTable"/> and compared by reference.
/// </summary>
internal sealed class SpreadsheetXml
{
    private readonly NameTable names = new();
    private readonly StringBuilder text = new();

    public SpreadsheetXml()
    {
        Row = names.Add("row");
        Cell = names.Add("c");
        Value = names.Add("v");
        InlineString = names.Add("is");
        Text = names.Add("t");
        Phonetic = names.Add("rPh");
        SheetData = names.Add("sheetData");
        StringItem = names.Add("si");
    }

    public string Row { get; }
    public string Cell { get; }
    public string Value { get; }
    public string InlineString { get; }
    public string Text { get; }
    public string Phonetic { get; }
    public string SheetData { get; }
    public string StringItem { get; }

    /// <summary>A reader that refuses DTDs (no entity expansion from a hostile file) and tolerates characters
    /// that are not legal XML, which some exporters write raw.</summary>
    public XmlReader CreateReader(Stream stream) => XmlReader.Create(stream, new XmlReaderSettings
    {
        NameTable = names,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CheckCharacters = false,
        CloseInput = false,
    });

    public bool Is(XmlReader reader, string atomisedName) =>
        reader.NodeType == XmlNodeType.Element && ReferenceEquals(reader.LocalName, atomisedName);

    /// <summary>
    /// The text of a rich-text container (<c>&lt;si&gt;</c> or <c>&lt;is&gt;</c>, §18.4): its <c>t</c> runs joined,
    /// without phonetic runs (<c>rPh</c>, the pinyin/furigana guides that Excel keeps beside East Asian text), with
    /// Excel's <c>_xHHHH_</c> escapes decoded and trimmed. Starts on the container's start tag, ends on the node
    /// after its end tag.
    /// </summary>
    public string ReadRichText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }
        var depth = reader.Depth;
        text.Clear();
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (Is(reader, Phonetic)) reader.Skip();
            else if (Is(reader, Text)) text.Append(reader.ReadElementContentAsString());
            else if (!reader.Read()) throw new XmlException("文本在结束标记之前中断。");
        }
        reader.Read();
        return Unescape(text.ToString()).Trim();
    }

    /// <summary>Decodes <c>_xHHHH_</c> (ECMA-376 §22.9.2.19 ST_Xstring), Excel's way of writing characters XML cannot
    /// hold, such as a carriage return (<c>_x000D_</c>).</summary>
    public static string Unescape(string s)
    {
        var at = s.IndexOf("_x", StringComparison.Ordinal);
        if (at < 0) return s;
        var result = new StringBuilder(s.Length);
        var from = 0;
        for (; at >= 0 && at + 7 <= s.Length; at = s.IndexOf("_x", at + 1, StringComparison.Ordinal))
        {
            if (s[at + 6] != '_' || !ushort.TryParse(s.AsSpan(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                continue;
            result.Append(s, from, at - from).Append((char)code);
            from = at + 7;
            at += 6;
        }
        return result.Append(s, from, s.Length - from).ToString();
    }
}
