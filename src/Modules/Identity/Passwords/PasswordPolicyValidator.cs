using Bangfu.Platform.Users;
using Microsoft.AspNetCore.Identity;

namespace Bangfu.Identity.Passwords;

/// <summary>
/// The password rules of GB/T 22239-2019 8.1.4.1 a (身份标识具有唯一性，身份鉴别信息具有复杂度要求) as evaluators apply them
/// at level 3, with ASVS 5.0 6.2: at least 8 characters; at least three of the four classes upper case, lower case,
/// digit and symbol; not a common password (<see cref="CommonPasswords"/>); not containing the user name.
/// Errors carry Chinese descriptions; codes are stable for tests.
/// </summary>
public sealed class PasswordPolicyValidator : IPasswordValidator<AppUser>
{
    public const int MinimumLength = 8;
    public const int MinimumClasses = 3;

    /// <summary>The rule in one sentence, for forms.</summary>
    public const string Description = "至少 8 位，包含大写字母、小写字母、数字、符号中的至少三类；不能是常见密码，不能包含用户名。";

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(Validate(user.UserName, password ?? ""));

    /// <summary>Checks a password against the policy; <paramref name="userName"/> may be null (no name check).</summary>
    public static IdentityResult Validate(string? userName, string password)
    {
        var errors = new List<IdentityError>();
        if (password.Length < MinimumLength)
            errors.Add(new IdentityError { Code = "PasswordTooShort", Description = $"密码至少 {MinimumLength} 位。" });
        if (ClassCount(password) < MinimumClasses)
            errors.Add(new IdentityError { Code = "PasswordClasses", Description = "密码须包含大写字母、小写字母、数字、符号中的至少三类。" });
        if (CommonPasswords.IsCommon(password))
            errors.Add(new IdentityError { Code = "PasswordCommon", Description = "这是常见密码（或其简单变形），容易被猜中，请换一个。" });
        if (userName is { Length: >= 3 } name && ContainsName(password, name))
            errors.Add(new IdentityError { Code = "PasswordContainsUserName", Description = "密码不能包含用户名。" });
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    /// <summary>How many of the four classes (upper, lower, digit, symbol) occur; letters without case (汉字) count as symbols.</summary>
    public static int ClassCount(string password)
    {
        bool upper = false, lower = false, digit = false, symbol = false;
        foreach (var c in password)
        {
            if (char.IsAsciiLetterUpper(c)) upper = true;
            else if (char.IsAsciiLetterLower(c)) lower = true;
            else if (char.IsAsciiDigit(c)) digit = true;
            else if (!char.IsWhiteSpace(c)) symbol = true;
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    private static bool ContainsName(string password, string userName)
    {
        var reversed = new string(userName.Reverse().ToArray());
        return password.Contains(userName, StringComparison.OrdinalIgnoreCase) || password.Contains(reversed, StringComparison.OrdinalIgnoreCase);
    }
}
