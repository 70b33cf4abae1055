using Bangfu.Cli.Generate;
using Bangfu.Registry.RosterImport;

namespace Bangfu.Cli.Tests.Generate;

/// <summary>50,000 generated rows of one seed, shared by the tests that check what the rows say.</summary>
public sealed class GeneratedRoster
{
    public const int Seed = 7;
    public const int Size = 50_000;
    public static readonly DateOnly ReferenceDate = new(2021, 12, 31);

    public GeneratedRoster()
    {
        Generator = new RosterGenerator(new RosterGeneratorOptions { Rows = Size, Seed = Seed, Counties = 4 });
        Rows = Generator.Rows().ToList();
    }

    public RosterGenerator Generator { get; }
    public IReadOnlyList<string[]> Rows { get; }

    public static int Column(RosterColumn column)
    {
        for (var i = 0; i < RosterLayout.ExportColumns.Count; i++)
            if (RosterLayout.ExportColumns[i].Column == column) return i;
        throw new ArgumentOutOfRangeException(nameof(column));
    }
}

[CollectionDefinition(Name)]
public sealed class GeneratedRosterCollection : ICollectionFixture<GeneratedRoster>
{
    public const string Name = "generated roster";
}
