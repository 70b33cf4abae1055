namespace Bangfu.Registry.Contracts;

/// <summary>A checked resident ID number: the normalised value and its masked form, or the Chinese error.</summary>
public sealed record IdNumberCheck(string? Value, string? Masked, string? Error)
{
    public bool IsValid => Error is null;
}

/// <summary>The registry person a number or phone belongs to: where they live (12-digit village) and their county.</summary>
public sealed record PersonMatch(Guid PersonId, string CountyCode, string RegionCode);

/// <summary>
/// Matches outside input (a fair's sign-in desk, the online fair's interest form) to registered people without
/// decrypting anything: by the keyed hash of the ID number or of the phone (PersonalDataProtector.Hash, as the roster
/// import stores them). Searches within the caller's region scope; a registry-wide match is a system task run with the
/// nationwide scope. Nothing matched is null.
/// </summary>
public interface IPersonMatcher
{
    /// <summary>Checks a resident ID number (GB 11643-1999: 18 characters, birth date, check character; 15-digit numbers converted).</summary>
    IdNumberCheck CheckIdNumber(string? text);

    /// <summary>The person whose ID number is <paramref name="normalisedIdNumber"/> (a <see cref="IdNumberCheck.Value"/>).</summary>
    Task<PersonMatch?> ByIdNumberAsync(string normalisedIdNumber, CancellationToken cancellationToken = default);

    /// <summary>
    /// The person whose ID number is <paramref name="normalisedIdNumber"/> and whose name is exactly <paramref name="name"/>:
    /// for input nobody has checked against the ID card (the online fair), where an ID number alone, known or guessed,
    /// must not attach a stranger's request to a registered person.
    /// </summary>
    Task<PersonMatch?> ByIdNumberAndNameAsync(string normalisedIdNumber, string name, CancellationToken cancellationToken = default);

    /// <summary>The person with exactly this name and this 11-digit phone.</summary>
    Task<PersonMatch?> ByNameAndPhoneAsync(string name, string phoneDigits, CancellationToken cancellationToken = default);
}
