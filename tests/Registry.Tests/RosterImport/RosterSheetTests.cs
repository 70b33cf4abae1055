using System.Globalization;
using System.IO.Compression;
using System.Text;
using Bangfu.Registry.RosterImport;
using Bangfu.Registry.RosterImport.Reading;
using Bangfu.Testing;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MiniExcelLibs;

namespace Bangfu.Registry.Tests.RosterImport;

public sealed class RosterSheetTests
{
    private const int IdColumn = 11;
    private static readonly Lazy<(string[] Headers, List<RosterRawRow> Rows)> Seed = new(() =>
    {
        using var sheet = RosterSheet.Open(Fixtures.SeedVillages, RosterLayout.IsHeaderRow);
        return (sheet.Headers.ToArray(), sheet.Rows().ToList());
    });

    static RosterSheetTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    // xlsx fixtures

    [Fact]
    public void The_seed_roster_has_its_header_on_row_1_and_930_data_rows()
    {
        using var sheet = RosterSheet.Open(Fixtures.SeedVillages, RosterLayout.IsHeaderRow);
        var rows = sheet.Rows().ToList();

        Assert.Equal("xlsx", sheet.Format);
        Assert.Null(sheet.EncodingName);
        Assert.Equal(1, sheet.HeaderRowNumber);
        Assert.Equal(47, sheet.Headers.Count);
        Assert.Equal(RosterLayout.ExportColumns.Select(c => c.Header), sheet.Headers);
        Assert.Equal(930, rows.Count);
        Assert.Equal(Enumerable.Range(2, 930), rows.Select(r => r.RowNumber));
        Assert.All(rows, r => Assert.Equal(47, r.Cells.Length));
        Assert.Equal(1.0, sheet.Progress);
    }

    [Fact]
    public void The_first_seed_row_reads_as_written()
    {
        var first = Seed.Value.Rows[0];
        var headers = Seed.Value.Headers;
        RosterCell Cell(string header) => first.Cells[Array.IndexOf(headers, header)];

        Assert.Equal(new RosterCell("湖南省", false), Cell("省"));
        Assert.Equal(new RosterCell("贺家湾村", false), Cell("村"));
        Assert.Equal(new RosterCell("王明", false), Cell("姓名"));
        Assert.Equal(new RosterCell("430182195208270011", false), Cell("证件号码"));
        Assert.Equal(new RosterCell("0", false), Cell("务工时间（月）"));
        Assert.Equal(new RosterCell(null, false), Cell("在校生状况"));
    }

    [Fact]
    public void A_title_row_above_the_header_is_skipped()
    {
        using var sheet = RosterSheet.Open(Fixtures.ShibadongIdsAsNumbers, RosterLayout.IsHeaderRow);

        Assert.Equal(2, sheet.HeaderRowNumber);
        Assert.Equal(47, sheet.Headers.Count);
        Assert.Equal(3, sheet.Rows().First().RowNumber);
    }

    [Fact]
    public void Blank_rows_are_skipped_and_row_numbers_stay_those_of_the_sheet()
    {
        using var sheet = RosterSheet.Open(Fixtures.ShibadongIdsAsNumbers, RosterLayout.IsHeaderRow);
        var numbers = sheet.Rows().Select(r => r.RowNumber).ToList();

        Assert.Equal(212, numbers.Count);
        Assert.Equal(Enumerable.Range(3, 214).Except(new[] { 99, 197 }), numbers);
    }

    [Fact]
    public void An_id_number_stored_as_a_number_reads_as_Excel_shows_it()
    {
        using var sheet = RosterSheet.Open(Fixtures.ShibadongIdsAsNumbers, RosterLayout.IsHeaderRow);
        var rows = sheet.Rows().ToDictionary(r => r.RowNumber);

        Assert.Equal(new RosterCell("4.3312419890902E+17", true), rows[3].Cells[IdColumn]);
        Assert.Equal(new RosterCell("43312419941017213X", false), rows[216].Cells[IdColumn]);
        Assert.Equal(new RosterCell("11", false), rows[3].Cells[20]);
    }

    // CSV

    [Theory]
    [InlineData("UTF-8 (BOM)", "UTF-8 (BOM)")]
    [InlineData("UTF-8", "UTF-8")]
    [InlineData("GBK", "GB18030")]
    [InlineData("GB18030", "GB18030")]
    [InlineData("UTF-16 (BOM)", "UTF-16 LE (BOM)")]
    public void A_csv_export_of_the_seed_reads_like_the_workbook(string writtenAs, string detectedAs)
    {
        var text = Csv([Seed.Value.Headers, .. Seed.Value.Rows.Select(Texts)]);
        byte[] bytes = writtenAs switch
        {
            "UTF-8 (BOM)" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "UTF-16 (BOM)" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            _ => Encoding.GetEncoding(writtenAs).GetBytes(text),
        };

        using var sheet = Open(bytes, "roster.csv");
        var rows = sheet.Rows().ToList();

        Assert.Equal("csv", sheet.Format);
        Assert.Equal(detectedAs, sheet.EncodingName);
        Assert.Equal(1, sheet.HeaderRowNumber);
        Assert.Equal(Seed.Value.Headers, sheet.Headers);
        Assert.Equal(Seed.Value.Rows.Select(r => r.RowNumber), rows.Select(r => r.RowNumber));
        Assert.Equal(Seed.Value.Rows.Select(Texts), rows.Select(Texts));
        Assert.All(rows, r => Assert.All(r.Cells, c => Assert.False(c.WasNumber)));
        Assert.Equal(1.0, sheet.Progress);
    }

    [Fact]
    public void A_title_line_above_the_csv_header_is_skipped()
    {
        var text = "2021年脱贫人口信息表,,,\r\n" + Csv([Seed.Value.Headers, Texts(Seed.Value.Rows[0])]);

        using var sheet = Open(Encoding.UTF8.GetBytes(text), "roster.csv");

        Assert.Equal(2, sheet.HeaderRowNumber);
        Assert.Equal(3, Assert.Single(sheet.Rows()).RowNumber);
    }

    [Fact]
    public void Quoted_csv_fields_keep_commas_quotes_and_line_breaks_and_row_numbers_stay_physical()
    {
        var first = Texts(Seed.Value.Rows[0]);
        first[23] = "比亚迪汽车工业有限公司,坪山分厂";
        first[40] = "广东省深圳市\r\n坪山区\n\"比亚迪\"工业园";
        var text = Csv([Seed.Value.Headers, first, Texts(Seed.Value.Rows[1])]);

        using var sheet = Open(Encoding.UTF8.GetBytes(text), "roster.csv");
        var rows = sheet.Rows().ToList();

        Assert.Equal(new[] { 2, 5 }, rows.Select(r => r.RowNumber));
        Assert.Equal("比亚迪汽车工业有限公司,坪山分厂", rows[0].Cells[23].Text);
        Assert.Equal("广东省深圳市\r\n坪山区\n\"比亚迪\"工业园", rows[0].Cells[40].Text);
        Assert.Equal(Seed.Value.Rows[1].Cells[IdColumn].Text, rows[1].Cells[IdColumn].Text);
    }

    [Fact]
    public void Blank_csv_lines_are_skipped()
    {
        var text = Csv([Seed.Value.Headers]) + "\r\n" + Csv([Texts(Seed.Value.Rows[0])]) + ",,,,\r\n  \r\n" + Csv([Texts(Seed.Value.Rows[1])]);

        using var sheet = Open(Encoding.UTF8.GetBytes(text), "roster.csv");

        Assert.Equal(new[] { 3, 6 }, sheet.Rows().Select(r => r.RowNumber));
    }

    [Theory]
    [InlineData('\t', "roster.txt")]
    [InlineData('\t', "roster.xls")]
    [InlineData(';', "roster.csv")]
    public void A_tab_or_semicolon_delimited_file_is_recognised_by_its_header(char delimiter, string fileName)
    {
        var first = Texts(Seed.Value.Rows[0]);
        first[23] = "比亚迪,坪山分厂";
        var text = Csv([Seed.Value.Headers, first], delimiter);

        using var sheet = Open(Encoding.UTF8.GetBytes(text), fileName);
        var row = Assert.Single(sheet.Rows());

        Assert.Equal("csv", sheet.Format);
        Assert.Equal(47, sheet.Headers.Count);
        Assert.Equal("比亚迪,坪山分厂", row.Cells[23].Text);
        Assert.Equal("430182195208270011", row.Cells[IdColumn].Text);
    }

    [Fact]
    public void A_csv_cell_is_the_text_the_file_holds_even_when_it_looks_like_a_number()
    {
        var first = Texts(Seed.Value.Rows[0]);
        first[IdColumn] = "4.33124E+17";
        using var sheet = Open(Encoding.UTF8.GetBytes(Csv([Seed.Value.Headers, first])), "roster.csv");

        Assert.Equal(new RosterCell("4.33124E+17", false), Assert.Single(sheet.Rows()).Cells[IdColumn]);
    }

    [Fact]
    public void A_utf8_character_cut_by_the_end_of_the_1_MB_sample_does_not_make_the_file_GB18030()
    {
        const int Sample = 1 << 20;
        var header = Csv([Seed.Value.Headers]);
        var filler = Texts(Seed.Value.Rows[0]).Select(t => t is null ? null : new string('x', t.Length)).ToArray();
        var text = new StringBuilder(header);
        while (Encoding.UTF8.GetByteCount(text.ToString()) < Sample - 4000) text.Append(Csv([filler]));
        // A last ASCII row padded so that the next row's first character, 湖 (3 bytes), starts one byte before the
        // end of the sample.
        var padded = (string?[])filler.Clone();
        padded[46] = "";
        var used = Encoding.UTF8.GetByteCount(text.ToString() + Csv([padded]));
        padded[46] = new string('x', Sample - 1 - used);
        text.Append(Csv([padded]));
        Assert.Equal(Sample - 1, Encoding.UTF8.GetByteCount(text.ToString()));
        text.Append(Csv([Texts(Seed.Value.Rows[0])]));

        using var sheet = Open(Encoding.UTF8.GetBytes(text.ToString()), "roster.csv");

        Assert.Equal("UTF-8", sheet.EncodingName);
        Assert.Equal("湖南省", sheet.Rows().Last().Cells[0].Text);
    }

    [Fact]
    public void A_stream_that_cannot_seek_is_read_all_the_same()
    {
        var bytes = Encoding.UTF8.GetBytes(Csv([Seed.Value.Headers, .. Seed.Value.Rows.Take(3).Select(Texts)]));

        using var sheet = RosterSheet.Open(new ForwardOnlyStream(new MemoryStream(bytes)), "upload.csv", RosterLayout.IsHeaderRow);

        Assert.Equal(3, sheet.Rows().Count());
    }

    [Fact]
    public void Progress_grows_to_1_while_the_rows_are_read()
    {
        var bytes = Encoding.UTF8.GetBytes(Csv([Seed.Value.Headers, .. Seed.Value.Rows.Select(Texts)]));
        foreach (var (content, name) in new[] { (File.ReadAllBytes(Fixtures.SeedVillages), "seed.xlsx"), (bytes, "seed.csv") })
        {
            using var sheet = Open(content, name);
            var seen = new List<double> { sheet.Progress };
            foreach (var _ in sheet.Rows()) seen.Add(sheet.Progress);
            seen.Add(sheet.Progress);

            Assert.Equal(seen.Order(), seen);
            Assert.InRange(seen[seen.Count / 2], 0.2, 0.8);
            Assert.Equal(1.0, seen[^1]);
        }
    }

    // xlsx written by other tools

    [Fact]
    public void An_xlsx_written_by_MiniExcel_reads_with_its_cell_references_numbers_and_dates()
    {
        using var memory = new MemoryStream();
        var row = Seed.Value.Headers.ToDictionary(h => h, object? (h) => null);
        row["省"] = "湖南省";
        row["姓名"] = "罗永红";
        row["证件号码"] = 433124198909020000d;
        row["出生日期"] = new DateTime(1989, 9, 2);
        row["务工时间（月）"] = 11;
        row["户主姓名"] = "罗永红";
        MiniExcel.SaveAs(memory, new[] { row });

        using var sheet = Open(memory.ToArray(), "miniexcel.xlsx");
        var read = Assert.Single(sheet.Rows());

        Assert.Equal(Seed.Value.Headers, sheet.Headers);
        Assert.Equal(2, read.RowNumber);
        Assert.Equal(new RosterCell("湖南省", false), read.Cells[0]);
        Assert.Equal(new RosterCell(null, false), read.Cells[1]);
        Assert.Equal(new RosterCell("4.3312419890902E+17", true), read.Cells[IdColumn]);
        Assert.Equal(new RosterCell("1989-09-02", false), read.Cells[9]);
        Assert.Equal(new RosterCell("11", true), read.Cells[20]);
        Assert.Equal(new RosterCell("罗永红", false), read.Cells[41]);
    }

    [Fact]
    public void An_xlsx_written_by_the_Open_XML_SDK_reads_shared_strings_numbers_dates_and_gaps()
    {
        var birth = (new DateTime(1994, 10, 17) - new DateTime(1899, 12, 30)).TotalDays.ToString(CultureInfo.InvariantCulture);
        var bytes = OpenXmlWorkbook(
        [
            new Row(Inline("A1", "2021年十八洞村脱贫人口信息表")) { RowIndex = 1 },
            new Row(SmallHeader.Select((_, i) => Shared(Reference(i, 2), i))) { RowIndex = 2 },
            new Row(
                Shared("A3", 10), Shared("B3", 11), Shared("C3", 12), Shared("D3", 13), Shared("E3", 14), Shared("F3", 15),
                Number("G3", "4.3312419890902E+17"), Number("H3", "32753", style: 1), Number("I3", "12.0"),
                new Cell { CellReference = "J3", DataType = CellValues.Error, CellValue = new CellValue("#N/A") }) { RowIndex = 3 },
            new Row(
                Shared("A5", 10), Shared("C5", 12), Inline("F5", "林华"), Inline("G5", " 43312419941017213X "),
                Number("H5", birth, style: 2),
                new Cell { CellReference = "I5", CellFormula = new CellFormula("1+1"), CellValue = new CellValue("2") },
                new Cell { CellReference = "J5", DataType = CellValues.Boolean, CellValue = new CellValue("1") }) { RowIndex = 5 },
            new Row(Inline("A6", " "), Inline("F6", "")) { RowIndex = 6 },
            new Row(
                Shared("F7", 16), Number("G7", "430182195208270011"), Number("I7", "1.2E+1"), Number("J7", "0.30000000000000004"))
            { RowIndex = 7 },
        ]);

        using var sheet = Open(bytes, "sdk.xlsx");
        var rows = sheet.Rows().ToList();

        Assert.Equal(2, sheet.HeaderRowNumber);
        Assert.Equal(SmallHeader, sheet.Headers);
        Assert.Equal(new[] { 3, 5, 7 }, rows.Select(r => r.RowNumber));
        Assert.Equal(
            new[] { T("湖南省"), T("湘西土家族苗族自治州"), T("花垣县"), T("双龙镇"), T("十八洞村"), T("罗永红"),
             N("4.3312419890902E+17"), T("1989-09-02"), N("12"), T("#N/A") },
            rows[0].Cells);
        Assert.Equal(
            new[] { T("湖南省"), T(null), T("花垣县"), T(null), T(null), T("林华"), T("43312419941017213X"), T("1994-10-17"), N("2"), T("TRUE") },
            rows[1].Cells);
        Assert.Equal(
            new[] { T(null), T(null), T(null), T(null), T(null), T("王明"), N("430182195208270011"), T(null), N("12"), N("0.30000000000000004") },
            rows[2].Cells);
    }

    [Fact]
    public void Rows_and_cells_without_references_are_numbered_by_position()
    {
        var bytes = OpenXmlWorkbook(
        [
            new Row(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text("名单")) }),
            new Row(SmallHeader.Select((_, i) => new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(i) })),
            new Row(),
            new Row(new Cell(), new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(11) }),
        ]);

        using var sheet = Open(bytes, "sdk.xlsx");

        Assert.Equal(2, sheet.HeaderRowNumber);
        var row = Assert.Single(sheet.Rows());
        Assert.Equal(4, row.RowNumber);
        Assert.Equal(T("湘西土家族苗族自治州"), row.Cells[1]);
    }

    [Fact]
    public void A_hidden_first_sheet_is_passed_over_for_the_first_visible_one()
    {
        var bytes = OpenXmlWorkbook(
        [
            new Row(SmallHeader.Select((_, i) => Shared(Reference(i, 1), i))) { RowIndex = 1 },
            new Row(Shared("F2", 16)) { RowIndex = 2 },
        ], hiddenCodeListSheet: true);

        using var sheet = Open(bytes, "sdk.xlsx");

        Assert.Equal("王明", Assert.Single(sheet.Rows()).Cells[5].Text);
    }

    [Fact]
    public void An_empty_first_sheet_is_passed_over_for_the_sheet_with_the_data()
    {
        var bytes = OpenXmlWorkbook(
        [
            new Row(SmallHeader.Select((_, i) => Shared(Reference(i, 1), i))) { RowIndex = 1 },
            new Row(Shared("F2", 16)) { RowIndex = 2 },
        ], emptyFirstSheet: true);

        using var sheet = Open(bytes, "sdk.xlsx");

        Assert.Equal("王明", Assert.Single(sheet.Rows()).Cells[5].Text);
    }

    // Files that cannot be read

    [Fact]
    public void A_legacy_xls_file_is_refused_with_advice_to_save_as_xlsx()
    {
        var error = Assert.Throws<RosterFileException>(() => Open(CompoundFileWith("Workbook"), "roster.xls"));

        Assert.Equal("这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV（UTF-8）后再导入。", error.Message);
    }

    [Fact]
    public void An_encrypted_workbook_is_refused_with_a_message_about_its_password()
    {
        var error = Assert.Throws<RosterFileException>(() => Open(CompoundFileWith("EncryptedPackage"), "roster.xlsx"));

        Assert.Contains("密码", error.Message);
    }

    [Fact]
    public void A_truncated_xlsx_is_refused_as_damaged()
    {
        var bytes = File.ReadAllBytes(Fixtures.SeedVillages);

        var error = Assert.Throws<RosterFileException>(() => Open(bytes[..(bytes.Length / 2)], "roster.xlsx"));

        Assert.Contains("损坏", error.Message);
    }

    // The seed roster with its sheet cut off in the middle of row 500 (an unfinished cell, no closing tags).
    private static byte[] BrokenOffAtRow500()
    {
        using var memory = new MemoryStream();
        memory.Write(File.ReadAllBytes(Fixtures.SeedVillages));
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            writer.Write(xml[..xml.IndexOf("<x:row r=\"500\">", StringComparison.Ordinal)] + "<x:row r=\"500\"><x:c t=\"inlineStr\"><x:is><x:t>湖南");
        }
        return memory.ToArray();
    }

    [Fact]
    public void A_sheet_that_breaks_off_part_way_fails_with_the_row_number()
    {
        using var sheet = Open(BrokenOffAtRow500(), "roster.xlsx");
        var read = 0;
        var error = Assert.Throws<RosterFileException>(() =>
        {
            foreach (var _ in sheet.Rows()) read++;
        });

        Assert.Equal(498, read);
        Assert.Contains("第 500 行", error.Message);
    }

    [Fact]
    public async Task Reading_ahead_gives_the_same_rows_in_order_and_a_break_part_way_after_the_rows_before_it()
    {
        using (var sheet = RosterSheet.Open(Fixtures.SeedVillages, RosterLayout.IsHeaderRow))
        {
            var rows = new List<RosterRawRow>();
            await foreach (var row in sheet.ReadAheadAsync()) rows.Add(row);
            Assert.Equal(Seed.Value.Rows.Select(r => r.RowNumber), rows.Select(r => r.RowNumber));
            Assert.Equal(Seed.Value.Rows.Select(r => r.Cells[IdColumn]), rows.Select(r => r.Cells[IdColumn]));
        }

        using var broken = Open(BrokenOffAtRow500(), "roster.xlsx");
        var read = 0;
        var error = await Assert.ThrowsAsync<RosterFileException>(async () =>
        {
            await foreach (var _ in broken.ReadAheadAsync()) read++;
        });
        Assert.Equal(498, read);
        Assert.Contains("第 500 行", error.Message);
    }

    [Fact]
    public async Task Leaving_a_read_ahead_early_stops_the_reading_before_the_sheet_is_closed()
    {
        var sheet = RosterSheet.Open(Fixtures.SeedVillages, RosterLayout.IsHeaderRow);
        var taken = 0;
        await foreach (var _ in sheet.ReadAheadAsync())
        {
            if (++taken == 3) break;
        }
        sheet.Dispose(); // the reading task has stopped, so closing the file under it cannot fail
        Assert.Equal(3, taken);
        Assert.True(sheet.Progress < 1);
    }

    [Fact]
    public void An_unpaired_quote_in_a_csv_fails_with_the_line_number()
    {
        var text = Csv([Seed.Value.Headers, Texts(Seed.Value.Rows[0])]) + "湖南省,\"长沙市\"x,宁乡市\r\n";

        using var sheet = Open(Encoding.UTF8.GetBytes(text), "roster.csv");
        var error = Assert.Throws<RosterFileException>(() => sheet.Rows().ToList());

        Assert.Contains("第 3 行", error.Message);
    }

    [Fact]
    public void An_unpaired_quote_on_the_first_csv_line_fails_with_line_1()
    {
        var text = "\"2021年名单\"x,,\r\n" + Csv([Seed.Value.Headers]);

        var error = Assert.Throws<RosterFileException>(() => Open(Encoding.UTF8.GetBytes(text), "roster.csv"));

        Assert.Contains("第 1 行", error.Message);
    }

    [Theory]
    [InlineData("roster.xlsx")]
    [InlineData("roster.csv")]
    [InlineData("roster")]
    public void Random_bytes_are_refused_with_a_message_not_a_crash(string fileName)
    {
        var bytes = new byte[200_000];
        new Random(20211225).NextBytes(bytes);

        var error = Assert.Throws<RosterFileException>(() => Open(bytes, fileName));

        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error.Message);
    }

    [Fact]
    public void Random_bytes_behind_a_zip_signature_are_refused_as_damaged()
    {
        var bytes = new byte[50_000];
        new Random(7).NextBytes(bytes);
        "PK\x03\x04"u8.CopyTo(bytes);

        var error = Assert.Throws<RosterFileException>(() => Open(bytes, "roster.csv"));

        Assert.Contains("损坏", error.Message);
    }

    [Fact]
    public void An_html_table_saved_as_xls_is_refused_with_advice()
    {
        var html = "<html><head><meta charset=\"utf-8\"></head><body><table><tr><td>姓名</td><td>证件号码</td></tr></table></body></html>";

        var error = Assert.Throws<RosterFileException>(() => Open(Encoding.UTF8.GetBytes(html), "导出.xls"));

        Assert.Contains("HTML", error.Message);
    }

    [Fact]
    public void A_file_without_a_recognisable_header_says_which_columns_are_expected()
    {
        var text = string.Concat(Enumerable.Range(1, 40).Select(i => $"第{i}行,甲,乙,丙\r\n"));

        var error = Assert.Throws<RosterFileException>(() => Open(Encoding.UTF8.GetBytes(text), "roster.csv"));

        Assert.Equal("在前 30 行中没有找到表头行（应包含“姓名”“证件号码”等列名）。", error.Message);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var error = Assert.Throws<RosterFileException>(() => Open([], "roster.csv"));

        Assert.Contains("空", error.Message);
    }

    // Building test files

    private static readonly string[] SmallHeader = ["省", "市", "县", "乡", "村", "姓名", "证件号码", "出生日期", "务工时间（月）", "备注"];

    private static RosterSheet Open(byte[] bytes, string fileName) =>
        RosterSheet.Open(new MemoryStream(bytes), fileName, RosterLayout.IsHeaderRow);

    private static string?[] Texts(RosterRawRow row) => row.Cells.Select(c => c.Text).ToArray();

    private static RosterCell T(string? text) => new(text, false);

    private static RosterCell N(string text) => new(text, true);

    private static string Csv(IEnumerable<IReadOnlyList<string?>> lines, char delimiter = ',') =>
        string.Concat(lines.Select(line => string.Join(delimiter, line.Select(f => Quote(f ?? "", delimiter))) + "\r\n"));

    private static string Quote(string field, char delimiter) =>
        field.IndexOfAny([delimiter, '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;

    private static string Reference(int column, int row) => (char)('A' + column) + row.ToString(CultureInfo.InvariantCulture);

    private static Cell Shared(string reference, int index) =>
        new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index) };

    private static Cell Inline(string reference, string text) =>
        new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };

    private static Cell Number(string reference, string literal, uint style = 0) =>
        new() { CellReference = reference, CellValue = new CellValue(literal), StyleIndex = style == 0 ? null : (UInt32Value)style };

    /// <summary>A workbook written with the Open XML SDK: shared strings 0-9 are <see cref="SmallHeader"/>, 10-16 are
    /// 湖南省, 湘西土家族苗族自治州, 花垣县, 双龙镇, 十八洞村, 罗永红 (as rich text with a pinyin guide) and 王明;
    /// style 1 is the built-in date format 14, style 2 the custom format yyyy-mm-dd.</summary>
    private static byte[] OpenXmlWorkbook(Row[] rows, bool hiddenCodeListSheet = false, bool emptyFirstSheet = false)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new Sheets());
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }),
                new Fonts(new Font()),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(
                    new CellFormat { NumberFormatId = 0 },
                    new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }));
            var strings = SmallHeader.Concat(["湖南省", "湘西土家族苗族自治州", "花垣县", "双龙镇", "十八洞村"])
                .Select(s => new SharedStringItem(new Text(s)))
                .Append(new SharedStringItem(
                    new Run(new Text("罗")), new Run(new Text("永红")),
                    new PhoneticRun(new Text("luó yǒng hóng")) { BaseTextStartIndex = 0, EndingBaseIndex = 3 },
                    new PhoneticProperties { FontId = 0 }))
                .Append(new SharedStringItem(new Text(" 王明 ")));
            workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = new DocumentFormat.OpenXml.Spreadsheet.SharedStringTable(strings);
            var sheets = workbookPart.Workbook.Sheets!;
            if (hiddenCodeListSheet)
            {
                var codeLists = workbookPart.AddNewPart<WorksheetPart>();
                codeLists.Worksheet = new Worksheet(new SheetData(new Row(Inline("A1", "是"), Inline("B1", "否")) { RowIndex = 1 }));
                sheets.Append(new Sheet { Name = "代码表", SheetId = 1, Id = workbookPart.GetIdOfPart(codeLists), State = SheetStateValues.Hidden });
            }
            if (emptyFirstSheet)
            {
                var empty = workbookPart.AddNewPart<WorksheetPart>();
                empty.Worksheet = new Worksheet(new SheetData(new Row { RowIndex = 1 }));
                sheets.Append(new Sheet { Name = "Sheet1", SheetId = 3, Id = workbookPart.GetIdOfPart(empty) });
            }
            var roster = workbookPart.AddNewPart<WorksheetPart>();
            roster.Worksheet = new Worksheet(new SheetData(rows.Cast<OpenXmlElement>()));
            sheets.Append(new Sheet { Name = "人口信息", SheetId = 2, Id = workbookPart.GetIdOfPart(roster) });
        }
        return memory.ToArray();
    }

    /// <summary>An OLE2 compound file ([MS-CFB], version 3) whose root storage holds one stream named
    /// <paramref name="streamName"/>: header, one FAT sector, one directory sector.</summary>
    private static byte[] CompoundFileWith(string streamName)
    {
        var file = new byte[512 * 3];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(file, 0);
        var header = file.AsSpan(0, 512);
        BitConverter.TryWriteBytes(header[0x18..], (ushort)0x3E);
        BitConverter.TryWriteBytes(header[0x1A..], (ushort)3);
        BitConverter.TryWriteBytes(header[0x1C..], (ushort)0xFFFE);
        BitConverter.TryWriteBytes(header[0x1E..], (ushort)9);
        BitConverter.TryWriteBytes(header[0x20..], (ushort)6);
        BitConverter.TryWriteBytes(header[0x2C..], 1u);
        BitConverter.TryWriteBytes(header[0x30..], 1u);
        BitConverter.TryWriteBytes(header[0x38..], 4096u);
        BitConverter.TryWriteBytes(header[0x3C..], 0xFFFFFFFEu);
        BitConverter.TryWriteBytes(header[0x44..], 0xFFFFFFFEu);
        for (var i = 0; i < 109; i++) BitConverter.TryWriteBytes(header[(0x4C + 4 * i)..], i == 0 ? 0u : 0xFFFFFFFFu);
        var fat = file.AsSpan(512, 512);
        fat.Fill(0xFF);
        BitConverter.TryWriteBytes(fat, 0xFFFFFFFDu);
        BitConverter.TryWriteBytes(fat[4..], 0xFFFFFFFEu);
        var directory = file.AsSpan(1024, 512);
        foreach (var (name, index) in new[] { ("Root Entry", 0), (streamName, 1) })
        {
            var entry = directory.Slice(index * 128, 128);
            Encoding.Unicode.GetBytes(name).CopyTo(entry);
            BitConverter.TryWriteBytes(entry[0x40..], (ushort)((name.Length + 1) * 2));
            entry[0x42] = (byte)(index == 0 ? 5 : 2);
        }
        return file;
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 1000));
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
