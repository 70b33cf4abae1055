using System.Text;
using System.Xml;

namespace Bangfu.Registry.RosterImport.Reading;

/// <summary>
/// The shared-string part of a workbook (<c>xl/sharedStrings.xml</c>, ECMA-376 §18.4.9), held compactly: each string
/// (trimmed) as UTF-8 with a length prefix in 1 MB chunks, plus one int per string. A workbook that Excel saved from a
/// million-row roster holds millions of distinct strings (ID numbers, person numbers, names); as .NET strings they
/// would take several times the memory (about 60 bytes each in object overhead and UTF-16), this takes about
/// 5 bytes plus the UTF-8 text each. Strings are decoded when a cell asks for them, through a small cache that keeps
/// repeated values (省, 市, 是/否 ...) from being decoded and allocated again and again.
/// </summary>
internal sealed class SharedStringTable
{
    private const int ChunkBits = 20;
    private const int ChunkSize = 1 << ChunkBits;
    private const int CacheSize = 4096;

    private readonly List<byte[]> chunks = [];
    private int[] starts;
    private int used = ChunkSize;
    private readonly string?[] cache = new string?[CacheSize];
    private readonly int[] cacheKeys = new int[CacheSize];

    private SharedStringTable(int expectedCount)
    {
        starts = new int[Math.Clamp(expectedCount, 16, 1 << 22)];
        Array.Fill(cacheKeys, -1);
    }

    public int Count { get; private set; }

    /// <summary>Reads the whole part. Throws <see cref="XmlException"/> on malformed XML.</summary>
    public static SharedStringTable Load(Stream part, SpreadsheetXml xml)
    {
        using var reader = xml.CreateReader(part);
        SharedStringTable? table = null;
        var tableDepth = -1;
        while (!reader.EOF)
        {
            if (table is null && reader.NodeType == XmlNodeType.Element && reader.LocalName == "sst")
            {
                _ = int.TryParse(reader.GetAttribute("uniqueCount"), out var unique);
                table = new SharedStringTable(unique);
                tableDepth = reader.Depth;
                if (reader.IsEmptyElement) break;
                reader.Read();
            }
            else if (table is not null && reader.Depth == tableDepth + 1 && xml.Is(reader, xml.StringItem))
            {
                table.Add(xml.ReadRichText(reader));
            }
            else if (!reader.Read())
            {
                break;
            }
        }
        return table ?? new SharedStringTable(0);
    }

    /// <summary>The trimmed text of string <paramref name="index"/>; <see cref="InvalidDataException"/> when out of range.</summary>
    public string this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new InvalidDataException($"Shared string index {index} is out of range (count {Count}).");
            var slot = index & (CacheSize - 1);
            if (cacheKeys[slot] == index) return cache[slot]!;
            var address = starts[index];
            var chunk = chunks[address >> ChunkBits];
            var offset = address & (ChunkSize - 1);
            var length = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = chunk[offset++];
                length |= (b & 0x7F) << shift;
                if (b < 0x80) break;
            }
            var s = Encoding.UTF8.GetString(chunk, offset, length);
            cache[slot] = s;
            cacheKeys[slot] = index;
            return s;
        }
    }

    private void Add(string s)
    {
        var byteCount = Encoding.UTF8.GetByteCount(s);
        var needed = byteCount + 5;
        if (used + needed > ChunkSize)
        {
            // An Excel cell holds at most 32,767 characters (< 100 KB of UTF-8); a longer string from another
            // writer gets a chunk of its own and still starts at offset 0.
            if (chunks.Count >= 1 << (31 - ChunkBits)) throw new InvalidDataException("The shared strings exceed 2 GB.");
            chunks.Add(new byte[Math.Max(ChunkSize, needed)]);
            used = 0;
        }
        if (Count == starts.Length) Array.Resize(ref starts, starts.Length * 2);
        var chunkIndex = chunks.Count - 1;
        var buffer = chunks[chunkIndex];
        starts[Count++] = (chunkIndex << ChunkBits) | used;
        for (var length = (uint)byteCount; ; length >>= 7)
        {
            if (length < 0x80)
            {
                buffer[used++] = (byte)length;
                break;
            }
            buffer[used++] = (byte)(length | 0x80);
        }
        used += Encoding.UTF8.GetBytes(s, 0, s.Length, buffer, used);
    }
}
