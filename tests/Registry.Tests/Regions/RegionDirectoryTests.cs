using Bangfu.Registry.Regions;
using Bangfu.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Registry.Tests.Regions;

public sealed class RegionDirectoryTests : IAsyncLifetime
{
    private TestDatabase db = null!;
    private ServiceProvider services = null!;
    private RegionDirectory Directory => services.GetRequiredService<RegionDirectory>();

    public async Task InitializeAsync()
    {
        db = await TestDatabase.CreateAsync();
        services = db.BuildServices();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await db.DisposeAsync();
    }

    [Fact]
    public async Task The_whole_five_level_tree_is_loaded_on_first_start()
    {
        var index = await Directory.IndexAsync();
        Assert.Equal(31, index.Children(null).Count);
        var village = await Directory.FindAsync("430182106209");
        Assert.NotNull(village);
        Assert.Equal("贺家湾村委会", village!.Name);
        Assert.Equal("贺家湾村", village.PlainName);
        Assert.Equal(RegionLevel.Village, village.Level);
        Assert.Equal("430182106", village.ParentCode);
    }

    [Theory]
    [InlineData("湖南省/长沙市/宁乡市/煤炭坝镇/贺家湾村", "430182106209")]
    [InlineData("湖南省/长沙市/宁乡市/煤炭坝镇/贺家湾村委会", "430182106209")]
    [InlineData("湖南省/湘西土家族苗族自治州/花垣县/双龙镇/十八洞村", "433124110226")]
    [InlineData("湖南省/邵阳市/城步苗族自治县/儒林镇/清溪村", "430529100224")]
    [InlineData("湖南省/长沙市/宁乡市", "430182")]
    [InlineData("湖南省", "43")]
    [InlineData("北京市/北京市/东城区", "110101")]
    [InlineData("北京市/东城区", "110101")]
    public async Task A_region_is_found_by_its_name_path_at_any_depth(string path, string code)
    {
        var match = await Directory.FindByNamePathAsync(path.Split('/'));
        Assert.True(match.Found, match.Error);
        Assert.Equal(code, match.Region!.Code);
    }

    [Fact]
    public async Task A_name_that_does_not_exist_is_reported_with_where_it_was_looked_for()
    {
        var match = await Directory.FindByNamePathAsync(["湖南省", "长沙市", "宁乡市", "煤炭坝镇", "不存在村"]);
        Assert.False(match.Found);
        Assert.Contains("煤炭坝镇", match.Error);
        Assert.Contains("不存在村", match.Error);
    }
}
