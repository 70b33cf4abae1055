using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "出错了";
    public string Message { get; private set; } = "";
    public string? RequestId { get; private set; }

    public void OnGet(int? status) => Describe(status);
    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        (Title, Message) = status switch
        {
            404 => ("找不到页面", "您要找的页面或记录不存在，或不在您的管辖范围内。"),
            400 => ("请求无效", "提交的内容不完整或已过期，请返回重试。"),
            403 => ("没有权限", "您没有执行此操作的权限。"),
            429 => ("操作太频繁", "请稍后再试。"),
            _ => ("出错了", "系统处理请求时出错。已记录，请稍后重试。"),
        };
        if (status is not null) Response.StatusCode = status.Value;
    }
}
