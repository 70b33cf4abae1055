using System.CommandLine;

namespace Bangfu.Cli.Commands;

internal static class ReportCommands
{
    public static Command Create() => new("report");
}
