using Bangfu.Registry.Identifiers;

namespace Bangfu.Registry.Tests.Identifiers;

public sealed class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Theory]
    [InlineData("430182195208270011", "1952-08-27", true)]
    [InlineData("43312419941017213X", "1994-10-17", true)]
    [InlineData("430182195209130029", "1952-09-13", false)]
    public void A_valid_number_gives_its_birth_date_and_sex(string text, string birth, bool male)
    {
        Assert.Equal(ResidentIdProblem.None, ResidentIdNumber.TryParse(text, Today, out var id));
        Assert.Equal(DateOnly.Parse(birth), id!.BirthDate);
        Assert.Equal(male, id.IsMale);
    }

    [Theory]
    [InlineData(" 43312419941017213x ", "43312419941017213X")]
    [InlineData("４３３１２４１９９４１０１７２１３Ｘ", "43312419941017213X")]
    [InlineData("'430182195208270011", "430182195208270011")]
    public void Numbers_are_normalised_before_checking(string text, string expected)
    {
        Assert.Equal(ResidentIdProblem.None, ResidentIdNumber.TryParse(text, Today, out var id));
        Assert.Equal(expected, id!.Value);
    }

    [Theory]
    [InlineData("4.33124E+17", ResidentIdProblem.ExcelNumber)]
    [InlineData("4.3312419890902E+17", ResidentIdProblem.ExcelNumber)]
    [InlineData("430182195208270012", ResidentIdProblem.CheckCharacter)]
    [InlineData("430182195302300011", ResidentIdProblem.BirthDate)]
    [InlineData("430182210001010011", ResidentIdProblem.BirthDate)]
    [InlineData("990182195208270011", ResidentIdProblem.Region)]
    [InlineData("43018219520827001", ResidentIdProblem.Length)]
    [InlineData("4301821952082700A1", ResidentIdProblem.Characters)]
    [InlineData("", ResidentIdProblem.Missing)]
    public void Invalid_numbers_are_refused_with_the_reason(string text, ResidentIdProblem problem)
    {
        Assert.Equal(problem, ResidentIdNumber.TryParse(text, Today, out var id));
        Assert.Null(id);
    }

    [Fact]
    public void A_fifteen_digit_number_is_converted_to_eighteen_digits_and_flagged()
    {
        Assert.Equal(ResidentIdProblem.None, ResidentIdNumber.TryParse("430182520827001", Today, out var id));
        Assert.Equal("430182195208270011", id!.Value);
        Assert.True(id.ConvertedFrom15);
    }

    [Fact]
    public void The_masked_form_keeps_the_first_six_and_last_four()
    {
        ResidentIdNumber.TryParse("430182195208270011", Today, out var id);
        Assert.Equal("430182********0011", id!.Masked);
    }
}
