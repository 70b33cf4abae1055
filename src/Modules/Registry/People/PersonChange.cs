using Bangfu.Platform.Scope;

namespace Bangfu.Registry.People;

/// <summary>
/// One changed field of a person, recorded when an import (or an edit) changes it: old and new value, masked when
/// the field is personal (ID number, phone).
/// </summary>
public sealed class PersonChange : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string CountyCode { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public Guid PersonId { get; set; }
    public Guid? ImportId { get; set; }
    public string Field { get; set; } = "";
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public string? ChangedBy { get; set; }
}
