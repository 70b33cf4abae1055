namespace Bangfu.Identity;

/// <summary>
/// Names of the authentication events in the audit trail: sign-in and its failures, lockouts, password and
/// second-factor changes and sessions (category 认证, <see cref="Category"/>); account and role administration
/// (category 权限, <see cref="AdministrationCategory"/>). GB/T 22239-2019 8.1.4.3 a-b: audit covers every user and the
/// important security events, each with date, time, user, type and result.
/// </summary>
public static class AuthenticationEvents
{
    public const string Category = Platform.Audit.AuditCategories.Authentication;

    /// <summary>Accounts created, disabled, enabled, reset, unlocked; roles and scopes changed.</summary>
    public const string AdministrationCategory = Platform.Audit.AuditCategories.Permissions;

    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in.failed";
    public const string SignOut = "sign-out";
    public const string Lockout = "lockout";
    public const string PasswordChanged = "password.changed";
    public const string SecondFactorEnrolled = "2fa.enrolled";
    public const string RecoveryCodesRenewed = "2fa.recovery-codes";
    public const string SessionEnded = "session.ended";
    public const string UserCreated = Platform.Audit.AuditEvents.UserCreate;
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string PasswordReset = "password.reset";
    public const string Unlocked = "user.unlocked";
    public const string RoleChanged = "role.changed";
}
