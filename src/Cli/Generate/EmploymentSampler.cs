namespace Bangfu.Cli.Generate;

/// <summary>Where a member of the labour force stands in the year.</summary>
internal enum EmploymentStatus { Unemployed, OutsideProvince, InProvince, InCounty, Workshop, PublicWelfareJob }

/// <summary>The employment columns of one person: 务工时间（月）, 务工企业名称, 务工所在地, 就业渠道, 产业分类,
/// 公益性岗位类型 and 公益性岗位(月数); empty strings where the roster leaves a cell empty.</summary>
internal sealed record Employment(EmploymentStatus Status, string Capacity, int MonthsWorked, string Employer, string Place,
    string Channel, string Industry, string PublicWelfareJob, string PublicWelfareMonths)
{
    public bool Employed => MonthsWorked > 0;
}

/// <summary>
/// Draws a labour-force member's employment with the shares documented on <see cref="RosterGenerator"/>, then the
/// capacity to write for it (public-welfare jobs go mostly to weak workers, as the policy intends).
/// </summary>
internal sealed class EmploymentSampler(Workplaces workplaces)
{
    // Of the employed (务工时间 > 0), where they work.
    private const double Outside = RosterGenerator.EmployedOutsideProvinceShare;
    private const double InProvince = RosterGenerator.EmployedInProvinceShare;

    // Shares among employed people who do not work in a workshop, so that workshops plus the rest give the targets.
    private const double OtherEmployed = RosterGenerator.EmployedShare - RosterGenerator.WorkshopShare;
    private const double OtherOutside = Outside * RosterGenerator.EmployedShare / OtherEmployed;
    private const double OtherInProvince = InProvince * RosterGenerator.EmployedShare / OtherEmployed;

    private static readonly WeightedChoice<int> Months =
        new((1, 1), (2, 2), (3, 4), (4, 5), (5, 5), (6, 11), (7, 10), (8, 11), (9, 12), (10, 13), (11, 10), (12, 16));

    private static readonly WeightedChoice<string> PublicWelfareJobs = new(("保洁员", 35), ("护路员", 14), ("护林员", 12),
        ("保安员", 10), ("生态护林员", 8), ("护河员", 6), ("村级协管员", 6), ("水管员", 4), ("养老护理员", 3), ("留守儿童看护员", 2));

    private static readonly WeightedChoice<string> CapacityPublicWelfare = new((PersonTraits.Weak, 65), (PersonTraits.Ordinary, 35));
    private static readonly WeightedChoice<string> CapacityWorkshop = new((PersonTraits.Ordinary, 70), (PersonTraits.Weak, 25), (PersonTraits.Skilled, 5));
    private static readonly WeightedChoice<string> CapacityEmployed = new((PersonTraits.Ordinary, 76), (PersonTraits.Skilled, 18), (PersonTraits.Weak, 6));
    private static readonly WeightedChoice<string> CapacityUnemployed = new((PersonTraits.Ordinary, 60), (PersonTraits.Weak, 30), (PersonTraits.Skilled, 10));

    /// <summary>A labour-force member's employment. <paramref name="sharedJob"/> is a job another member of the household
    /// took away from home: half of the time a member who also works away in the same kind of place goes with them.</summary>
    public Employment Draw(Random random, HomeVillage village, Employment? sharedJob)
    {
        var x = random.NextDouble();
        if (x < RosterGenerator.PublicWelfareJobShare)
        {
            return new Employment(EmploymentStatus.PublicWelfareJob, CapacityPublicWelfare.Pick(random), 0, "", "", "公益性岗位", "",
                PublicWelfareJobs.Pick(random), "12");
        }
        x -= RosterGenerator.PublicWelfareJobShare;
        if (x < RosterGenerator.WorkshopShare)
        {
            var workshop = Workplaces.Workshop(random, village);
            return new Employment(EmploymentStatus.Workshop, CapacityWorkshop.Pick(random), Months.Pick(random),
                workshop.Employer, workshop.Place, "帮扶车间", workshop.Industry, "", "");
        }
        x -= RosterGenerator.WorkshopShare;
        if (x >= OtherEmployed)
            return new Employment(EmploymentStatus.Unemployed, CapacityUnemployed.Pick(random), 0, "", "", "", "", "", "");

        var where = random.NextDouble();
        var status = where < OtherOutside ? EmploymentStatus.OutsideProvince
            : where < OtherOutside + OtherInProvince ? EmploymentStatus.InProvince
            : EmploymentStatus.InCounty;
        var months = Months.Pick(random);
        var capacity = CapacityEmployed.Pick(random);
        if (sharedJob is not null && sharedJob.Status == status && status != EmploymentStatus.InCounty && random.NextDouble() < 0.5)
            return sharedJob with { Capacity = capacity, MonthsWorked = months };

        var job = status switch
        {
            EmploymentStatus.OutsideProvince => workplaces.OutsideProvince(random),
            EmploymentStatus.InProvince => workplaces.InProvince(random, village.County),
            _ => Workplaces.InCounty(random, village),
        };
        // Away from home most go on their own (自主务工), about a quarter through government-organised transport and
        // job fairs (政府组织); in the county most work close to home (就地就近).
        var channel = status == EmploymentStatus.InCounty
            ? random.NextDouble() < 0.8 ? "就地就近" : random.NextDouble() < 0.5 ? "自主务工" : "政府组织"
            : random.NextDouble() < 0.74 ? "自主务工" : "政府组织";
        return new Employment(status, capacity, months, job.Employer, job.Place, channel, job.Industry, "", "");
    }
}
