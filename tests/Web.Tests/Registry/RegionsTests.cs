using System.Net;
using System.Text.RegularExpressions;
using Bangfu.Web.Tests.Infrastructure;

namespace Bangfu.Web.Tests.Registry;

public sealed partial class RegionsTests : WebTest
{
    [Fact]
    public async Task The_picker_never_lists_children_outside_the_callers_scope()
    {
        var county = await SignInAsync("ningxiang", "430182");

        var townships = Options(await county.GetStringAsync("/Registry/Regions?handler=Children&parent=430182"));
        Assert.True(townships.Count > 20);
        Assert.All(townships, code => Assert.StartsWith("430182", code));
        var villages = Options(await county.GetStringAsync("/Registry/Regions?handler=Children&parent=430182106"));
        Assert.Contains("430182106209", villages);
        Assert.All(villages, code => Assert.StartsWith("430182106", code));

        foreach (var outside in new[] { "", "43", "4301", "430181", "433124", "433124110", "4331", "43018210", "abc" })
            Assert.True(HttpStatusCode.NotFound == (await county.GetAsync($"/Registry/Regions?handler=Children&parent={outside}")).StatusCode, outside);

        var village = await SignInAsync("hejiawan", "430182106209");
        Assert.Equal(HttpStatusCode.NotFound, (await village.GetAsync("/Registry/Regions?handler=Children&parent=430182106")).StatusCode);
        // A village is the last level: there is nothing below it to list.
        Assert.Equal(HttpStatusCode.NotFound, (await village.GetAsync("/Registry/Regions?handler=Children&parent=430182106209")).StatusCode);
    }

    [Fact]
    public async Task A_nationwide_officer_starts_the_picker_at_the_provinces()
    {
        var national = await SignInAsync("quanguo", "");

        var provinces = Options(await national.GetStringAsync("/Registry/Regions?handler=Children&parent="));
        Assert.Equal(31, provinces.Count);
        var round = await national.GetStringAsync("/Employment/Lists");
        Assert.Contains("请选择省（区、市）", round);
        Assert.Contains("value=\"43\"", round);
        // Beijing's only child is its placeholder, chosen for the user and marked as a grouping.
        var beijing = await national.GetStringAsync("/Registry/Regions?handler=Children&parent=11");
        Assert.Matches("value=\"1101\"\\s+selected=\"selected\">市辖区（各区）", beijing);
    }

    [Fact]
    public async Task The_regions_page_browses_looks_up_by_code_and_by_name_path_and_resolves_a_workplace()
    {
        var county = await SignInAsync("ningxiang", "430182");

        var home = await county.GetStringAsync("/Registry/Regions");
        Assert.Contains("宁乡市", home);
        Assert.Contains("430182106", home);

        var byPath = await county.GetStringAsync("/Registry/Regions?namePath=" + Uri.EscapeDataString("湖南省/长沙市/宁乡市/煤炭坝镇/贺家湾村"));
        Assert.Contains("430182106209</span> 贺家湾村委会", byPath);

        var wrongPath = await county.GetStringAsync("/Registry/Regions?namePath=" + Uri.EscapeDataString("湖南省/长沙市/不存在县"));
        Assert.Contains("在“长沙市”下找不到“不存在县”", wrongPath);

        var place = await county.GetStringAsync("/Registry/Regions?place=" + Uri.EscapeDataString("广东深圳坪山 某电子厂"));
        Assert.Contains("坪山区", place);
        Assert.Contains("440310", place);
        Assert.Contains("某电子厂", place);

        var ambiguous = await county.GetStringAsync("/Registry/Regions?place=" + Uri.EscapeDataString("朝阳区"));
        Assert.Contains("对应多个区县", ambiguous);

        var outside = await county.GetStringAsync("/Registry/Regions?code=433124");
        Assert.Contains("花垣县", outside);
        Assert.Contains("不在您的管辖范围内", outside);
        Assert.DoesNotContain("433124110226", outside);

        var invalid = await county.GetStringAsync("/Registry/Regions?code=12345");
        Assert.Contains("区划代码应为 2、4、6、9 或 12 位数字", invalid);
    }

    private static List<string> Options(string html) =>
        OptionValue().Matches(html).Select(m => m.Groups[1].Value).Where(v => v.Length > 0).ToList();

    [GeneratedRegex("<option value=\"(\\d*)\"")]
    private static partial Regex OptionValue();
}
