namespace Bangfu.Registry.RosterImport.Reading;

/// <summary>
/// A roster file that cannot be read. <see cref="Exception.Message"/> is a Chinese sentence for the person who uploaded
/// the file, saying what is wrong and what to do (and the row when it is known); the parser's own exception, if any,
/// is kept as <see cref="Exception.InnerException"/> for the log.
/// </summary>
public sealed class RosterFileException(string message, Exception? innerException = null) : Exception(message, innerException)
{
    internal static RosterFileException LegacyXls() =>
        new("这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV（UTF-8）后再导入。");

    internal static RosterFileException Encrypted() =>
        new("这个 Excel 文件设置了打开密码（已加密），无法读取。请在 Excel 中打开，清除密码（文件 → 信息 → 保护工作簿 → 用密码进行加密），另存为 .xlsx 后再导入。");

    internal static RosterFileException CorruptXlsx(Exception? inner = null) =>
        new("文件已损坏或不完整，无法作为 xlsx 读取。请重新导出，或在 Excel 中打开后另存为 .xlsx 再导入。", inner);

    internal static RosterFileException NoWorksheet() =>
        new("工作簿中没有工作表，没有可导入的数据。");

    internal static RosterFileException Empty() =>
        new("文件是空的，没有可导入的数据。");

    internal static RosterFileException NotText() =>
        new("无法识别文件内容：既不是 xlsx 工作簿，也不是 CSV 文本。请确认选择了正确的文件。");

    internal static RosterFileException Html() =>
        new("这是网页（HTML）格式的表格，不是真正的 Excel 文件。请在 Excel 中打开后另存为 .xlsx 或 CSV（UTF-8）再导入。");

    internal static RosterFileException HeaderNotFound() =>
        new("在前 30 行中没有找到表头行（应包含“姓名”“证件号码”等列名）。");

    internal static RosterFileException UnreadableXlsx(int rowNumber, Exception inner) => rowNumber > 0
        ? new($"读取到第 {rowNumber} 行附近时出错：文件内容不完整或格式有误。请在 Excel 中打开后另存为 .xlsx 再导入。", inner)
        : CorruptXlsx(inner);

    internal static RosterFileException UnreadableCsv(int lineNumber, Exception inner) => inner switch
    {
        Sylvan.Data.Csv.CsvRecordTooLargeException =>
            new($"从第 {lineNumber} 行开始的一条记录过长，可能是引号没有配对。请检查该行，或在 Excel 中打开后另存为 CSV（UTF-8）再导入。", inner),
        _ => new($"第 {lineNumber} 行的引号或分隔符有误，无法读取。请检查该行，或在 Excel 中打开后另存为 CSV（UTF-8）再导入。", inner),
    };
}
