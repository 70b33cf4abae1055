using System.Net;
using System.Text.RegularExpressions;
using Bangfu.Employment.Contracts;
using Bangfu.Platform.Time;
using Bangfu.Registry.Contracts;
using Bangfu.Testing;

namespace Bangfu.Web.Tests.Employment;

/// <summary>A batch's destination is named as written from the province down, never by the placeholder 市辖区.</summary>
public sealed class TransportDestinationNamesTests : SeedVillagesWebTest
{
    private const string Ningxiang = "430182";

    private static Dictionary<string, string> Fields(string destination) => new()
    {
        ["Input.OrganiserRegionCode"] = Ningxiang, ["Input.Organiser"] = "宁乡市人社局", ["Input.TravelDate"] = "2022-02-10",
        ["Input.OriginRegionCode"] = Ningxiang, ["Input.DestinationRegionCode"] = destination, ["Input.EmployerName"] = "",
        ["Input.Mode"] = "Bus", ["Input.Seats"] = "45", ["Input.PaidBy"] = "Government",
    };

    [Fact]
    public async Task The_batch_list_names_a_Beijing_destination_北京市_and_an_arrival_there_records_北京市_not_市辖区()
    {
        var client = await SignInAsync("ningxiang", Ningxiang);
        var ids = new List<Guid>();
        foreach (var destination in new[] { "1101", "110105" })
        {
            var created = await PostFormAsync(client, "/Employment/Transport/Edit", Fields(destination));
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            ids.Add(Guid.Parse(Regex.Match(created.Headers.Location!.OriginalString, "id=([0-9a-f-]{36})").Groups[1].Value));
        }
        var list = WebUtility.HtmlDecode(await client.GetStringAsync("/Employment/Transport"));
        Assert.Contains("2022-02-10 · 宁乡市 → 北京市</strong>", list);
        Assert.Contains("2022-02-10 · 宁乡市 → 北京市朝阳区</strong>", list);
        Assert.DoesNotContain("市辖区", list);

        // Arrival without an employer: the situation names the place, not the placeholder.
        PersonSummary person;
        await using (var scope = Services.InScope())
            person = (await scope.Get<IPersonDirectory>().InVillageAsync(Hejiawan))[0];
        var batch = $"/Employment/Transport/Batch?id={ids[0]}";
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, $"{batch}&handler=Find", new() { ["query"] = person.PersonNumber }, batch)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, $"{batch}&handler=Depart", [], batch)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, $"{batch}&handler=Arrive", new() { ["arrivedOn"] = "2022-02-12" }, batch)).StatusCode);
        var s = (await FindAsync(person.Id, Period.Parse("2022-02"))).Situation!;
        Assert.Equal((EmploymentStatus.WageEmployed, "1101", "北京市"), (s.Status, s.WorkplaceRegionCode, s.EmployerName));
    }
}
