using Bangfu.Employment.Employers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Bangfu.Employment.Tests.Employers;

public sealed class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("91440300708461136T")] // 深圳市腾讯计算机系统有限公司
    [InlineData("914403001922038216")] // 华为技术有限公司
    [InlineData("91330100799655058B")] // 阿里巴巴（中国）有限公司
    [InlineData("91440300192317458F")] // 比亚迪股份有限公司
    public void Published_codes_of_real_companies_are_valid(string text)
    {
        Assert.True(UnifiedSocialCreditCode.TryParse(text, out var code, out var error), error);
        Assert.Equal(text, code.Value);
        Assert.Equal('9', code.RegistrationAuthority);
        Assert.Equal(EmployerTypes.Enterprise, EmployerTypes.FromCreditCode(code));
    }

    [Fact]
    public void Spaces_lower_case_and_full_width_characters_are_normalised()
    {
        Assert.True(UnifiedSocialCreditCode.TryParse(" ９１４４０３００７０８４６１１３６ｔ ", out var code, out _));
        Assert.Equal("91440300708461136T", code.Value);
        Assert.Equal("440300", code.RegionCode);
        Assert.Equal("708461136", code.OrganisationCode);
    }

    [Theory]
    [InlineData("", "不能为空")]
    [InlineData("9144030070846113", "应为 18 位，实际 16 位")]
    [InlineData("91440300708461136S", "第 18 位“S”不是允许的字符")]
    [InlineData("9144030O708461136T", "第 8 位“O”不是允许的字符")]
    [InlineData("91440300708461136A", "校验位错误：第 18 位应为“T”，实际为“A”")]
    [InlineData("94440300708461136T", "第 2 位机构类别代码")]
    [InlineData("C1440300708461136T", "第 1 位登记管理部门代码")]
    [InlineData("9144A300708461136T", "第 3—8 位")]
    public void Invalid_codes_are_refused_with_a_Chinese_reason(string text, string expected)
    {
        Assert.False(UnifiedSocialCreditCode.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
        Assert.Throws<FormatException>(() => UnifiedSocialCreditCode.Parse(text));
    }

    private static Gen<string> ValidFirst17 =>
        from authorityAndType in Gen.Elements("11", "12", "19", "51", "52", "53", "91", "92", "93", "Y1", "N2", "31")
        from region in Gen.Elements("430182", "433124", "440300", "110000", "330100", "100000")
        from body in Gen.Elements(UnifiedSocialCreditCode.Alphabet.ToCharArray()).ArrayOf(9)
        select authorityAndType + region + new string(body);

    [Property(MaxTest = 500)]
    public Property A_generated_code_with_its_computed_check_character_is_valid() =>
        Prop.ForAll(ValidFirst17.ToArbitrary(), first17 =>
        {
            var text = first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
            return UnifiedSocialCreditCode.TryParse(text, out var code, out _) && code.Value == text;
        });

    [Property(MaxTest = 500)]
    public Property Changing_any_one_character_of_a_valid_code_makes_it_invalid() =>
        Prop.ForAll(
            (from first17 in ValidFirst17
             from position in Gen.Choose(0, 17)
             from replacement in Gen.Elements(UnifiedSocialCreditCode.Alphabet.ToCharArray())
             select (Code: first17 + UnifiedSocialCreditCode.CheckCharacter(first17), Position: position, Replacement: replacement))
            .Where(x => x.Code[x.Position] != x.Replacement)
            .ToArbitrary(),
            x =>
            {
                var chars = x.Code.ToCharArray();
                chars[x.Position] = x.Replacement;
                // The weights are powers of 3 modulo the prime 31, never 0, so any single substitution changes the sum mod 31.
                return !UnifiedSocialCreditCode.TryParse(new string(chars), out _, out _);
            });
}
