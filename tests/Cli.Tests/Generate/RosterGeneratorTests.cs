using System.Globalization;
using Bangfu.Cli.Generate;
using Bangfu.Registry.CodeLists;
using Bangfu.Registry.Identifiers;
using Bangfu.Registry.RosterImport;
using static Bangfu.Cli.Tests.Generate.GeneratedRoster;

namespace Bangfu.Cli.Tests.Generate;

[Collection(GeneratedRosterCollection.Name)]
public sealed class RosterGeneratorTests(GeneratedRoster roster)
{
    private IReadOnlyList<string[]> Rows => roster.Rows;

    [Fact]
    public void The_generator_yields_exactly_the_rows_asked_for_in_the_47_column_layout()
    {
        Assert.Equal(Size, Rows.Count);
        Assert.All(Rows, r => Assert.Equal(47, r.Length));
        Assert.Equal(RosterLayout.ExportColumns.Select(c => c.Header), RosterGenerator.Header);
        Assert.Equal(Size, roster.Generator.Totals.Persons);
    }

    [Fact]
    public void Every_ID_number_is_valid_and_matches_the_birth_date_and_sex()
    {
        foreach (var row in Rows)
        {
            var text = row[Column(RosterColumn.IdNumber)];
            Assert.True(ResidentIdNumber.TryParse(text, ReferenceDate, out var id) == ResidentIdProblem.None, text);
            Assert.Equal(text, id!.Value);
            Assert.Equal(row[Column(RosterColumn.BirthDate)], id.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.Equal(row[Column(RosterColumn.Sex)] == "男", id.IsMale);
            // The number carries the code of the person's county.
            Assert.Equal(row[Column(RosterColumn.HouseholdNumber)][..6], text[..6]);
        }
    }

    [Fact]
    public void ID_numbers_and_person_numbers_are_unique_across_the_file()
    {
        Assert.Equal(Rows.Count, Rows.Select(r => r[Column(RosterColumn.IdNumber)]).Distinct().Count());
        Assert.Equal(Rows.Count, Rows.Select(r => r[Column(RosterColumn.PersonNumber)]).Distinct().Count());
    }

    [Fact]
    public void Every_village_exists_and_the_place_names_match_the_region_tree()
    {
        var tree = new RegionTree("43");
        foreach (var place in Rows.Select(r => (
                     Village: r[Column(RosterColumn.HouseholdNumber)][..12], Province: r[Column(RosterColumn.Province)],
                     City: r[Column(RosterColumn.City)], County: r[Column(RosterColumn.County)],
                     Township: r[Column(RosterColumn.Township)], Name: r[Column(RosterColumn.Village)])).Distinct())
        {
            var committee = tree.Name(place.Village);
            Assert.NotNull(committee);
            Assert.Equal(Bangfu.Registry.Regions.RegionNames.Plain(committee!, Bangfu.Registry.Regions.RegionLevel.Village), place.Name);
            Assert.EndsWith("村", place.Name);
            Assert.Equal(tree.Name(place.Village[..9]), place.Township);
            Assert.Equal(tree.Name(place.Village[..6]), place.County);
            Assert.Equal(tree.Name(place.Village[..4]), place.City);
            Assert.Equal(tree.Name(place.Village[..2]), place.Province);
            Assert.Equal("湖南省", place.Province);
        }
    }

    [Fact]
    public void Households_have_one_head_listed_first_and_numbers_built_from_the_village_code()
    {
        foreach (var household in Rows.GroupBy(r => r[Column(RosterColumn.HouseholdNumber)]))
        {
            var members = household.ToList();
            Assert.InRange(members.Count, 1, 7);
            Assert.Equal("户主", members[0][Column(RosterColumn.RelationshipToHead)]);
            Assert.Single(members, m => m[Column(RosterColumn.RelationshipToHead)] == "户主");
            Assert.Matches("^[0-9]{16}$", household.Key);
            for (var i = 0; i < members.Count; i++)
            {
                Assert.Equal(household.Key + (i + 1).ToString("D2", CultureInfo.InvariantCulture), members[i][Column(RosterColumn.PersonNumber)]);
                Assert.Equal(members[0][Column(RosterColumn.Name)], members[i][Column(RosterColumn.HeadName)]);
                Assert.Equal(members[0][Column(RosterColumn.IdNumber)], members[i][Column(RosterColumn.HeadIdNumber)]);
                Assert.Equal(members[0][Column(RosterColumn.HouseholdPhone)], members[i][Column(RosterColumn.HouseholdPhone)]);
            }
            Assert.Matches("^1[35789][0-9]{9}$", members[0][Column(RosterColumn.HouseholdPhone)]);
            Assert.All(members, m => Assert.Matches("^(1[35789][0-9]{9})?$", m[Column(RosterColumn.MemberPhone)]));
        }
    }

    [Fact]
    public void Household_sizes_average_about_three_and_a_half()
    {
        var mean = (double)Rows.Count / Rows.Select(r => r[Column(RosterColumn.HouseholdNumber)]).Distinct().Count();
        Assert.InRange(mean, 3.2, 3.7);
    }

    [Fact]
    public void Ages_fit_the_relationships()
    {
        foreach (var household in Rows.GroupBy(r => r[Column(RosterColumn.HouseholdNumber)]))
        {
            var members = household.Select(r => (Relationship: r[Column(RosterColumn.RelationshipToHead)], Age: Age(r),
                Male: r[Column(RosterColumn.Sex)] == "男")).ToList();
            var head = members[0];
            Assert.InRange(head.Age, 25, 80);
            foreach (var m in members.Skip(1))
            {
                switch (m.Relationship)
                {
                    case "配偶": Assert.NotEqual(head.Male, m.Male); break;
                    case "之子" or "之女": Assert.True(head.Age - m.Age >= 15, $"{household.Key}: {head.Age} / {m.Age}"); break;
                    case "之父" or "之母": Assert.True(m.Age - head.Age >= 20, $"{household.Key}: {head.Age} / {m.Age}"); break;
                    case "之孙子" or "之孙女" or "之外孙子" or "之外孙女": Assert.InRange(m.Age, 0, 25); break;
                }
            }
        }
    }

    [Fact]
    public void Exactly_one_of_education_and_school_status_is_filled_and_children_are_in_school()
    {
        foreach (var row in Rows)
        {
            var education = row[Column(RosterColumn.Education)];
            var school = row[Column(RosterColumn.SchoolStatus)];
            Assert.True(education.Length == 0 ^ school.Length == 0, row[Column(RosterColumn.PersonNumber)]);
            if (Age(row) < 15) Assert.NotEqual("", school);
            if (school.Length > 0) Assert.Equal("无劳动力", row[Column(RosterColumn.LabourCapacity)]);
        }
    }

    [Fact]
    public void Every_coded_column_holds_a_value_of_its_code_list()
    {
        var lists = CodeLists.Default;
        var coded = new Dictionary<RosterColumn, CodeList>
        {
            [RosterColumn.Sex] = lists.Sex, [RosterColumn.Ethnicity] = lists.Ethnicity, [RosterColumn.DocumentType] = lists.DocumentType,
            [RosterColumn.RelationshipToHead] = lists.Relationship, [RosterColumn.Education] = lists.Education,
            [RosterColumn.SchoolStatus] = lists.SchoolStatus, [RosterColumn.LabourCapacity] = lists.LabourCapacity,
            [RosterColumn.Health] = lists.Health, [RosterColumn.PoliticalStatus] = lists.PoliticalStatus,
            [RosterColumn.DisabilityCategory] = lists.Disability, [RosterColumn.EmploymentChannel] = lists.EmploymentChannel,
            [RosterColumn.PublicWelfareJobType] = lists.PublicWelfareJob, [RosterColumn.DropoutReason] = lists.DropoutReason,
            [RosterColumn.Industry] = lists.Industry, [RosterColumn.IdentificationStandard] = lists.IdentificationStandard,
        };
        foreach (var column in new[]
                 {
                     RosterColumn.MinimumLivingAllowance, RosterColumn.UrbanEmployeePension, RosterColumn.SeriousIllnessInsurance,
                     RosterColumn.ResidentMedicalInsurance, RosterColumn.ResidentPension, RosterColumn.SpeaksMandarin,
                     RosterColumn.CommercialMedicalInsurance, RosterColumn.WorksAbroad, RosterColumn.SeriousIllnessMedicalAssistance,
                     RosterColumn.OtherHealthAssistance, RosterColumn.UrbanEmployeeMedicalInsurance, RosterColumn.ExtremePovertySupport,
                 })
            coded[column] = lists.YesNo;

        var required = new[] { RosterColumn.Sex, RosterColumn.Ethnicity, RosterColumn.RelationshipToHead, RosterColumn.LabourCapacity, RosterColumn.Health };
        foreach (var (column, list) in coded)
        {
            foreach (var value in Rows.Select(r => r[Column(column)]).Distinct())
            {
                if (value.Length == 0 && !required.Contains(column)) continue;
                Assert.True(list.Find(value) is not null, $"{column}: “{value}” 不在代码表 {list.Id} 中");
            }
        }
        Assert.All(Rows, r => Assert.Equal("2021", r[Column(RosterColumn.Year)]));
    }

    [Fact]
    public void Employment_columns_follow_the_roster_conventions()
    {
        foreach (var row in Rows)
        {
            var months = int.Parse(row[Column(RosterColumn.MonthsWorked)], CultureInfo.InvariantCulture);
            Assert.InRange(months, 0, 12);
            var welfareJob = row[Column(RosterColumn.PublicWelfareJobType)];
            var employer = row[Column(RosterColumn.EmployerName)];
            var place = row[Column(RosterColumn.Workplace)];
            if (months == 0)
            {
                Assert.Equal("", employer);
                Assert.Equal("", place);
            }
            else
            {
                Assert.NotEqual("", employer);
                Assert.NotEqual("", place);
            }
            if (welfareJob.Length > 0)
            {
                Assert.Equal(0, months);
                Assert.Equal("12", row[Column(RosterColumn.PublicWelfareJobMonths)]);
                Assert.Equal("公益性岗位", row[Column(RosterColumn.EmploymentChannel)]);
            }
            if (row[Column(RosterColumn.Health)] == "残疾") Assert.NotEqual("", row[Column(RosterColumn.DisabilityCategory)]);
            else Assert.Equal("", row[Column(RosterColumn.DisabilityCategory)]);
        }
    }

    [Fact]
    public void Employment_shares_are_close_to_the_targets()
    {
        var labourForce = Rows.Where(r => CodeLists.Default.LabourCapacity.Find(r[Column(RosterColumn.LabourCapacity)])!.Has("labour_force")).ToList();
        var employed = labourForce.Where(r => r[Column(RosterColumn.MonthsWorked)] != "0").ToList();
        double Share(int part, int whole) => (double)part / whole;
        string Home(string[] r) => r[Column(RosterColumn.Province)] + r[Column(RosterColumn.City)] + r[Column(RosterColumn.County)];

        var outside = employed.Count(r => !r[Column(RosterColumn.Workplace)].StartsWith(r[Column(RosterColumn.Province)], StringComparison.Ordinal));
        var inCounty = employed.Count(r => r[Column(RosterColumn.Workplace)] == Home(r));
        var inProvince = employed.Count - outside - inCounty;
        var workshops = labourForce.Count(r => r[Column(RosterColumn.EmploymentChannel)] == "帮扶车间");
        var welfareJobs = labourForce.Count(r => r[Column(RosterColumn.PublicWelfareJobType)].Length > 0);

        Assert.InRange(Share(employed.Count, labourForce.Count), RosterGenerator.EmployedShare - 0.03, RosterGenerator.EmployedShare + 0.03);
        Assert.InRange(Share(outside, employed.Count), 0.37, 0.43);
        Assert.InRange(Share(inProvince, employed.Count), 0.27, 0.33);
        Assert.InRange(Share(inCounty, employed.Count), 0.27, 0.33);
        Assert.InRange(Share(workshops, labourForce.Count), 0.04, 0.06);
        Assert.InRange(Share(welfareJobs, labourForce.Count), 0.03, 0.05);
        Assert.All(labourForce.Where(r => r[Column(RosterColumn.EmploymentChannel)] == "帮扶车间"), r => Assert.Equal(Home(r), r[Column(RosterColumn.Workplace)]));
        // Working away from Hunan means Guangdong first.
        var guangdong = employed.Count(r => r[Column(RosterColumn.Workplace)].StartsWith("广东省", StringComparison.Ordinal));
        Assert.True(guangdong > outside / 2, $"广东 {guangdong} / 省外 {outside}");
    }

    [Fact]
    public void Workplaces_are_real_counties_written_province_city_county()
    {
        var tree = new RegionTree("43");
        var places = new HashSet<string>(StringComparer.Ordinal);
        var byTownship = new List<string>();
        foreach (var (province, city, county) in tree.Counties())
        {
            var cityName = city is "市辖区" or "县" ? province : city;
            if (county == cityName) byTownship.Add(province + cityName);
            else places.Add(province + (cityName == province ? "" : cityName) + county);
        }
        foreach (var place in Rows.Select(r => r[Column(RosterColumn.Workplace)]).Where(p => p.Length > 0).Distinct())
            Assert.True(places.Contains(place) || byTownship.Any(p => place.StartsWith(p, StringComparison.Ordinal) && place.Length > p.Length), place);
    }

    [Fact]
    public void Minority_peoples_live_mostly_in_the_autonomous_counties()
    {
        var counties = HomeRegions.EligibleCounties(RegionCatalogue.Load(Bangfu.Registry.Regions.RegionTreeLoader.VendoredDirectory), "43").Count;
        var all = new RosterGenerator(new RosterGeneratorOptions { Rows = 30_000, Seed = 3, Counties = counties }).Rows().ToList();
        bool Autonomous(string[] r) => r[Column(RosterColumn.County)].Contains("自治", StringComparison.Ordinal)
                                       || r[Column(RosterColumn.City)].Contains("自治", StringComparison.Ordinal);
        double MinorityShare(IEnumerable<string[]> rows)
        {
            var list = rows.ToList();
            return (double)list.Count(r => r[Column(RosterColumn.Ethnicity)] != "汉族") / list.Count;
        }
        Assert.Contains(all, Autonomous);
        Assert.InRange(MinorityShare(all.Where(Autonomous)), 0.6, 0.9);
        Assert.InRange(MinorityShare(all.Where(r => !Autonomous(r))), 0.0, 0.12);
        var peoples = all.Where(Autonomous).Select(r => r[Column(RosterColumn.Ethnicity)]).ToHashSet();
        Assert.Contains("苗族", peoples);
        Assert.Contains("土家族", peoples);
    }

    [Fact]
    public void Two_enumerations_of_one_generator_give_the_same_rows()
    {
        var generator = new RosterGenerator(new RosterGeneratorOptions { Rows = 2_000, Seed = 11 });
        Assert.Equal(generator.Rows().Select(r => string.Join(',', r)), generator.Rows().Select(r => string.Join(',', r)));
    }

    [Theory]
    [InlineData(0, null, "行数")]
    [InlineData(100, 500, "县数")]
    public void Options_out_of_range_are_refused_with_a_message_in_Chinese(long rows, int? counties, string word)
    {
        var error = Assert.Throws<ArgumentException>(() => new RosterGenerator(new RosterGeneratorOptions { Rows = rows, Counties = counties }));
        Assert.Contains(word, error.Message);
    }

    private static int Age(string[] row)
    {
        var birth = DateOnly.ParseExact(row[Column(RosterColumn.BirthDate)], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var age = ReferenceDate.Year - birth.Year;
        return ReferenceDate < birth.AddYears(age) ? age - 1 : age;
    }
}
