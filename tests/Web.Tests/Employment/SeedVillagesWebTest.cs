using Bangfu.Employment.Contracts;
using System.Net;
using Bangfu.Employment.MonthlyRound;
using Bangfu.Platform.Jobs;
using Bangfu.Platform.Time;
using Bangfu.Registry.RosterImport;
using Bangfu.Testing;
using Bangfu.Web.Tests.Infrastructure;

namespace Bangfu.Web.Tests.Employment;

/// <summary>Functional tests over the seed roster of five villages, imported for 2021-12.</summary>
public abstract class SeedVillagesWebTest : WebTest
{
    protected const string Hejiawan = "430182106209";
    protected const string Shibadong = "433124110226";
    protected static readonly Period December = Period.Parse("2021-12");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Services.InScope();
        var summary = await scope.Get<RosterImportService>().ImportAsync(
            new RosterImportRequest(Fixtures.SeedVillages, "seed-villages-2021.xlsx", December, false, UserName: "测试"),
            null as IProgress<JobProgress>, CancellationToken.None);
        Assert.Equal(930, summary.PersonsNew);
    }

    /// <summary>A village's list for a month, read with nationwide scope.</summary>
    protected async Task<IReadOnlyList<RoundEntry>> ListAsync(string village, VillageList list, Period? period = null)
    {
        await using var scope = Services.InScope();
        return await scope.Get<MonthlyRoundService>().ListAsync(village, period ?? December, list);
    }

    protected async Task<RoundEntry> FindAsync(Guid personId, Period? period = null)
    {
        await using var scope = Services.InScope();
        return await scope.Get<MonthlyRoundService>().FindAsync(personId, period ?? December) ?? throw new InvalidOperationException("not found");
    }

    /// <summary>Posts a form as htmx does: the token from <paramref name="formPage"/>, the HX-Request header.</summary>
    protected static async Task<HttpResponseMessage> PostInlineAsync(HttpClient client, string url, Dictionary<string, string> fields, string formPage)
    {
        var page = await client.GetStringAsync(formPage);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("HX-Request", "true");
        return await client.SendAsync(request);
    }
}
