using Bangfu.Employment.Tests.Vacancies;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Data;
using Bangfu.Platform.Security;
using Bangfu.Registry.Identifiers;
using Bangfu.Registry.People;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Tests.Fairs;

/// <summary>The seed roster of five villages imported, and helpers to publish vacancies and read registry people's numbers.</summary>
public abstract class FairTestBase : EmploymentServicesTest
{
    public const string Hejiawan = "430182106209";
    public const string Shibadong = "433124110226";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportAsync(Fixtures.SeedVillages, "2021-12");
    }

    protected async Task<Vacancy> PublishedAsync(string county, Guid employerId, VacancyInput input)
    {
        var v = await PostAsync(county, employerId, input);
        await using var scope = As(county);
        return (await scope.Get<VacancyService>().ReviewAsync(v.Id, true, null))!;
    }

    /// <summary>A registry person of <paramref name="village"/> (the n-th by person number) with the plain ID number and phone (decrypted here, as the test knows them).</summary>
    protected async Task<(Guid Id, string Name, string RegionCode, string IdNumber, string? Phone)> PersonAsync(string village, int n = 0, bool withPhone = false)
    {
        await using var scope = App.InScope();
        var db = scope.Get<AppDbContext>();
        var protector = scope.Get<PersonalDataProtector>();
        var p = await db.Set<Person>().Where(x => x.RegionCode == village && (!withPhone || x.PhoneCipher != null))
            .OrderBy(x => x.PersonNumber).Skip(n).FirstAsync();
        return (p.Id, p.Name, p.RegionCode, protector.Decrypt(p.IdNumberCipher), p.PhoneCipher is null ? null : protector.Decrypt(p.PhoneCipher));
    }

    /// <summary>A valid ID number (GB 11643-1999 check character) that nobody in the registry has.</summary>
    protected static string UnknownIdNumber(int n = 1)
    {
        var first17 = "43012219900101" + (100 + n).ToString("D3");
        return first17 + ResidentIdNumber.CheckCharacter(first17);
    }
}
