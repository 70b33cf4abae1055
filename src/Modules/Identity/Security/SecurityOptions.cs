namespace Bangfu.Identity.Security;

/// <summary>
/// Account security settings, section <c>Security</c> of the configuration. The defaults are those of
/// GB/T 22239-2019 level 3 as evaluators apply them (8.1.4.1 identification: complexity and periodic change;
/// 8.1.4.1 b: lockout after repeated failures and session timeout) and of ASVS 5.0 level 2.
/// </summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Days after which a password must be changed (GB/T 22239-2019 8.1.4.1 a, 定期更换); 0 turns the rule off.</summary>
    public int PasswordMaxAgeDays { get; set; } = 90;

    /// <summary>How many earlier passwords (the current one included) a new password must differ from.</summary>
    public int PasswordHistory { get; set; } = 5;

    /// <summary>Failed sign-ins that lock the account (GB/T 22239-2019 8.1.4.1 b, 登录失败处理).</summary>
    public int LockoutFailures { get; set; } = 5;

    /// <summary>Minutes an account stays locked.</summary>
    public int LockoutMinutes { get; set; } = 30;

    /// <summary>Minutes without a request after which a session ends (8.1.4.1 b, 连接超时自动退出).</summary>
    public int IdleMinutes { get; set; } = 15;

    /// <summary>Hours after sign-in after which a session ends however active it is (ASVS 5.0 7.3.2).</summary>
    public int AbsoluteHours { get; set; } = 12;

    /// <summary>Requests per client address and minute to the sign-in pages (ASVS 5.0 6.3.1, anti-automation).</summary>
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>Person lists and searches per user and minute.</summary>
    public int ListsPerMinute { get; set; } = 120;

    /// <summary>Exports per user and hour.</summary>
    public int ExportsPerHour { get; set; } = 60;

    /// <summary>Roster uploads per user and hour.</summary>
    public int ImportsPerHour { get; set; } = 20;

    /// <summary>Interest registrations on the public online fair per client address and hour (anti-automation).</summary>
    public int InterestsPerHour { get; set; } = 10;

    public TimeSpan Idle => TimeSpan.FromMinutes(IdleMinutes);
    public TimeSpan Absolute => TimeSpan.FromHours(AbsoluteHours);

    /// <summary>When a password set at <paramref name="changedAt"/> expires; null when the rule is off.</summary>
    public DateTimeOffset? PasswordExpiry(DateTimeOffset changedAt) =>
        PasswordMaxAgeDays > 0 ? changedAt.AddDays(PasswordMaxAgeDays) : null;
}
