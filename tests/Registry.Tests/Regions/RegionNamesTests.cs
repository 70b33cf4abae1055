using Bangfu.Registry.Regions;

namespace Bangfu.Registry.Tests.Regions;

public sealed class RegionNamesTests
{
    [Theory]
    [InlineData("贺家湾村委会", "贺家湾村")]
    [InlineData("清溪村村民委员会", "清溪村")]
    [InlineData("小红门村民委员会", "小红门村")]
    [InlineData("沟口子村村民委会", "沟口子村")]
    [InlineData("多福巷社区居委会", "多福巷社区")]
    [InlineData("大北家园社区居民委员会", "大北家园社区")]
    [InlineData("新兴里居委会", "新兴里社区")]
    [InlineData("卜尔汉图嘎查", "卜尔汉图嘎查")]
    public void Village_committee_names_have_the_plain_name_rosters_use(string official, string plain)
    {
        Assert.Equal(plain, RegionNames.Plain(official, RegionLevel.Village));
    }

    [Fact]
    public void Names_above_village_level_are_kept_as_they_are()
    {
        Assert.Equal("煤炭坝镇", RegionNames.Plain("煤炭坝镇", RegionLevel.Township));
    }
}
