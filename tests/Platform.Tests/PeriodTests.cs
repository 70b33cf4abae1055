using Bangfu.Platform.Time;

namespace Bangfu.Platform.Tests;

public sealed class PeriodTests
{
    [Theory]
    [InlineData("2021-12", 202112)]
    [InlineData("202112", 202112)]
    [InlineData("2021/1", 202101)]
    [InlineData("2021年3月", 202103)]
    public void Months_are_read_in_the_forms_people_write(string text, int value)
    {
        Assert.True(Period.TryParse(text, out var period));
        Assert.Equal(value, period.Value);
    }

    [Theory]
    [InlineData("2021-13")]
    [InlineData("12-2021")]
    [InlineData("")]
    [InlineData("abc")]
    public void Anything_else_is_refused(string text) => Assert.False(Period.TryParse(text, out _));

    [Fact]
    public void Months_step_across_years() =>
        Assert.Equal((new Period(2022, 1), new Period(2021, 11), new Period(2020, 12)),
            (new Period(2021, 12).Next(), new Period(2021, 12).Previous(), new Period(2021, 12).SameMonthLastYear()));
}
