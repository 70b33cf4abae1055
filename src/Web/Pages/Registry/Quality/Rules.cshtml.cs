using Bangfu.Registry.Contracts;
using Bangfu.Registry.DataQuality;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Registry.Quality;

/// <summary>Every rule an import applies: code, severity, what it checks and where the rule comes from.</summary>
public sealed class RulesModel(QualityIssueService issues) : PageModel
{
    public IReadOnlyList<QualityRule> Rules { get; } = issues.Rules
        .OrderBy(r => r.Severity).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();

    public void OnGet()
    {
    }
}
