using System.Net;
using System.Text.RegularExpressions;
using Bangfu.Platform.Data;
using Bangfu.Platform.Time;
using Bangfu.Registry.People;
using Bangfu.Registry.RosterImport;
using Bangfu.Testing;
using Bangfu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Web.Tests.Registry;

/// <summary>Functional tests of the registry pages: a roster imported into the host's database, and rows read from the HTML.</summary>
public abstract partial class RegistryWebTest : WebTest
{
    public const string Hejiawan = "430182106209";
    public const string Shibadong = "433124110226";

    protected async Task<RosterImportSummary> ImportAsync(string path)
    {
        await using var scope = Services.InScope();
        return await scope.Get<RosterImportService>().ImportAsync(
            new RosterImportRequest(path, Path.GetFileName(path), Period.Parse("2021-12"), DryRun: false, UserName: "测试"), null, CancellationToken.None);
    }

    protected async Task<Person> PersonAsync(string villageCode)
    {
        await using var scope = Services.InScope();
        return await scope.Get<AppDbContext>().Set<Person>().Where(p => p.RegionCode == villageCode).OrderBy(p => p.PersonNumber).FirstAsync();
    }

    /// <summary>The text of each cell of each body row of the page's first table.</summary>
    protected static List<string[]> Rows(string html)
    {
        var body = TableBody().Match(html).Groups[1].Value;
        return RowPattern().Matches(body)
            .Select(r => CellPattern().Matches(r.Groups[1].Value).Select(c => WebUtility.HtmlDecode(Tags().Replace(c.Groups[1].Value, "")).Trim()).ToArray())
            .ToList();
    }

    protected static string Body(HttpResponseMessage response) => response.Content.ReadAsStringAsync().GetAwaiter().GetResult();

    [GeneratedRegex("<tbody>(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex TableBody();

    [GeneratedRegex("<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
