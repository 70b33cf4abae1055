namespace Bangfu.Platform.Audit;

/// <summary>
/// The categories of the audit trail, in Chinese as the auditor reads them (GB/T 22239-2019 8.1.4.3 b: each record
/// holds the date and time, the user, the type of event, its outcome and other audit-relevant information).
/// </summary>
public static class AuditCategories
{
    /// <summary>Sign-in, sign-out, second factor, lockout.</summary>
    public const string Authentication = "认证";
    /// <summary>Accounts, roles and region scopes granted or changed.</summary>
    public const string Permissions = "权限";
    /// <summary>A person's data seen, unmasked or changed by hand.</summary>
    public const string Person = "人员";
    public const string Import = "导入";
    public const string Export = "导出";
    /// <summary>The monthly round (月度走访): situations recorded, months closed.</summary>
    public const string Round = "走访";
    public const string Approval = "审批";
    /// <summary>Keys, security settings.</summary>
    public const string Security = "安全";
    /// <summary>The audit trail itself (verification, retention), start-up.</summary>
    public const string System = "系统";

    public static IReadOnlyList<string> All { get; } =
        [Authentication, Permissions, Person, Import, Export, Round, Approval, Security, System];
}

/// <summary>Names of the events the modules record, with the Chinese label the auditor's page shows.</summary>
public static class AuditEvents
{
    public const string PersonView = "person.view";
    public const string PersonList = "person.list";
    public const string PersonUnmask = "person.unmask";
    public const string QualityConfirm = "quality.confirm";
    public const string ImportCheck = "import.check";
    public const string ImportCommit = "import.commit";
    public const string ExportRoster = "export.roster";
    public const string ExportPersonList = "export.person_list";
    public const string ExportQualityIssues = "export.quality_issues";
    public const string ExportImportFindings = "export.import_findings";
    public const string ExportDispatch = "export.dispatch";
    public const string ExportFigurePeople = "export.figure_people";
    public const string ExportVillageList = "export.village_list";
    public const string ExportAudit = "export.audit";
    public const string ExportTransport = "export.transport";
    public const string ExportServicesReport = "export.services_report";
    public const string RoundSet = "round.set";
    public const string RoundClose = "round.close";
    public const string UserCreate = "user.create";
    public const string KeyRotate = "keys.rotate";
    public const string KeyActivate = "keys.activate";
    public const string KeyReencrypt = "keys.reencrypt";
    public const string AuditVerify = "audit.verify";
    public const string AuditTrim = "audit.trim";

    /// <summary>Every event name above with its Chinese label.</summary>
    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>
    {
        [PersonView] = "查看人员详情",
        [PersonList] = "查看人员名单",
        [PersonUnmask] = "查看完整证件号码和电话",
        [QualityConfirm] = "数据质量问题已核实",
        [ImportCheck] = "花名册检查（试导入）",
        [ImportCommit] = "花名册确认入库",
        [ExportRoster] = "导出花名册（47 列）",
        [ExportPersonList] = "导出人员清单",
        [ExportQualityIssues] = "导出数据质量问题",
        [ExportImportFindings] = "下载导入检查结果",
        [ExportDispatch] = "导出月调度",
        [ExportFigurePeople] = "导出报表数字背后的名单",
        [ExportVillageList] = "导出村级清单",
        [ExportAudit] = "导出审计日志",
        [ExportTransport] = "导出点对点输送统计或名单",
        [ExportServicesReport] = "导出就业服务统计",
        [RoundSet] = "月度走访登记变化",
        [RoundClose] = "月度走访关账",
        [UserCreate] = "创建用户并分配角色",
        [KeyRotate] = "新增个人信息加密密钥",
        [KeyActivate] = "启用个人信息加密密钥",
        [KeyReencrypt] = "个人信息重新加密",
        [AuditVerify] = "校验审计日志",
        [AuditTrim] = "按保留期清理审计日志",
        // Accounts (the Identity module's names).
        ["sign-in"] = "登录成功",
        ["sign-in.failed"] = "登录失败",
        ["sign-out"] = "退出登录",
        ["lockout"] = "账号锁定",
        ["password.changed"] = "修改密码",
        ["2fa.enrolled"] = "绑定手机验证器",
        ["2fa.recovery-codes"] = "重新生成恢复码",
        ["session.ended"] = "会话结束",
        ["user.disabled"] = "停用账号",
        ["user.enabled"] = "启用账号",
        ["password.reset"] = "重置密码",
        ["user.unlocked"] = "解除锁定",
        ["role.changed"] = "修改角色或管辖区划",
    };

    /// <summary>The Chinese label of an event name; the name itself when it has none (events of other modules).</summary>
    public static string Label(string name) => Labels.TryGetValue(name, out var label) ? label : name;
}
