using Bangfu.Employment.Vacancies;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Employment.Vacancies;

/// <summary>
/// 岗位批量导入: upload an .xlsx in the template's columns, check it (dry run) or import it. Errors name the row and
/// column; any error and nothing is imported; the same file again changes nothing. The template is a download (GET).
/// </summary>
public sealed class ImportModel(VacancyImportService import) : PageModel
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public VacancyImportSummary? Summary { get; private set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public IActionResult OnGetTemplate()
    {
        string?[] example = ["湖南某电子科技有限公司", "91440300192317458F", "电子装配工", "电子厂普工", "50", "4000", "6000",
            "湖南省长沙市宁乡市", "18-45", "初中", "", "是", "是", "是", "否", DateTime.Today.AddMonths(1).ToString("yyyy-MM-dd")];
        return SpreadsheetFile.Create("岗位导入模板.xlsx", VacancyImportService.Columns, [example]);
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, bool commit, CancellationToken ct)
    {
        if (file is null || file.Length == 0) Error = "请选择要导入的 Excel（.xlsx）文件";
        else if (file.Length > MaxBytes) Error = "文件超过 10 MB，请分批导入";
        else
        {
            await using var upload = new MemoryStream();
            await file.CopyToAsync(upload, ct);
            upload.Position = 0;
            Summary = await import.ImportAsync(upload, Path.GetFileName(file.FileName), dryRun: !commit, ct);
        }
        return Page();
    }
}
