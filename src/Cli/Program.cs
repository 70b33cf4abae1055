using System.CommandLine;
using Bangfu.Cli.Commands;

var root = new RootCommand("帮扶（Bangfu）命令行：导入花名册、生成报表、导出、管理区划和用户、生成演示数据、校验审计日志、轮换个人信息密钥。与网站读取同一配置（appsettings.json、环境变量）。");
root.Subcommands.Add(ImportCommands.Create());
root.Subcommands.Add(ReportCommands.Create());
root.Subcommands.Add(ExportCommands.Create());
root.Subcommands.Add(RegionCommands.Create());
root.Subcommands.Add(UserCommands.Create());
root.Subcommands.Add(GenerateCommands.Create());
root.Subcommands.Add(AuditCommands.Create());
root.Subcommands.Add(KeyCommands.Create());
root.Subcommands.Add(TransportCommands.Create());
root.Subcommands.Add(MatchCommands.Create());
root.Subcommands.Add(DemoCommands.Create());
return await root.Parse(args).InvokeAsync();
