using MiniExcelLibs;
using Microsoft.AspNetCore.Mvc;

namespace Bangfu.Web.Infrastructure;

/// <summary>
/// Excel downloads: rows are written streaming (MiniExcel), every value as text so that Excel keeps ID numbers and
/// leading zeros, and text that Excel would run as a formula (starting with = + - @, tab or CR) is prefixed with an
/// apostrophe (OWASP CSV/formula injection).
/// </summary>
public static class SpreadsheetFile
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static FileCallbackResult Create(string fileName, IEnumerable<IReadOnlyList<(string Header, object? Value)>> rows) =>
        new(fileName, async (stream, ct) =>
        {
            var data = rows.Select(r =>
            {
                var row = new Dictionary<string, object?>(r.Count);
                foreach (var (header, value) in r) row[header] = Escape(value);
                return row;
            });
            await MiniExcel.SaveAsAsync(stream, data, excelType: ExcelType.XLSX, cancellationToken: ct);
        });

    public static string? Escape(object? value)
    {
        var text = value switch
        {
            null => null,
            DateOnly d => d.ToString("yyyy-MM-dd"),
            DateTimeOffset t => t.ToLocalTime().ToString("yyyy-MM-dd HH:mm"),
            bool b => b ? "是" : "否",
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        if (string.IsNullOrEmpty(text)) return text;
        return text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }
}

/// <summary>A file written into the response body by a callback (so large exports stream), never cached.</summary>
public sealed class FileCallbackResult(string fileName, Func<Stream, CancellationToken, Task> write) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = SpreadsheetFile.ContentType;
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = "export.xlsx" }.ToString()
                                              + "; filename*=UTF-8''" + Uri.EscapeDataString(fileName);
        // MiniExcel needs a seekable stream for the zip; buffer in a temp file, not in memory.
        var temp = Path.GetTempFileName();
        try
        {
            await using (var file = new FileStream(temp, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose))
            {
                await write(file, context.HttpContext.RequestAborted);
                file.Position = 0;
                response.ContentLength = file.Length;
                await file.CopyToAsync(response.Body, context.HttpContext.RequestAborted);
            }
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
