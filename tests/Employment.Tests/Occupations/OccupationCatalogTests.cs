using Bangfu.Employment.Occupations;

namespace Bangfu.Employment.Tests.Occupations;

public sealed class OccupationCatalogTests
{
    private static readonly OccupationCatalog Catalog = OccupationCatalog.Default;

    [Fact]
    public void The_list_loads_with_all_eight_major_groups_and_every_parent_present()
    {
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], Catalog.ChildrenOf(null).Select(o => o.Code));
        Assert.All(Catalog.All, o => Assert.True(o.ParentCode is null || Catalog.Contains(o.ParentCode), o.Code));
        Assert.Contains("2022", Catalog.Edition);
    }

    [Theory]
    [InlineData("钢筋工", "6-29-01-04")]
    [InlineData("6-29-01-04", "6-29-01-04")]
    [InlineData("6-29-01-04 钢筋工", "6-29-01-04")]
    [InlineData("保安", "4-07-05-01")]
    [InlineData("快递员", "4-02-07")]
    [InlineData("直播带货", "4-01-02-07")]
    [InlineData("电焊工", "6-18-02-04")]
    [InlineData("家政服务员", "4-10-01-06")]
    [InlineData("ＳＭＴ", "6-25")]
    public void Names_synonyms_and_codes_find_the_entry(string text, string code) =>
        Assert.Equal(code, Catalog.Find(text)?.Code);

    [Fact]
    public void Unknown_text_finds_nothing()
    {
        Assert.Null(Catalog.Find("宇航员"));
        Assert.Null(Catalog.Find("9-99"));
        Assert.Null(Catalog.Find(""));
    }

    [Fact]
    public void Search_lists_entries_whose_name_or_synonym_contains_the_text()
    {
        var found = Catalog.Search("工");
        Assert.Contains(found, o => o.Code == "6-29-01-04");
        Assert.Equal("6-29-01-01", Catalog.Search("瓦工")[0].Code);
        Assert.Empty(Catalog.Search("  "));
    }

    [Fact]
    public void Children_of_a_minor_group_are_its_occupations()
    {
        var children = Catalog.ChildrenOf("6-29-01").Select(o => o.Code).ToList();
        Assert.Equal(["6-29-01-01", "6-29-01-03", "6-29-01-04", "6-29-01-05"], children);
        Assert.All(children, c => Assert.True(OccupationCatalog.IsUnder(c, "6-29")));
    }

    [Theory]
    [InlineData("6-29-01-04", "6-29-01-04", OccupationDistance.Same)]
    [InlineData("6-29-01-04", "6-29-01-01", OccupationDistance.SameMinor)]
    [InlineData("6-29-01-04", "6-29-01", OccupationDistance.SameMinor)]
    [InlineData("6-29-01-04", "6-29-02", OccupationDistance.SameMedium)]
    [InlineData("6-29-01-04", "6-18-02-04", OccupationDistance.SameMajor)]
    [InlineData("6-29-01-04", "4-07-05-01", OccupationDistance.Different)]
    public void Distance_is_the_most_specific_level_two_codes_share(string a, string b, OccupationDistance expected)
    {
        Assert.Equal(expected, OccupationCatalog.Distance(a, b));
        Assert.Equal(expected, OccupationCatalog.Distance(b, a));
    }

    [Fact]
    public void IsUnder_respects_the_dashes()
    {
        Assert.True(OccupationCatalog.IsUnder("6-29-01-04", "6"));
        Assert.True(OccupationCatalog.IsUnder("6-29", "6-29"));
        Assert.False(OccupationCatalog.IsUnder("6-29", "6-2"));
        Assert.False(OccupationCatalog.IsUnder("6", "6-29"));
    }
}
