using Bangfu.Platform.Jobs;
using Bangfu.Registry.RosterImport;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Registry.Imports;

/// <summary>Progress of a background check or commit; polled by htmx; goes to the verdict when done.</summary>
public sealed class ProgressModel(JobRunner jobs) : PageModel
{
    public Job? Job { get; private set; }

    public IActionResult OnGet(Guid job) => Load(job) ?? Page();

    public IActionResult OnGetStatus(Guid job)
    {
        if (Load(job) is { } missing) return missing;
        if (Job!.State == JobState.Succeeded && Job.Result is RosterImportSummary summary)
        {
            Response.Headers["HX-Redirect"] = Url.Page("Detail", new { id = summary.ImportId });
            return new NoContentResult();
        }
        return Partial("_Progress", Job);
    }

    public IActionResult OnPostCancel(Guid job)
    {
        if (Load(job) is { } missing) return missing;
        jobs.Cancel(job);
        return RedirectToPage(new { job });
    }

    // A job is visible only to the user who started it.
    private IActionResult? Load(Guid id)
    {
        Job = jobs.Find(id);
        var me = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        return Job is null || Job.OwnerUserId != me ? NotFound() : null;
    }
}
