using Bangfu.Platform.Scope;
using Bangfu.Registry.Regions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages;

public sealed class IndexModel(RegionScopeAccessor scope, RegionDirectory regions) : PageModel
{
    public string ScopeName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ScopeName = scope.Scope.Prefix switch
        {
            null => "（未分配，看不到任何数据）",
            "" => "全国",
            var code => (await regions.FindAsync(code, cancellationToken))?.Name ?? code,
        };
    }
}
