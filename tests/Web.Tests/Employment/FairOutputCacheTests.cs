using System.Net;
using Bangfu.Employment.Fairs;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Web.Tests.Employment;

/// <summary>
/// The online fair's search in the output cache (Pages/Fair/FairOutputCache), with a lifetime longer than any test so
/// that what the cache serves is decided by the rules, not by timing. A change written straight to the table is one the
/// host does not hear of (as if another instance made it): a cached page does not show it, a fresh page does.
/// </summary>
public sealed class FairOutputCacheTests : FairWebTest
{
    private const string Guards = "/Fair?occupation=4-07-05-01";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Fair:SearchCacheSeconds"] = "600" };

    private async Task<FairVacancyItem> GuardAsync() =>
        (await SearchAsync(new FairSearch(Occupation: "4-07-05-01"))).Items.First(i => i.Title == "保安员");

    private async Task RenameUnheardAsync(Guid vacancyId, string title)
    {
        await using var scope = Services.InScope();
        await scope.Get<AppDbContext>().Set<Vacancy>().Where(v => v.Id == vacancyId).ExecuteUpdateAsync(s => s.SetProperty(v => v.Title, title));
    }

    private static async Task<string> HtmlAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_search_is_cached_for_anonymous_visitors_without_a_cookie_or_token_and_never_for_a_signed_in_user()
    {
        var guard = await GuardAsync();
        var anonymous = Client();
        var first = await anonymous.GetAsync(Guards);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Set-Cookie"));
        var html = await first.Content.ReadAsStringAsync();
        Assert.DoesNotContain("RequestVerificationToken", html);
        Assert.Contains($"/Fair/Vacancy/{guard.Id}", html);

        await RenameUnheardAsync(guard.Id, "夜班保安员");
        Assert.DoesNotContain("夜班保安员", await HtmlAsync(anonymous, Guards)); // served from the cache

        // A signed-in officer is not served the cached page ...
        var officer = await SignInAsync("ningxiang", "430182");
        var officers = await officer.GetAsync(Guards);
        Assert.Contains("no-store", officers.Headers.CacheControl?.ToString());
        var officersHtml = WebUtility.HtmlDecode(await officers.Content.ReadAsStringAsync());
        Assert.Contains("夜班保安员", officersHtml);
        Assert.Contains("RequestVerificationToken", officersHtml); // the layout's htmx header, for signed-in pages

        // ... and his page is not stored for anyone else: the next anonymous visitor of the same search gets a fresh one.
        const string other = Guards + "&minWage=1000";
        Assert.Contains("夜班保安员", await HtmlAsync(officer, other));
        await RenameUnheardAsync(guard.Id, "早班保安员");
        Assert.Contains("早班保安员", await HtmlAsync(anonymous, other));
    }

    [Fact]
    public async Task A_filled_vacancy_leaves_the_cached_search_at_once()
    {
        var guard = await GuardAsync();
        var anonymous = Client();
        Assert.Contains($"/Fair/Vacancy/{guard.Id}", await HtmlAsync(anonymous, Guards));
        await RenameUnheardAsync(guard.Id, "夜班保安员");
        Assert.DoesNotContain("夜班保安员", await HtmlAsync(anonymous, Guards)); // the page is cached

        await using (var scope = Services.InScope(RegionScope.Of("430182")))
            Assert.NotNull(await scope.Get<VacancyService>().MarkFilledAsync(guard.Id));

        var after = await HtmlAsync(anonymous, Guards);
        Assert.DoesNotContain($"/Fair/Vacancy/{guard.Id}", after);
        var rest = await SearchAsync(new FairSearch(Occupation: "4-07-05-01")); // the other guard posts are still there
        Assert.NotEmpty(rest.Items);
        Assert.All(rest.Items, i => Assert.Contains($"/Fair/Vacancy/{i.Id}", after));
    }
}
