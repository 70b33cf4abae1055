using System.Text;
using Bangfu.Employment.Fairs;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Security;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Tests.Fairs;

public sealed class VacancyInterestTests : FairTestBase
{
    private async Task<Guid> OpenVacancyAsync()
    {
        var employer = await EmployerAsync(Ningxiang, BydCode);
        return (await PublishedAsync(Ningxiang, employer.Id, Input())).Id;
    }

    private async Task<InterestResult> RegisterAsync(Guid vacancyId, InterestInput input)
    {
        await using var scope = App.InScope(RegionScope.None); // the public: no account, no scope
        return await scope.Get<VacancyInterestService>().RegisterAsync(vacancyId, input);
    }

    private async Task<List<VacancyInterest>> StoredAsync()
    {
        await using var scope = App.InScope();
        return await scope.Get<AppDbContext>().Set<VacancyInterest>().AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task Invalid_forms_are_refused_with_chinese_errors_naming_the_field_and_nothing_is_stored()
    {
        var vacancy = await OpenVacancyAsync();
        var good = UnknownIdNumber(3);
        var badCheck = good[..17] + (good[17] == '1' ? '2' : '1');
        var cases = new (InterestInput Input, string Field)[]
        {
            (new(null, "13800138000", null), "Name"),
            (new(new string('张', 21), "13800138000", null), "Name"),
            (new("张三", null, null), "Phone"),
            (new("张三", "1380013800", null), "Phone"),
            (new("张三", "23800138000", null), "Phone"),
            (new("张三", "13800138000", badCheck), "IdNumber"),
            (new("张三", "13800138000", "12345"), "IdNumber"),
        };
        foreach (var (input, field) in cases)
        {
            var result = await RegisterAsync(vacancy, input);
            Assert.False(result.Succeeded);
            Assert.Contains(field, result.Errors.Keys);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", result.Errors[field]);
        }
        var gone = await RegisterAsync(Guid.NewGuid(), new("张三", "13800138000", null));
        Assert.Contains("停止招聘", gone.Errors[""]);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task The_same_phone_twice_for_one_vacancy_is_one_interest_and_phone_and_id_are_encrypted_at_rest()
    {
        var vacancy = await OpenVacancyAsync();
        var id = UnknownIdNumber();
        Assert.True((await RegisterAsync(vacancy, new("王五", "139 0000 1111", id))).Succeeded);
        Assert.True((await RegisterAsync(vacancy, new("王五", "13900001111", null))).Succeeded);
        var row = Assert.Single(await StoredAsync());
        Assert.Equal(InterestState.New, row.State);
        Assert.Null(row.PersonId);
        Assert.Equal(Ningxiang, row.RegionCode); // not in the registry: the vacancy's county follows up
        Assert.Equal(Masking.Phone("13900001111"), row.PhoneMasked);
        Assert.Equal(Masking.IdNumber(id), row.IdNumberMasked);
        foreach (var plain in new[] { "13900001111", id })
        {
            Assert.DoesNotContain(plain, Encoding.UTF8.GetString(row.PhoneCipher));
            Assert.DoesNotContain(plain, Encoding.UTF8.GetString(row.IdNumberCipher!));
            Assert.DoesNotContain(plain, row.PhoneMasked);
        }
        await using var scope = App.InScope();
        var protector = scope.Get<PersonalDataProtector>();
        Assert.Equal("13900001111", protector.Decrypt(row.PhoneCipher));
        Assert.Equal(id, protector.Decrypt(row.IdNumberCipher!));
    }

    [Fact]
    public async Task A_registry_person_is_matched_by_id_or_by_name_and_phone_and_the_answer_is_the_same_as_for_anyone()
    {
        var vacancy = await OpenVacancyAsync();
        var byId = await PersonAsync(Hejiawan);
        var byPhone = await PersonAsync(Shibadong, withPhone: true);
        var stranger = await RegisterAsync(vacancy, new("路人甲", "13700000001", UnknownIdNumber(7)));
        var matchedById = await RegisterAsync(vacancy, new(byId.Name, "13700000002", byId.IdNumber));
        var matchedByPhone = await RegisterAsync(vacancy, new(byPhone.Name, byPhone.Phone, null));
        // Nothing in the answer tells the public whether a match happened.
        Assert.Equal(stranger.Errors, matchedById.Errors);
        Assert.Equal(stranger.Errors, matchedByPhone.Errors);
        Assert.True(stranger.Succeeded);

        var rows = await StoredAsync();
        Assert.Equal(3, rows.Count);
        var a = rows.Single(r => r.Name == byId.Name && r.PersonId == byId.Id);
        Assert.Equal(byId.RegionCode, a.RegionCode);
        var b = rows.Single(r => r.PersonId == byPhone.Id);
        Assert.Equal(byPhone.RegionCode, b.RegionCode);
        Assert.Null(rows.Single(r => r.Name == "路人甲").PersonId);

        // Follow-up lists: each officer sees the interests in their scope only.
        async Task<IReadOnlyList<InterestListItem>> ListAs(string region)
        {
            await using var scope = As(region);
            return await scope.Get<VacancyInterestService>().ListAsync(null);
        }
        Assert.Equal([a.Id], (await ListAs(Hejiawan)).Select(i => i.Id));
        Assert.Equal([b.Id], (await ListAs(Shibadong)).Select(i => i.Id));
        Assert.Equal(rows.Where(r => r.RegionCode.StartsWith(Ningxiang)).Select(r => r.Id).ToHashSet(), (await ListAs(Ningxiang)).Select(i => i.Id).ToHashSet());
        Assert.DoesNotContain(a.Id, (await ListAs(Huayuan)).Select(i => i.Id));

        // Reading the full phone is audited; outside the scope it is not found.
        await using (var scope = As(Hejiawan))
            Assert.Equal("13700000002", await scope.Get<VacancyInterestService>().RevealPhoneAsync(a.Id));
        await using (var scope = As(Huayuan))
            Assert.Null(await scope.Get<VacancyInterestService>().RevealPhoneAsync(a.Id));
        Assert.Single(await App.EntriesAsync(VacancyInterestService.RevealEvent));
    }
}
