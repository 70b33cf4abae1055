using System.Reflection;

namespace Bangfu.Platform.Data;

/// <summary>
/// The module assemblies whose <c>IEntityTypeConfiguration&lt;T&gt;</c> classes make up the one
/// <see cref="AppDbContext"/>. Registered once by the host; the design-time factories of the migration
/// projects build the same list.
/// </summary>
public sealed class ModelAssemblies(IEnumerable<Assembly> assemblies)
{
    public IReadOnlyList<Assembly> Assemblies { get; } = assemblies.Distinct().ToArray();
}
