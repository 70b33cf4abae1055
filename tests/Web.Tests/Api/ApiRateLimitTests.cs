using System.Net;

namespace Bangfu.Web.Tests.Api;

/// <summary>The API's person lists and uploads count against the same per-user limits as the pages.</summary>
public sealed class ApiRateLimitTests : ApiTest
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Security:ListsPerMinute"] = "2",
    };

    [Fact]
    public async Task Person_lists_through_the_api_are_limited_per_user_with_a_429_problem()
    {
        var officer = TokenClient(await TokenAsync(await OfficerAsync("hejiawan", Hejiawan)));
        var neighbour = TokenClient(await TokenAsync(await OfficerAsync("linju", "430182106210")));
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/registry/people?region={Hejiawan}")).StatusCode);

        var over = await officer.GetAsync($"/api/v1/registry/people?region={Hejiawan}");

        var problem = await ProblemAsync(over, HttpStatusCode.TooManyRequests);
        Assert.Contains("频繁", problem.GetProperty("title").GetString() + problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await neighbour.GetAsync("/api/v1/registry/people")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/v1/regions")).StatusCode);
    }
}
