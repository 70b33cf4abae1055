using System.Text;
using Bangfu.Cli.Generate;
using MiniExcelLibs;

namespace Bangfu.Cli.Tests.Generate;

public sealed class RosterWriterTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("bangfu-generate-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static byte[] Csv(int seed, long rows, Encoding encoding)
    {
        using var stream = new MemoryStream();
        RosterCsvWriter.Write(stream, new RosterGenerator(new RosterGeneratorOptions { Rows = rows, Seed = seed }).Rows(), encoding);
        return stream.ToArray();
    }

    [Fact]
    public void The_same_seed_and_size_give_the_same_bytes()
    {
        var first = Csv(5, 3_000, RosterCsvWriter.Utf8);
        var second = Csv(5, 3_000, RosterCsvWriter.Utf8);
        Assert.Equal(first, second);
        Assert.NotEqual(first, Csv(6, 3_000, RosterCsvWriter.Utf8));
    }

    [Fact]
    public void The_CSV_is_UTF8_with_a_byte_order_mark_a_header_row_and_CRLF_line_ends()
    {
        var bytes = Csv(1, 200, RosterCsvWriter.Utf8);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal(string.Join(',', RosterGenerator.Header), lines[0]);
        Assert.Equal(202, lines.Length); // header, 200 rows, and the empty string after the last line end
        Assert.Equal("", lines[^1]);
        Assert.All(lines[1..^1], l => Assert.Equal(47, l.Split(',').Length));
    }

    [Fact]
    public void The_GB18030_CSV_says_the_same_as_the_UTF8_one()
    {
        var utf8 = Encoding.UTF8.GetString(Csv(2, 300, RosterCsvWriter.Utf8)[3..]);
        var gb = Csv(2, 300, RosterCsvWriter.Gb18030);
        Assert.NotEqual(0xEF, gb[0]);
        Assert.Equal(utf8, RosterCsvWriter.Gb18030.GetString(gb));
    }

    [Fact]
    public void A_field_with_a_comma_or_a_quote_is_quoted()
    {
        using var stream = new MemoryStream();
        var row = Enumerable.Repeat("", 47).ToArray();
        row[0] = "甲,乙";
        row[1] = "说\"好\"";
        RosterCsvWriter.Write(stream, [row], RosterCsvWriter.Utf8);
        var lines = Encoding.UTF8.GetString(stream.ToArray()[3..]).Split("\r\n");
        Assert.StartsWith("\"甲,乙\",\"说\"\"好\"\"\",,", lines[1]);
    }

    [Fact]
    public void A_generated_xlsx_reads_back_as_the_CSV_rows_of_the_same_seed_with_IDs_as_text()
    {
        var path = Path.Combine(directory, "roster.xlsx");
        var options = new RosterGeneratorOptions { Rows = 800, Seed = 9 };
        RosterXlsxWriter.Write(path, new RosterGenerator(options).Rows());
        var expected = new RosterGenerator(options).Rows().ToList();

        var header = RosterGenerator.Header;
        var read = MiniExcel.Query(path, useHeaderRow: true, sheetName: RosterXlsxWriter.SheetName)
            .Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(expected.Count, read.Count);
        Assert.Equal(header, read[0].Keys);
        for (var i = 0; i < expected.Count; i++)
        {
            for (var c = 0; c < header.Length; c++)
            {
                var value = read[i][header[c]];
                // Every cell is text; an 18-digit number read back as a double would have lost its last digits.
                Assert.True(value is null or string, $"{header[c]}: {value?.GetType()}");
                Assert.Equal(expected[i][c], (string?)value ?? "");
            }
        }
    }
}
