using System.CommandLine;
using System.Text;
using Bangfu.Cli.Commands;
using Bangfu.Cli.Generate;

namespace Bangfu.Cli.Tests.Generate;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("bangfu-generate-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static int Run(params string[] args)
    {
        var root = new RootCommand { GenerateCommands.Create() };
        return root.Parse(args).Invoke();
    }

    [Fact]
    public void The_command_writes_the_rows_asked_for_without_a_database()
    {
        var path = Path.Combine(directory, "roster.csv");
        // Were the command to start the application host, it would create its database in the data directory.
        var dataDirectory = Path.Combine(directory, "data");
        var before = Environment.GetEnvironmentVariable("Bangfu__DataDirectory");
        Environment.SetEnvironmentVariable("Bangfu__DataDirectory", dataDirectory);
        try
        {
            Assert.Equal(0, Run("generate", path, "--persons", "500", "--seed", "4", "--counties", "2"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("Bangfu__DataDirectory", before);
        }
        Assert.False(Directory.Exists(dataDirectory));
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        Assert.Equal(string.Join(',', RosterGenerator.Header), lines[0]);
        Assert.Equal(501, lines.Length);
        Assert.Equal(2, lines.Skip(1).Select(l => l.Split(',')[2]).Distinct().Count());
    }

    [Fact]
    public void The_format_follows_the_extension_and_the_year_fills_the_year_column()
    {
        var path = Path.Combine(directory, "roster.xlsx");
        Assert.Equal(0, Run("generate", path, "--rows", "50", "--year", "2022"));
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        Assert.NotNull(zip.GetEntry("xl/worksheets/sheet1.xml"));
        var rows = MiniExcelLibs.MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(50, rows.Count);
        Assert.All(rows, r => Assert.Equal("2022", r["年度"]));
    }

    [Theory]
    [InlineData("roster.txt")]
    [InlineData("roster.xlsx", "--encoding", "gb18030")]
    [InlineData("roster.csv", "--counties", "0")]
    [InlineData("roster.csv", "--province", "99")]
    public void Bad_arguments_end_with_an_error_and_no_file(string name, params string[] more)
    {
        var path = Path.Combine(directory, name);
        Assert.NotEqual(0, Run(["generate", path, "--rows", "10", .. more]));
        Assert.False(File.Exists(path));
    }
}
