using System.Text;
using System.Text.Unicode;

namespace Bangfu.Registry.RosterImport.Reading;

/// <summary>
/// The character encoding of a CSV file. A byte order mark decides (UTF-8, UTF-16 LE/BE). Without one, the first
/// <see cref="SampleSize"/> bytes are checked as strict UTF-8 (a character cut off at the end of the sample does not
/// count against it); anything else is decoded as GB18030, the national standard that contains GBK and GB2312, the
/// encodings Excel and WPS write "CSV (逗号分隔)" in on a Chinese Windows.
/// </summary>
internal static class CsvEncoding
{
    public const int SampleSize = 1 << 20;

    static CsvEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding, its name for the user ("UTF-8", "UTF-8 (BOM)", "UTF-16 LE (BOM)", "GB18030"), and the
    /// byte order mark's length. <paramref name="sample"/> is the start of the file; <paramref name="wholeFile"/> says it
    /// is all of it.</summary>
    public static (Encoding Encoding, string Name, int PreambleLength) Detect(ReadOnlySpan<byte> sample, bool wholeFile)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (new UTF8Encoding(false), "UTF-8 (BOM)", 3);
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), "UTF-16 LE (BOM)", 2);
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), "UTF-16 BE (BOM)", 2);
        if (!wholeFile) sample = sample[..CompleteLength(sample)];
        return Utf8.IsValid(sample)
            ? (new UTF8Encoding(false), "UTF-8", 0)
            : (Encoding.GetEncoding("GB18030"), "GB18030", 0);
    }

    // The sample's length without a UTF-8 sequence that the sample's end cuts off.
    private static int CompleteLength(ReadOnlySpan<byte> sample)
    {
        for (var back = 1; back <= Math.Min(3, sample.Length); back++)
        {
            var b = sample[^back];
            if ((b & 0xC0) == 0x80) continue;
            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? sample.Length - back : sample.Length;
        }
        return sample.Length;
    }
}
