using Bangfu.Platform.Scope;

namespace Bangfu.Employment.Transport;

/// <summary>
/// A registered person on a transport batch. Region-scoped by the person's home village (<see cref="RegionCode"/>), so
/// an officer sees only the passengers of his own scope, whoever organised the batch.
/// <para><see cref="BookedDate"/> is the batch's date while the batch is not cancelled and null once it is: the unique
/// index on (county, person, booked date) keeps a person off two batches of the same date on both databases (NULLs are
/// distinct in a unique index on SQLite and PostgreSQL alike), while a cancelled batch keeps its list.</para>
/// </summary>
public sealed class TransportPassenger : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string CountyCode { get; set; } = "";

    /// <summary>Home village of the person (12 digits).</summary>
    public string RegionCode { get; set; } = "";
    public Guid BatchId { get; set; }
    public Guid PersonId { get; set; }
    public DateOnly? BookedDate { get; set; }

    /// <summary>已上车.</summary>
    public bool Boarded { get; set; }

    /// <summary>到达日期: the day the person arrived, as confirmed; its month is the month the person counts as employed.</summary>
    public DateOnly? ArrivedOn { get; set; }
    public DateTimeOffset? ArrivalConfirmedAt { get; set; }
    public string? ArrivalConfirmedBy { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public string? AddedBy { get; set; }
}
