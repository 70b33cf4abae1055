namespace Bangfu.Platform.Scope;

/// <summary>
/// Person-level data that belongs to a region. <see cref="Data.AppDbContext"/> adds a global query filter to every
/// entity implementing this, so a query only ever sees rows whose <see cref="RegionCode"/> lies in the caller's
/// <see cref="RegionScope"/>.
/// </summary>
public interface IRegionScoped
{
    /// <summary>The most specific region the record belongs to (usually the 12-digit village code).</summary>
    string RegionCode { get; }
}
