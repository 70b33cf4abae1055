using Bangfu.Identity.Passwords;

namespace Bangfu.Identity.Tests.Passwords;

public sealed class PasswordPolicyValidatorTests
{
    [Theory]
    [InlineData("qingshan-liushui-7")]
    [InlineData("Tianqi-Qinglang-42")]
    [InlineData("Hetang#Yuese9")]
    [InlineData("Ceshi-Mima-2026")]
    public void A_long_enough_password_of_three_classes_that_is_not_common_passes(string password) =>
        Assert.True(PasswordPolicyValidator.Validate("cunguan", password).Succeeded);

    [Theory]
    [InlineData("abcdefgh", 1)]
    [InlineData("abcd1234", 2)]
    [InlineData("ABCD1234", 2)]
    [InlineData("Abcd1234", 3)]
    [InlineData("Abcd-1234", 4)]
    [InlineData("中文密码abc1", 3)]
    public void Classes_are_counted_as_upper_lower_digit_and_symbol(string password, int classes) =>
        Assert.Equal(classes, PasswordPolicyValidator.ClassCount(password));

    [Theory]
    [InlineData("Aa1!")]
    [InlineData("Xy7-Qw")]
    public void A_password_under_eight_characters_is_refused(string password) =>
        Assert.Contains(PasswordPolicyValidator.Validate(null, password).Errors, e => e.Code == "PasswordTooShort");

    [Theory]
    [InlineData("qingshanliushui")]
    [InlineData("qingshan7liushui")]
    [InlineData("QINGSHAN-LIUSHUI")]
    public void A_password_of_fewer_than_three_classes_is_refused(string password) =>
        Assert.Contains(PasswordPolicyValidator.Validate(null, password).Errors, e => e.Code == "PasswordClasses");

    [Theory]
    [InlineData("123456")]
    [InlineData("Password1!")]
    [InlineData("P@ssw0rd")]
    [InlineData("Qwerty123!")]
    [InlineData("1qaz@WSX")]
    [InlineData("1qaz2wsx#")]
    [InlineData("5201314")]
    [InlineData("Woaini1314!")]
    [InlineData("Zhangwei1990!")]
    [InlineData("Wang19880808.")]
    [InlineData("Admin@123")]
    [InlineData("Bangfu2024!")]
    [InlineData("Iloveyou520!")]
    public void A_common_password_or_a_light_disguise_of_one_is_refused(string password) =>
        Assert.True(CommonPasswords.IsCommon(password), password);

    [Fact]
    public void The_list_holds_the_ten_thousand_common_passwords_and_the_chinese_patterns() =>
        Assert.InRange(CommonPasswords.Count, 10_000, 10_300);

    [Theory]
    [InlineData("zhangsan", "Zhangsan-2026!")]
    [InlineData("zhangsan", "x-NASGNAHZ-9y")]
    public void A_password_that_contains_the_user_name_is_refused(string userName, string password) =>
        Assert.Contains(PasswordPolicyValidator.Validate(userName, password).Errors, e => e.Code == "PasswordContainsUserName");

    [Fact]
    public void Every_refusal_explains_itself_in_chinese() =>
        Assert.All(PasswordPolicyValidator.Validate("abc", "abc").Errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Description));
}
