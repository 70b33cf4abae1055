using Bangfu.Platform.Scope;
using Bangfu.Platform.Security;
using Bangfu.Registry.Regions;

namespace Bangfu.Registry.RosterImport;

/// <summary>Creates a <see cref="RosterRowParser"/> for a file's columns with the shared services it needs.</summary>
public sealed class RosterRowParserFactory(PersonalDataProtector protector, RegionDirectory regions, PlaceResolver places, TimeProvider clock)
{
    public TimeProvider Clock => clock;

    public RosterRowParser Create(IReadOnlyDictionary<RosterColumn, int> columns, IReadOnlyList<string> headers, RegionScope scope) =>
        new(columns, headers, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), scope, protector, regions, places);
}
