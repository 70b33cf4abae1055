using Bangfu.Registry.Regions;
using Bangfu.Testing;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Bangfu.Registry.Tests.Regions;

/// <summary>One database with the real region tree, and the resolver built from it, shared by the tests of a class.</summary>
public sealed class RegionTreeFixture : IAsyncLifetime
{
    private TestDatabase db = null!;
    private ServiceProvider services = null!;

    public PlaceResolver Resolver => services.GetRequiredService<PlaceResolver>();

    public async Task InitializeAsync()
    {
        db = await TestDatabase.CreateAsync();
        services = db.BuildServices();
        await Resolver.LoadAsync();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await db.DisposeAsync();
    }
}

public sealed class PlaceResolverTests(RegionTreeFixture tree) : IClassFixture<RegionTreeFixture>
{
    private PlaceResolver Resolver => tree.Resolver;

    [Theory]
    [InlineData("广东省深圳市坪山区", "440310")]
    [InlineData("广东深圳", "4403")]
    [InlineData("长沙市岳麓区", "430104")]
    [InlineData("湖南省长沙市宁乡市", "430182")]
    [InlineData("湖南省湘西土家族苗族自治州花垣县", "433124")]
    [InlineData("湘西州花垣县", "433124")]
    [InlineData("湖南省永州市江华瑶族自治县", "431129")]
    [InlineData("江华县", "431129")]
    [InlineData("江华", "431129")]
    [InlineData("浙江省宁波市慈溪市", "330282")]
    [InlineData("浙江慈溪", "330282")]
    [InlineData("北京市朝阳区", "110105")]
    [InlineData("北京朝阳", "110105")]
    [InlineData("北京市北京市朝阳区", "110105")]
    [InlineData("上海", "31")]
    [InlineData("新疆乌鲁木齐", "6501")]
    [InlineData("内蒙古包头", "1502")]
    [InlineData("广西南宁", "4501")]
    [InlineData("广西壮族自治区南宁市", "4501")]
    [InlineData("湖北仙桃", "429004")]
    [InlineData("湖南省长沙市长沙县", "430121")]
    [InlineData("长沙县", "430121")]
    [InlineData("湖南省株洲市攸县", "430223")]
    [InlineData("城步县", "430529")]
    [InlineData("吉林省吉林市", "2202")]
    [InlineData("吉林", "22")]
    [InlineData("广东省东莞市长安镇", "441900119")]
    [InlineData("东莞长安", "441900119")]
    [InlineData("东莞", "441900")]
    [InlineData("重庆市巫山县", "500237")]
    [InlineData("宁乡县", "430182")]
    [InlineData("湖南省长沙市望城县", "430112")]
    [InlineData("湖北省省直辖县级行政区划仙桃市", "429004")]
    public void A_place_resolves_to_the_most_specific_region_it_names(string text, string code)
    {
        var place = Resolver.Resolve(text);
        Assert.False(place.Ambiguous, place.Message);
        Assert.Equal(code, place.Region?.Code);
        Assert.Equal(code[..2], place.ProvinceCode);
        Assert.Equal(code.Length >= 4 ? code[..4] : null, place.CityCode);
        Assert.Equal(code.Length >= 6 ? code[..6] : null, place.CountyCode);
        Assert.Equal("", place.Remainder);
    }

    [Fact]
    public void A_town_of_a_city_without_districts_carries_the_city_and_its_only_county()
    {
        var place = Resolver.Resolve("广东省东莞市长安镇");
        Assert.Equal(RegionLevel.Township, place.Region!.Level);
        Assert.Equal("长安镇", place.Region.Name);
        Assert.Equal("441900", place.CountyCode);
        Assert.Equal("4419", place.CityCode);
        Assert.Null(place.Message);
    }

    [Theory]
    [InlineData("广东省　深圳市 坪山区", "440310")]
    [InlineData("湖南省 / 长沙市 / 岳麓区", "430104")]
    [InlineData("湖南省-长沙市-岳麓区", "430104")]
    [InlineData("湖南省，长沙市（岳麓区）", "430104")]
    [InlineData(" 浙江 慈溪 ", "330282")]
    [InlineData("中国浙江省宁波市慈溪市", "330282")]
    public void White_space_full_width_characters_and_punctuation_between_the_parts_are_ignored(string text, string code)
    {
        Assert.Equal(code, Resolver.Resolve(text).Region?.Code);
    }

    [Theory]
    [InlineData("广东省东莞市长安镇某电子厂", "441900119", "广东省东莞市长安镇", "某电子厂")]
    [InlineData("湖南省长沙市岳麓区工业园", "430104", "湖南省长沙市岳麓区", "工业园")]
    [InlineData("广东省深圳市坪山区坑梓街道秀新社区某路12号", "440310005", "广东省深圳市坪山区坑梓街道", "秀新社区某路12号")]
    [InlineData("广东打工", "44", "广东", "打工")]
    [InlineData("浙江宁波 ＸＸ电器有限公司", "3302", "浙江宁波", "XX电器有限公司")]
    public void What_follows_the_place_is_returned_unread(string text, string code, string matched, string remainder)
    {
        var place = Resolver.Resolve(text);
        Assert.Equal(code, place.Region?.Code);
        Assert.Equal(matched, place.MatchedText);
        Assert.Equal(remainder, place.Remainder);
    }

    [Fact]
    public void A_province_alone_is_a_province_with_a_message_saying_so()
    {
        var place = Resolver.Resolve("广东打工");
        Assert.Equal("44", place.ProvinceCode);
        Assert.Null(place.CityCode);
        Assert.Null(place.CountyCode);
        Assert.False(place.CountyKnown);
        Assert.Equal("只识别到省份：广东省", place.Message);
    }

    [Fact]
    public void A_county_name_used_in_two_cities_is_ambiguous_and_lists_both()
    {
        var place = Resolver.Resolve("朝阳区");
        Assert.True(place.Ambiguous);
        Assert.Null(place.Region);
        Assert.Null(place.ProvinceCode);
        Assert.Null(place.CountyCode);
        Assert.Equal(["110105", "220104"], place.Candidates.Select(c => c.Code));
        Assert.Equal("“朝阳区”对应多个区县：北京市朝阳区、长春市朝阳区，请写明城市", place.Message);
    }

    [Fact]
    public void An_ambiguous_county_is_told_apart_by_the_town_written_after_it()
    {
        var place = Resolver.Resolve("朝阳区望京街道");
        Assert.False(place.Ambiguous);
        Assert.Equal("110105026", place.Region?.Code);
    }

    [Fact]
    public void A_name_ambiguous_nationally_is_not_ambiguous_inside_the_province_written_before_it()
    {
        // 白云区 is in 广州 and in 贵阳.
        Assert.True(Resolver.Resolve("白云区").Ambiguous);
        var place = Resolver.Resolve("广东白云区");
        Assert.False(place.Ambiguous);
        Assert.Equal("440111", place.CountyCode);
    }

    [Fact]
    public void Candidates_in_one_province_resolve_to_that_province()
    {
        // 桥西区 is in 石家庄 and in 张家口, both in 河北.
        var place = Resolver.Resolve("桥西区");
        Assert.True(place.Ambiguous);
        Assert.Equal("13", place.Region?.Code);
        Assert.Equal("13", place.ProvinceCode);
        Assert.Null(place.CountyCode);
        Assert.Equal(["130104", "130703"], place.Candidates.Select(c => c.Code));
        Assert.Equal("“桥西区”对应多个区县：石家庄市桥西区、张家口市桥西区，请写明城市", place.Message);
    }

    [Theory]
    [InlineData("省外")]
    [InlineData("外省")]
    [InlineData("在家")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("本村")]
    [InlineData("不详")]
    [InlineData("公安局")]
    [InlineData("城区")]
    [InlineData("中国")]
    [InlineData("阿里巴巴")]
    [InlineData(null)]
    public void Text_that_names_no_place_resolves_to_nothing_with_a_message(string? text)
    {
        var place = Resolver.Resolve(text);
        Assert.Null(place.Region);
        Assert.Null(place.ProvinceCode);
        Assert.False(place.Ambiguous);
        Assert.NotNull(place.Message);
    }

    [Fact]
    public void Every_workplace_in_the_seed_roster_resolves_to_a_county()
    {
        var places = MiniExcel.Query(Fixtures.SeedVillages, useHeaderRow: true)
            .Cast<IDictionary<string, object?>>()
            .Select(row => row["务工所在地"]?.ToString())
            .Where(text => !string.IsNullOrWhiteSpace(text))
            .Distinct()
            .ToList();
        Assert.Equal(12, places.Count);
        foreach (var text in places)
        {
            var place = Resolver.Resolve(text);
            Assert.True(place.CountyKnown, $"{text}: {place.Message}");
            Assert.False(place.Ambiguous, text);
            Assert.Equal("", place.Remainder);
            if (text!.StartsWith("广东省东莞市", StringComparison.Ordinal))
            {
                Assert.Equal(RegionLevel.Township, place.Region!.Level);
                Assert.Equal("441900", place.CountyCode);
            }
            else
            {
                Assert.Equal(RegionLevel.County, place.Region!.Level);
            }
        }
    }

    [Theory]
    [InlineData("湖南省长沙市岳麓区", "430104")]
    [InlineData("湖南省湘潭市雨湖区", "430302")]
    [InlineData("湖南省长沙市宁乡市", "430182")]
    [InlineData("广东省广州市白云区", "440111")]
    [InlineData("湖南省长沙市长沙县", "430121")]
    [InlineData("湖南省株洲市攸县", "430223")]
    [InlineData("湖南省邵阳市城步苗族自治县", "430529")]
    [InlineData("湖南省永州市江华瑶族自治县", "431129")]
    public void The_seed_roster_workplaces_resolve_to_their_counties(string text, string county)
    {
        Assert.Equal(county, Resolver.Resolve(text).CountyCode);
    }

    [Fact]
    public void Garbage_emoji_very_long_text_and_null_never_throw()
    {
        var random = new Random(20231);
        var texts = new List<string?>
        {
            null, "", "😀", "😀😀北京", "北京😀", "\ud83d", "\0\u0001\u200b", new string('北', 10_000),
            string.Concat(Enumerable.Repeat("北京", 5_000)), string.Concat(Enumerable.Repeat("朝阳区", 3_400)),
            "广东省" + new string('x', 10_000), "！＠＃￥％……＆＊（）", "<script>alert(1)</script>", "'; DROP TABLE reg_region; --",
        };
        for (var i = 0; i < 500; i++)
            texts.Add(new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => (char)random.Next(0x20, 0xFFFF)).ToArray()));
        foreach (var text in texts)
        {
            var place = Resolver.Resolve(text);
            Assert.NotNull(place.MatchedText);
            Assert.NotNull(place.Remainder);
            Assert.NotNull(place.Candidates);
        }
    }

    [Fact]
    public async Task The_same_text_resolves_to_the_same_result_synchronously_or_not()
    {
        var first = Resolver.Resolve("湘西州花垣县");
        Assert.Same(first, await Resolver.ResolveAsync("湘西州花垣县"));
        Assert.Equal("433124", first.CountyCode);
    }
}
