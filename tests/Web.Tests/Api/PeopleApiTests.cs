using System.Net;
using System.Net.Http.Json;
using Bangfu.Platform.Security;
using Bangfu.Testing;
using Microsoft.Extensions.DependencyInjection;
using P = Bangfu.Platform.Security.Permissions;

namespace Bangfu.Web.Tests.Api;

public sealed class PeopleApiTests : ApiTest
{
    [Fact]
    public async Task Searching_by_id_number_posts_the_number_and_answers_only_masked_identifiers()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var person = await PersonAsync(Hejiawan);
        var other = await PersonAsync(Shibadong);
        var protector = Services.GetRequiredService<PersonalDataProtector>();
        var idNumber = protector.Decrypt(person.IdNumberCipher);
        var client = TokenClient(await TokenAsync(await OfficerAsync("hejiawan", Hejiawan)));

        var response = await client.PostAsJsonAsync("/api/v1/registry/people/by-id-number", new { id_number = idNumber });
        var body = await response.Content.ReadAsStringAsync();
        var found = await JsonAsync(response);

        Assert.Equal(person.Id, found.EnumerateArray().Single().GetProperty("id").GetGuid());
        Assert.Equal(Masking.IdNumber(idNumber), found[0].GetProperty("id_number_masked").GetString());
        Assert.DoesNotContain(idNumber, body);
        var outside = await ProblemAsync(await client.PostAsJsonAsync("/api/v1/registry/people/by-id-number",
            new { id_number = protector.Decrypt(other.IdNumberCipher) }), HttpStatusCode.NotFound);
        Assert.DoesNotContain(other.Name, outside.ToString());
        var invalid = await ProblemAsync(await client.PostAsJsonAsync("/api/v1/registry/people/by-id-number", new { id_number = "" }), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("id_number", out _));
        // There is no way to put the number in a URL.
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/registry/people/by-id-number?id_number={idNumber}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/registry/people?id_number={idNumber}&region={Shibadong}")).StatusCode);
    }

    [Fact]
    public async Task The_people_list_pages_by_keyset_through_the_whole_village_once()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var client = TokenClient(await TokenAsync(await OfficerAsync("hejiawan", Hejiawan)));

        var seen = new List<Guid>();
        string? next = "/api/v1/registry/people?limit=100";
        while (next is not null)
        {
            var page = await JsonAsync(await client.GetAsync(next));
            Assert.Equal(246, page.GetProperty("total").GetInt32());
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            next = page.GetProperty("next").GetString();
        }

        Assert.Equal(246, seen.Count);
        Assert.Equal(246, seen.Distinct().Count());
    }

    [Fact]
    public async Task A_name_filter_travels_in_the_body_and_names_are_masked_without_the_full_names_permission()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var person = await PersonAsync(Hejiawan);
        var officer = await OfficerAsync("hejiawan", Hejiawan);
        var full = TokenClient(await TokenAsync(officer, [P.RegistryView, P.RegistryFullNames]));
        var masked = TokenClient(await TokenAsync(officer, [P.RegistryView]));

        var byName = await JsonAsync(await full.PostAsJsonAsync("/api/v1/registry/people/search", new { name = person.Name }));
        Assert.Contains(byName.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == person.Id && i.GetProperty("name").GetString() == person.Name);

        var record = await JsonAsync(await masked.GetAsync($"/api/v1/registry/people/{person.Id}"));
        Assert.Equal(Masking.Name(person.Name), record.GetProperty("name").GetString());
        Assert.DoesNotContain(record.GetProperty("fields").EnumerateArray(), f => f.GetProperty("column").GetString() == "健康状况");
        var fullRecord = await JsonAsync(await full.GetAsync($"/api/v1/registry/people/{person.Id}"));
        Assert.Equal(47 - 7, fullRecord.GetProperty("fields").GetArrayLength());
        Assert.Equal(person.Name, fullRecord.GetProperty("name").GetString());
        var invalid = await ProblemAsync(await full.GetAsync("/api/v1/registry/people?labour_capacity=不存在&limit=0"), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("labour_capacity", out _));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("limit", out _));
    }
}
