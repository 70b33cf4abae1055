using System.CommandLine;

namespace Bangfu.Cli.Commands;

internal static class ImportCommands
{
    public static Command Create() => new("import");
}
