using Bangfu.Platform.Data;
using Bangfu.Platform.Security;
using Bangfu.Registry.Contracts;
using Bangfu.Registry.Identifiers;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Registry.People;

internal sealed class PersonMatcher(AppDbContext db, PersonalDataProtector protector, TimeProvider clock) : IPersonMatcher
{
    public IdNumberCheck CheckIdNumber(string? text)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), clock.LocalTimeZone).DateTime);
        if ((text?.Length ?? 0) > 30 || ResidentIdNumber.TryParse(text, today, out var id) != ResidentIdProblem.None)
            return new IdNumberCheck(null, null, "身份证号码不正确，请核对（18 位，最后一位可能是 X）");
        return new IdNumberCheck(id!.Value, id.Masked, null);
    }

    public Task<PersonMatch?> ByIdNumberAsync(string normalisedIdNumber, CancellationToken cancellationToken = default)
    {
        var hash = protector.Hash("id", normalisedIdNumber);
        return db.Set<Person>().AsNoTracking().Where(p => p.IdNumberHash == hash)
            .OrderBy(p => p.RegionCode).Select(p => new PersonMatch(p.Id, p.CountyCode, p.RegionCode)).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<PersonMatch?> ByIdNumberAndNameAsync(string normalisedIdNumber, string name, CancellationToken cancellationToken = default)
    {
        var hash = protector.Hash("id", normalisedIdNumber);
        return db.Set<Person>().AsNoTracking().Where(p => p.IdNumberHash == hash && p.Name == name)
            .OrderBy(p => p.RegionCode).Select(p => new PersonMatch(p.Id, p.CountyCode, p.RegionCode)).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<PersonMatch?> ByNameAndPhoneAsync(string name, string phoneDigits, CancellationToken cancellationToken = default)
    {
        var hash = protector.Hash("phone", phoneDigits);
        return db.Set<Person>().AsNoTracking().Where(p => p.PhoneHash == hash && p.Name == name)
            .OrderBy(p => p.RegionCode).Select(p => new PersonMatch(p.Id, p.CountyCode, p.RegionCode)).FirstOrDefaultAsync(cancellationToken);
    }
}
