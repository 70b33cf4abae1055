using System.Text.Json;
using Bangfu.Employment.Transport;
using Bangfu.Registry.Contracts;
using Bangfu.Testing;

namespace Bangfu.Cli.Tests.Transport;

/// <summary><c>transport report</c> on the seed roster with one departed batch of three people of 贺家湾村.</summary>
public sealed class TransportReportCommandTests : DatabaseTest
{
    [Fact]
    public async Task The_report_command_prints_the_people_carried_per_township_as_json_and_refuses_a_bad_period()
    {
        await ImportAsync(Fixtures.SeedVillages, "2021-12");
        await using (var scope = Services.InScope())
        {
            var people = await scope.Get<IPersonDirectory>().InVillageAsync("430182106209");
            var transport = scope.Get<TransportService>();
            var (id, errors) = await transport.CreateAsync(new TransportBatchInput("430182", "宁乡市人社局", new DateOnly(2022, 2, 10), "430182", "4403",
                null, null, TransportMode.CharteredBus, 40, 8000m, TransportPayer.Employer, null), "测试", default);
            Assert.Empty(errors);
            foreach (var person in people.Take(3)) await transport.AddPassengerAsync(id!.Value, person.Id, "测试", default);
            await transport.DepartAsync(id!.Value, default);
        }

        var (code, output, error) = await CliProcess.RunAsync(Database, "transport", "report", "--period", "2022-Q1", "--region", "430182", "--json");

        Assert.True(code == 0, error);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        var township = rows.Single(r => r.GetProperty("region").GetString() == "430182106");
        Assert.Equal((3, 3, 0, 3), (township.GetProperty("trips").GetInt32(), township.GetProperty("persons").GetInt32(),
            township.GetProperty("arrived").GetInt32(), township.GetProperty("outside_province").GetInt32()));
        Assert.Equal(3, rows[^1].GetProperty("trips").GetInt32());
        var (bad, _, message) = await CliProcess.RunAsync(Database, "transport", "report", "--period", "2022-Q5");
        Assert.Equal(2, bad);
        Assert.Contains("格式不对", message);
    }
}
