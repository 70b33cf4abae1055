namespace Bangfu.Registry.Contracts;

/// <summary>A person's phone as stored: the ciphertext (PersonalDataProtector layout) and its masked form.</summary>
public sealed record PersonPhone(Guid PersonId, byte[] Cipher, string Masked);

/// <summary>
/// The stored phone numbers of people, for modules that send them messages (the outbox of job pushes). Only the
/// ciphertext leaves the registry; whoever sends decrypts at the moment of sending. People outside the caller's scope
/// and people without a phone are left out.
/// </summary>
public interface IPersonContacts
{
    Task<IReadOnlyDictionary<Guid, PersonPhone>> PhonesAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken = default);
}
