using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;

namespace Bangfu.Employment.Fairs;

/// <summary>
/// An offline job fair (招聘会, 现场招聘会): date, venue (a village or township of the region tree and the place as
/// written), organisers, and the county bureau that manages it (<see cref="ManagingRegionCode"/>). Not personal data:
/// every officer may see a fair's figures; its attendees (<see cref="FairAttendance"/>) are scoped like people.
/// </summary>
public sealed class JobFair : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>名称, e.g. "2021年贺家湾村冬季招聘会".</summary>
    public string Name { get; set; } = "";

    /// <summary>举办日期.</summary>
    public DateOnly Date { get; set; }

    /// <summary>举办地: a village (12 digits) or township (9 digits) code.</summary>
    public string VenueRegionCode { get; set; } = "";

    /// <summary>举办地 as written (the square, the hall).</summary>
    public string? VenueText { get; set; }

    /// <summary>主办/承办单位 as written.</summary>
    public string? Organisers { get; set; }

    /// <summary>The county (6 digits) whose bureau manages the fair: the first six digits of the venue.</summary>
    public string ManagingRegionCode { get; set; } = "";

    /// <summary>Demo data loaded by <c>demo load</c> (演示数据), never real figures.</summary>
    public bool IsDemo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public long Version { get; set; }
}

/// <summary>An employer taking part in a fair (参会企业). One row per fair and employer.</summary>
public sealed class FairEmployer
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid FairId { get; set; }
    public Guid EmployerId { get; set; }
    /// <summary>展位 (booth) as written.</summary>
    public string? Booth { get; set; }
}

/// <summary>A vacancy offered at a fair (linked from the employer's vacancies or posted for the fair, source Fair).</summary>
public sealed class FairVacancy
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid FairId { get; set; }
    public Guid VacancyId { get; set; }
}

/// <summary>
/// An attendee's sign-in at a fair (签到) by ID number. Matched to the registry by the keyed hash of the number: when
/// matched, <see cref="PersonId"/> is set and the record is scoped to the person's village (<see cref="RegionCode"/>);
/// when not, it is kept scoped to the fair's county. The number is stored only encrypted, with its hash and masked form
/// (as <c>Person</c> stores it). A matched attendee is a poverty-alleviated (脱贫/监测) person of the registry.
/// </summary>
public sealed class FairAttendance : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid FairId { get; set; }

    /// <summary>The person's village (12 digits) when matched; the fair's county (6 digits) otherwise.</summary>
    public string RegionCode { get; set; } = "";

    /// <summary>The registry person when the ID number matched; null otherwise.</summary>
    public Guid? PersonId { get; set; }

    /// <summary>姓名 as given at the desk.</summary>
    public string Name { get; set; } = "";
    public byte[] IdNumberCipher { get; set; } = [];
    public byte[] IdNumberHash { get; set; } = [];
    public string IdNumberMasked { get; set; } = "";
    public DateTimeOffset SignedInAt { get; set; }
    public string? RecordedBy { get; set; }
}

/// <summary>
/// An intention reached at a fair (达成意向): an attendee and a vacancy; <see cref="Hired"/> once the employer takes the
/// person on (录用). Scoped as its attendance.
/// </summary>
public sealed class FairIntention : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid FairId { get; set; }
    public Guid AttendanceId { get; set; }
    public Guid VacancyId { get; set; }
    /// <summary>The attendance's region code (copied).</summary>
    public string RegionCode { get; set; } = "";
    public bool Hired { get; set; }
    public DateOnly? HiredOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? RecordedBy { get; set; }
}
