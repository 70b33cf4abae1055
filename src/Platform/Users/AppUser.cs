using Microsoft.AspNetCore.Identity;

namespace Bangfu.Platform.Users;

/// <summary>
/// An account: an officer (with one region scope), an administrator, an employer or a jobseeker.
/// ASP.NET Core Identity keeps the password hash, lockout and security stamp; Bangfu adds the scope and the
/// password-age facts the level-3 protection rules (GB/T 22239-2019 8.1.4.1) need.
/// </summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>Display name (官员姓名或单位名称).</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Region scope as a division-code prefix; empty for nationwide roles; null for no scope (sees no data).</summary>
    public string? RegionCode { get; set; }

    /// <summary>Set for a generated password: the user must choose a new one at first sign-in.</summary>
    public bool MustChangePassword { get; set; }

    public DateTimeOffset? PasswordChangedAt { get; set; }

    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class AppRole : IdentityRole
{
    public AppRole() { }
    public AppRole(string name) : base(name) { }

    /// <summary>Chinese display name of the role.</summary>
    public string DisplayName { get; set; } = "";
}
