using System.Net;
using Bangfu.Platform.Jobs;
using Bangfu.Platform.Time;
using Bangfu.Registry.RosterImport;
using Bangfu.Testing;
using Bangfu.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Web.Tests.Reporting;

public sealed class DispatchPageTests : WebTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Services.InScope();
        await scope.Get<RosterImportService>().ImportAsync(
            new RosterImportRequest(Fixtures.SeedVillages, "seed.xlsx", Period.Parse("2021-12"), false), null as IProgress<JobProgress>, default);
    }

    [Fact]
    public async Task A_village_officer_sees_the_dispatch_of_their_village_and_its_people_but_never_another_villages()
    {
        var client = await SignInAsync("hejiawan", "430182106209");

        var own = await client.GetAsync("/Reporting/Monthly?region=430182106209&period=2021-12");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("贺家湾村", await own.Content.ReadAsStringAsync());
        var people = await client.GetStringAsync("/Reporting/Monthly/People?region=430182106209&period=2021-12&figure=Employed");
        Assert.Contains("务工就业（90 人）", people);

        foreach (var url in new[]
                 {
                     "/Reporting/Monthly?region=433124110226&period=2021-12",
                     "/Reporting/Monthly/People?region=433124110226&period=2021-12&figure=Persons",
                     "/Reporting/Monthly/People?handler=Export&region=433124110226&period=2021-12&figure=Persons",
                     "/Reporting/Monthly?region=43&period=2021-12",
                 })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Without_a_month_the_dispatch_opens_at_the_latest_month_with_data()
    {
        var client = await SignInAsync("ningxiang", "430182");
        var page = await client.GetStringAsync("/Reporting/Monthly");
        Assert.Contains("2021年12月", page);
        Assert.Contains("246", page);
    }
}
