using System.Reflection;
using NetArchTest.Rules;

namespace Bangfu.Architecture.Tests;

/// <summary>
/// The modules' boundaries (DESIGN.md): dependencies point one way (Employment → Registry, Reporting → all,
/// everything → Platform), and a module uses another module only through its <c>Contracts</c> namespace — plus the
/// registry's reference data (the region tree and the code lists), which every module reads.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly Dictionary<string, Assembly> Modules = new()
    {
        ["Registry"] = typeof(Bangfu.Registry.RegistryModule).Assembly,
        ["Employment"] = typeof(Bangfu.Employment.EmploymentModule).Assembly,
        ["Reporting"] = typeof(Bangfu.Reporting.ReportingModule).Assembly,
        ["Identity"] = typeof(Bangfu.Identity.IdentityModule).Assembly,
    };

    private static readonly string[] ReferenceData = ["Bangfu.Registry.Regions", "Bangfu.Registry.CodeLists"];

    public static TheoryData<string, string> Pairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var from in Modules.Keys)
            foreach (var to in Modules.Keys.Where(t => t != from))
                data.Add(from, to);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void A_module_uses_another_module_only_through_its_contracts(string from, string to)
    {
        var allowed = new[] { $"Bangfu.{to}.Contracts" }.Concat(to == "Registry" ? ReferenceData : []).ToArray();
        var internals = Modules[to].GetTypes()
            .Where(t => t.Namespace is not null && !allowed.Any(a => t.Namespace == a || t.Namespace.StartsWith(a + ".", StringComparison.Ordinal)))
            .Where(t => !t.Name.StartsWith('<'))
            .Select(t => t.FullName!).ToArray();
        if (internals.Length == 0) return;
        var result = Types.InAssembly(Modules[from]).ShouldNot().HaveDependencyOnAny(internals).GetResult();
        Assert.True(result.IsSuccessful, $"{from} uses internals of {to}: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Theory]
    [InlineData("Registry", "Employment")]
    [InlineData("Registry", "Reporting")]
    [InlineData("Registry", "Identity")]
    [InlineData("Employment", "Reporting")]
    [InlineData("Identity", "Registry")]
    [InlineData("Identity", "Employment")]
    [InlineData("Identity", "Reporting")]
    public void Dependencies_point_one_way(string from, string to)
    {
        Assert.DoesNotContain(Modules[from].GetReferencedAssemblies(), a => a.Name == Modules[to].GetName().Name);
    }

    [Fact]
    public void The_platform_knows_no_module()
    {
        var platform = typeof(Bangfu.Platform.Data.AppDbContext).Assembly;
        Assert.DoesNotContain(platform.GetReferencedAssemblies(), a => Modules.Values.Any(m => m.GetName().Name == a.Name));
    }
}
