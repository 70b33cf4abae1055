using System.CommandLine;

namespace Bangfu.Cli.Commands;

internal static class ExportCommands
{
    public static Command Create() => new("export");
}
