using Bangfu.Employment.Employers;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Fairs;

/// <summary>What <see cref="DemoDataLoader.LoadAsync"/> added (all zero on a second run).</summary>
public sealed record DemoLoadSummary(int EmployersAdded, int VacanciesAdded, int FairsAdded, int FairLinksAdded, int Employers, int Vacancies, int Jobs);

/// <summary>
/// The demo data set (演示数据) of the employment services: the job fair at 贺家湾村 (宁乡市煤炭坝镇, 430182106209,
/// December 2021) with 24 employers and over 10,000 jobs suitable for rural workers, and the cleaner and guard posts of
/// 十八洞村 (花垣县双龙镇, 433124110226). Everything is marked: employer names end in "（演示）", vacancies have source
/// <see cref="VacancySource.Demo"/>, the fair <see cref="JobFair.IsDemo"/>. The employers' unified social credit codes
/// are made up (organisation part <c>MA4DM…</c>) with a correct GB 32100-2015 check character; they are no real
/// company's codes. No people and no phone numbers are loaded. Idempotent: rows are found by their natural keys
/// (credit code; employer + title + workplace + occupation; fair name + date + venue) and a second run adds nothing.
/// Runs as a system task (nationwide scope).
/// </summary>
public sealed class DemoDataLoader(AppDbContext db, RegionScopeAccessor scope, TimeProvider clock, VacancyChanges changes)
{
    /// <summary>Suffix of every demo employer's name.</summary>
    public const string Marker = "（演示）";
    public const string HejiawanVillage = "430182106209";
    public const string ShibadongVillage = "433124110226";
    public const string FairName = "贺家湾村送岗位进村招聘会" + Marker;
    /// <summary>The fair's date in the demo (the scene is of December 2021; the day is the demo's choice).</summary>
    public static readonly DateOnly FairDate = new(2021, 12, 18);

    private sealed record Job(string Title, string Occupation, int Headcount, int WageMin, int WageMax, string? Workplace = null,
        bool Housing = true, bool Meals = true, bool HomeDaily = false, int? AgeMax = 50);

    private sealed record Company(int No, string Name, string TypeCode, string Region, string WorkplaceText, Job[] Jobs, string Managing = "430182", bool AtFair = true);

    private static readonly Company[] Companies =
    [
        new(1, "比亚迪汽车工业有限公司长沙分公司", EmployerTypes.Enterprise, "430111", "长沙市雨花区比亚迪工业园",
            [new("汽车总装工", "6-22", 1500, 4500, 6500), new("焊装工", "6-18-02-04", 400, 5000, 7000), new("涂装工", "6-22", 300, 4800, 6500), new("物料配送员", "4-02-06", 200, 4200, 5500)]),
        new(2, "步步高商业连锁股份有限公司", EmployerTypes.Enterprise, "430302", "湘潭市岳塘区及各门店",
            [new("门店理货员", "4-01-02", 600, 3200, 4200, "430100", Housing: false), new("收银员", "4-01-02", 300, 3000, 4000, "430100", Housing: false), new("仓储配送员", "4-02-06", 200, 3800, 5000), new("面点师", "4-03-02-02", 50, 4000, 5500)]),
        new(3, "蓝思科技股份有限公司", EmployerTypes.Enterprise, "430121", "长沙县榔梨工业园",
            [new("电子产品装配工", "6-25", 1500, 4500, 6000, AgeMax: 45), new("外观检验员", "6-25", 300, 4300, 5800, AgeMax: 45)]),
        new(4, "三一重工股份有限公司", EmployerTypes.Enterprise, "430121", "长沙经开区三一产业园",
            [new("结构件焊工", "6-18-02-04", 300, 6000, 9000), new("车工", "6-18-01-01", 120, 5500, 8000), new("铣工", "6-18-01-02", 80, 5500, 8000)]),
        new(5, "中联重科股份有限公司", EmployerTypes.Enterprise, "430104", "长沙市岳麓区麓谷工业园",
            [new("焊工", "6-18-02-04", 200, 6000, 8500), new("机械装配工", "6-18", 150, 5000, 7000)]),
        new(6, "湖南华菱湘潭钢铁有限公司", EmployerTypes.Enterprise, "430302", "湘潭市岳塘区",
            [new("生产辅助工", "6-31", 100, 4500, 6000), new("维修电工", "6-31-01-03", 60, 5500, 7500)]),
        new(7, "长沙格力暖通制冷设备有限公司", EmployerTypes.Enterprise, "430182", "宁乡经开区",
            [new("空调装配工", "6-25", 500, 4200, 5800, HomeDaily: true)]),
        new(8, "加加食品集团股份有限公司", EmployerTypes.Enterprise, "430182", "宁乡经开区",
            [new("食品包装工", "6-02", 400, 3800, 5000, HomeDaily: true)]),
        new(9, "楚天科技股份有限公司", EmployerTypes.Enterprise, "430182", "宁乡经开区",
            [new("设备装配工", "6-18", 200, 4500, 6500, HomeDaily: true)]),
        new(10, "湖南邦普循环科技有限公司", EmployerTypes.Enterprise, "430182", "宁乡经开区",
            [new("生产操作工", "6-31", 600, 4500, 6000, HomeDaily: true)]),
        new(11, "富士康科技集团深圳园区", EmployerTypes.Enterprise, "440300", "深圳市龙华区",
            [new("电子装配普工", "6-25", 1500, 4800, 6500, AgeMax: 42)]),
        new(12, "立讯精密工业股份有限公司", EmployerTypes.Enterprise, "441900", "东莞市清溪镇",
            [new("电子装配普工", "6-25", 800, 4600, 6300, AgeMax: 42)]),
        new(13, "美的集团股份有限公司", EmployerTypes.Enterprise, "440606", "佛山市顺德区北滘镇",
            [new("家电装配工", "6-25", 600, 4800, 6500)]),
        new(14, "中国建筑第五工程局有限公司", EmployerTypes.Enterprise, "430103", "长沙市各项目工地",
            [new("砌筑工", "6-29-01-01", 300, 6000, 9000, "430100"), new("钢筋工", "6-29-01-04", 300, 6500, 9500, "430100"),
             new("混凝土工", "6-29-01-03", 200, 6000, 8500, "430100"), new("架子工", "6-29-01-05", 150, 6500, 9500, "430100", AgeMax: 55)]),
        new(15, "顺丰速运（长沙）有限公司", EmployerTypes.Enterprise, "430100", "长沙市各网点",
            [new("快递员", "4-02-07", 400, 5000, 8000, Housing: false), new("分拣装卸工", "4-02-05", 200, 4500, 6000)]),
        new(16, "京东物流长沙亚洲一号", EmployerTypes.Enterprise, "430121", "长沙县黄花镇",
            [new("仓储拣货员", "4-02-06", 300, 4500, 6000)]),
        new(17, "长沙文和友餐饮管理有限公司", EmployerTypes.Enterprise, "430102", "长沙市芙蓉区",
            [new("餐厅服务员", "4-03-02-05", 200, 3800, 5000, AgeMax: 45), new("中式烹调师", "4-03-02-01", 80, 5000, 7500)]),
        new(18, "湖南阳光家政服务有限公司", EmployerTypes.Enterprise, "430182", "宁乡市城区",
            [new("家政服务员", "4-10-01-06", 300, 3500, 6000, Housing: false, HomeDaily: true, AgeMax: 55), new("养老护理员", "4-10-01-05", 150, 3800, 5500, HomeDaily: true, AgeMax: 55)]),
        new(19, "湖南长城保安服务有限公司", EmployerTypes.Enterprise, "430100", "长沙市各驻点",
            [new("保安员", "4-07-05-01", 400, 3500, 4800, AgeMax: 55)]),
        new(20, "湖南佳和农牧有限公司", EmployerTypes.Enterprise, "430182", "宁乡市各养殖基地",
            [new("生猪饲养员", "5-03", 100, 4500, 6000, HomeDaily: true, AgeMax: 55), new("蔬菜种植工", "5-01", 200, 3000, 4000, HomeDaily: true, AgeMax: 60)]),
        new(21, "梦洁家纺股份有限公司", EmployerTypes.Enterprise, "430104", "长沙市岳麓区",
            [new("缝纫工", "6-06-01", 400, 4000, 6000)]),
        new(22, "威胜集团有限公司", EmployerTypes.Enterprise, "430104", "长沙高新区",
            [new("电表装配工", "6-25", 300, 4200, 5600)]),
        new(23, "长沙永通汽车维修有限公司", EmployerTypes.Enterprise, "430105", "长沙市开福区",
            [new("汽车维修学徒", "4-12-01-01", 60, 3500, 6000)]),
        new(24, "宁乡市煤炭坝镇贺家湾村种养专业合作社", EmployerTypes.Enterprise, HejiawanVillage, "贺家湾村",
            [new("果蔬种植工", "5-01", 80, 2500, 3500, HejiawanVillage, Housing: false, Meals: false, HomeDaily: true, AgeMax: 65)]),
        new(25, "花垣县十八洞村旅游开发有限公司", EmployerTypes.Enterprise, "433124", "十八洞村游客服务中心",
            [new("景区保洁员", "4-09", 12, 2500, 3200, ShibadongVillage, Housing: false, HomeDaily: true, AgeMax: 60),
             new("景区保安员", "4-07-05-01", 6, 2800, 3500, ShibadongVillage, Housing: false, HomeDaily: true, AgeMax: 55)],
            Managing: "433124", AtFair: false),
    ];

    /// <summary>The made-up credit code of demo employer <paramref name="no"/> registered in <paramref name="region"/> (6 digits).</summary>
    public static string CreditCodeOf(int no, string region)
    {
        var first17 = "91" + region[..6] + "MA4DM" + no.ToString("D4");
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }

    /// <summary>Loads the demo data set; adds only what is missing.</summary>
    public async Task<DemoLoadSummary> LoadAsync(CancellationToken ct = default)
    {
        var callerScope = scope.Scope;
        scope.Scope = RegionScope.Nationwide;
        try { return await LoadCoreAsync(ct); }
        finally { scope.Scope = callerScope; }
    }

    private async Task<DemoLoadSummary> LoadCoreAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, clock.LocalTimeZone).DateTime);
        int employersAdded = 0, vacanciesAdded = 0, fairsAdded = 0, linksAdded = 0;

        var fair = await db.Set<JobFair>().FirstOrDefaultAsync(f => f.Name == FairName && f.Date == FairDate && f.VenueRegionCode == HejiawanVillage, ct);
        if (fair is null)
        {
            fair = new JobFair
            {
                Name = FairName, Date = FairDate, VenueRegionCode = HejiawanVillage, ManagingRegionCode = HejiawanVillage[..6],
                VenueText = "宁乡市煤炭坝镇贺家湾村村部广场", Organisers = "宁乡市人力资源和社会保障局、煤炭坝镇人民政府（演示）",
                IsDemo = true, CreatedAt = now, UpdatedAt = now, UpdatedBy = "demo",
            };
            db.Add(fair);
            fairsAdded++;
        }

        var demoVacancies = new List<(Vacancy Vacancy, bool AtFair)>();
        foreach (var c in Companies)
        {
            var code = CreditCodeOf(c.No, c.Region);
            var employer = await db.Set<Employer>().FirstOrDefaultAsync(e => e.CreditCode == code, ct);
            if (employer is null)
            {
                employer = new Employer
                {
                    Name = c.Name + Marker, CreditCode = code, TypeCode = c.TypeCode, RegionCode = c.Region, ManagingRegionCode = c.Managing,
                    Address = c.WorkplaceText, CreatedAt = now, UpdatedAt = now, UpdatedBy = "demo",
                };
                db.Add(employer);
                employersAdded++;
            }
            var existing = await db.Set<Vacancy>().Where(v => v.EmployerId == employer.Id).ToListAsync(ct);
            foreach (var j in c.Jobs)
            {
                var workplace = j.Workplace ?? c.Region;
                var v = existing.FirstOrDefault(x => x.Title == j.Title && x.WorkplaceRegionCode == workplace && x.OccupationCode == j.Occupation);
                if (v is null)
                {
                    v = new Vacancy
                    {
                        EmployerId = employer.Id, Title = j.Title, OccupationCode = j.Occupation, Headcount = j.Headcount,
                        WageMin = j.WageMin, WageMax = j.WageMax, WorkplaceRegionCode = workplace, WorkplaceText = c.WorkplaceText,
                        AgeMin = 18, AgeMax = j.AgeMax, HousingProvided = j.Housing, MealsProvided = j.Meals, SuitableForRuralLabour = true,
                        HomeDaily = j.HomeDaily, Shifts = j.HomeDaily ? "白班，早出晚归" : "两班倒或按排班", ExpiresOn = today.AddYears(1),
                        ManagingRegionCode = c.Managing, Source = VacancySource.Demo, CreatedAt = now, UpdatedAt = now, UpdatedBy = "demo",
                    };
                    v.Submit();
                    v.Publish("demo", now);
                    db.Add(v);
                    vacanciesAdded++;
                }
                demoVacancies.Add((v, c.AtFair));
            }
            if (c.AtFair)
            {
                var fairId = fair.Id;
                var employerId = employer.Id;
                if (!await db.Set<FairEmployer>().AnyAsync(x => x.FairId == fairId && x.EmployerId == employerId, ct))
                {
                    db.Add(new FairEmployer { FairId = fairId, EmployerId = employerId, Booth = c.No.ToString("D2") });
                    linksAdded++;
                }
            }
        }
        foreach (var (v, atFair) in demoVacancies.Where(x => x.AtFair))
        {
            var fairId = fair.Id;
            var vacancyId = v.Id;
            if (!await db.Set<FairVacancy>().AnyAsync(x => x.FairId == fairId && x.VacancyId == vacancyId, ct))
            {
                db.Add(new FairVacancy { FairId = fairId, VacancyId = vacancyId });
                linksAdded++;
            }
        }
        await db.SaveChangesAsync(ct);
        if (vacanciesAdded > 0) await changes.ChangedAsync();
        return new DemoLoadSummary(employersAdded, vacanciesAdded, fairsAdded, linksAdded, Companies.Length, demoVacancies.Count,
            demoVacancies.Sum(x => x.Vacancy.Headcount));
    }
}
