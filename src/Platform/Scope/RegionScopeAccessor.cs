namespace Bangfu.Platform.Scope;

/// <summary>
/// The region scope of the current unit of work (a web request, a CLI command, a background job).
/// Starts as <see cref="RegionScope.None"/>; the host sets it from the signed-in user, the CLI from its operator.
/// </summary>
public sealed class RegionScopeAccessor
{
    public RegionScope Scope { get; set; } = RegionScope.None;
}
