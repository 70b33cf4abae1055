using Bangfu.Employment.Contracts;
using System.Globalization;
using Bangfu.Registry.RosterImport;

namespace Bangfu.Cli.Generate;

/// <summary>
/// Turns one composed household into roster rows: names, ID numbers, phones, schooling, capacity, health,
/// employment and the yes/no columns, following the conventions of the seed roster (exactly one of 文化程度 and
/// 在校生状况 filled; employer and workplace empty when 务工时间 is 0; 户主姓名 and 户主证件号码 on every row).
/// </summary>
internal sealed class HouseholdRowBuilder(Random random, IdNumberAllocator ids, EmploymentSampler employment,
    DateOnly referenceDate, string year, RosterGeneratorTotals totals)
{
    private const string Yes = "是";
    private const string No = "否";

    private static readonly int[] Position = BuildPositions();

    public IEnumerable<string[]> Rows(HomeVillage village, int number, int size)
    {
        var county = village.County;
        var members = HouseholdComposer.Compose(random, size);
        Name(members, village);
        foreach (var m in members)
        {
            var birth = PersonTraits.BirthDate(random, m.Age, referenceDate);
            (m.IdNumber, m.BirthDate) = ids.Next(county.Index, birth, m.Male);
        }

        var head = members[0];
        var householdNumber = village.Code + number.ToString("D4", CultureInfo.InvariantCulture);
        var householdPhone = RosterGenerator.Phone(random);
        // 特困供养 goes to old people living alone with no one to support them; they then get no 低保.
        var extremePoverty = size == 1 && head.Age >= 60 && random.NextDouble() < 0.3;
        var minimumLiving = !extremePoverty && random.NextDouble() < 0.12;
        var commercialInsurance = random.NextDouble() < 0.15;
        Employment? sharedJob = null;
        totals.Households++;

        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            var row = new string[Position.Length];
            void Set(RosterColumn column, string value) => row[Position[(int)column]] = value;

            Set(RosterColumn.Province, county.ProvinceName);
            Set(RosterColumn.City, county.CityName);
            Set(RosterColumn.County, county.Name);
            Set(RosterColumn.Township, village.TownshipName);
            Set(RosterColumn.Village, village.Name);
            Set(RosterColumn.HouseholdNumber, householdNumber);
            Set(RosterColumn.PersonNumber, householdNumber + (i + 1).ToString("D2", CultureInfo.InvariantCulture));
            Set(RosterColumn.Name, m.Name);
            Set(RosterColumn.Sex, m.Male ? "男" : "女");
            Set(RosterColumn.BirthDate, m.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Set(RosterColumn.DocumentType, "居民身份证");
            Set(RosterColumn.IdNumber, m.IdNumber);
            Set(RosterColumn.Ethnicity, m.Ethnicity);
            Set(RosterColumn.HouseholdPhone, householdPhone);
            Set(RosterColumn.MemberPhone, MemberPhone(m, i == 0 ? householdPhone : null));
            Set(RosterColumn.Year, year);
            Set(RosterColumn.RelationshipToHead, m.Relationship);

            var age = PersonTraits.AgeOn(m.BirthDate, referenceDate);
            var school = PersonTraits.SchoolStatus(random, m.BirthDate, referenceDate);
            Set(RosterColumn.SchoolStatus, school ?? "");
            Set(RosterColumn.Education, school is null ? PersonTraits.Education(random, age) : "");

            var capacity = school is null ? PersonTraits.CapacityOutsideLabourForce(random, age) : PersonTraits.None;
            Employment? job = null;
            if (capacity is null)
            {
                job = employment.Draw(random, village, sharedJob);
                capacity = job.Capacity;
                if (job.Status is EmploymentStatus.OutsideProvince or EmploymentStatus.InProvince) sharedJob ??= job;
                Count(job);
            }
            var health = PersonTraits.Health(random, capacity, age);
            Set(RosterColumn.LabourCapacity, capacity);
            Set(RosterColumn.MonthsWorked, (job?.MonthsWorked ?? 0).ToString(CultureInfo.InvariantCulture));
            Set(RosterColumn.Health, health);
            Set(RosterColumn.PoliticalStatus, PersonTraits.PoliticalStatus(random, age, m.Male, school is not null));
            Set(RosterColumn.EmployerName, job?.Employer ?? "");
            Set(RosterColumn.Industry, job is { Employed: true } ? job.Industry : "");
            Set(RosterColumn.PublicWelfareJobType, job?.PublicWelfareJob ?? "");
            Set(RosterColumn.PublicWelfareJobMonths, job?.PublicWelfareMonths ?? "");
            Set(RosterColumn.EmploymentChannel, job?.Channel ?? "");
            Set(RosterColumn.Workplace, job?.Place ?? "");
            Set(RosterColumn.WorksAbroad, No);

            // Workers away on long contracts are sometimes enrolled in the employees' schemes instead of the residents'.
            var employeeInsured = job is { Status: EmploymentStatus.OutsideProvince or EmploymentStatus.InProvince, MonthsWorked: >= 10 }
                                  && age is >= 18 and <= 55 && random.NextDouble() < 0.1;
            Set(RosterColumn.UrbanEmployeePension, employeeInsured ? Yes : No);
            Set(RosterColumn.UrbanEmployeeMedicalInsurance, employeeInsured ? Yes : No);
            Set(RosterColumn.ResidentMedicalInsurance, employeeInsured ? No : Yes);
            Set(RosterColumn.SeriousIllnessInsurance, employeeInsured ? No : Yes);
            Set(RosterColumn.ResidentPension, ResidentPension(age, school is not null, employeeInsured) ? Yes : No);
            Set(RosterColumn.CommercialMedicalInsurance, commercialInsurance ? Yes : No);
            Set(RosterColumn.MinimumLivingAllowance, minimumLiving ? Yes : No);
            Set(RosterColumn.ExtremePovertySupport, extremePoverty ? Yes : No);
            Set(RosterColumn.DropoutReason, "");
            Set(RosterColumn.SpeaksMandarin, SpeaksMandarin(age, village.MinorityArea) ? Yes : No);
            Set(RosterColumn.SeriousIllnessMedicalAssistance, health == "患有大病" && random.NextDouble() < 0.8 ? Yes : No);
            Set(RosterColumn.OtherHealthAssistance, health != "健康" && random.NextDouble() < 0.6 ? Yes : No);

            var disabled = health == "残疾";
            Set(RosterColumn.DisabilityCategory, disabled ? PersonTraits.DisabilityCategory(random) : "");
            Set(RosterColumn.DisabilityCertificateYear, disabled && random.NextDouble() < 0.8 ? CertificateYear(m.BirthDate.Year) : "");
            Set(RosterColumn.HeadName, head.Name);
            Set(RosterColumn.HeadIdNumber, head.IdNumber);
            Set(RosterColumn.IdentificationStandard, "国家标准");
            totals.Persons++;
            yield return row;
        }
    }

    /// <summary>Surnames and given names: children take the father's surname (now and then the mother's), wives and
    /// daughters-in-law keep their own, grandchildren take their father's, the head's father shares the head's.</summary>
    private void Name(List<Member> members, HomeVillage village)
    {
        var head = members[0];
        var ethnicity = village.Ethnicities.Pick(random);
        head.Ethnicity = ethnicity;
        head.Surname = ChineseNames.Surname(random, ethnicity);
        var spouse = members.Count > 1 && members[1].Relationship == "配偶" ? members[1] : null;
        if (spouse is not null)
        {
            // Most marry within their own people; a spouse sometimes comes from another.
            spouse.Ethnicity = random.NextDouble() < 0.1 ? village.Ethnicities.Pick(random) : ethnicity;
            spouse.Surname = ChineseNames.Surname(random, spouse.Ethnicity);
        }
        var mother = head.Male ? spouse : head;
        // A widowed or divorced mother who heads the household: her children carry her surname or their father's.
        var father = head.Male ? head.Surname
            : spouse?.Surname ?? (random.NextDouble() < 0.5 ? head.Surname : ChineseNames.Surname(random, ethnicity));
        string? son = null;
        foreach (var m in members.Skip(spouse is null ? 1 : 2))
        {
            m.Ethnicity = m.Relationship == "之儿媳" && random.NextDouble() < 0.1 ? village.Ethnicities.Pick(random) : ethnicity;
            m.Surname = m.Relationship switch
            {
                "之子" or "之女" => random.NextDouble() < 0.95 || mother is null ? father : mother.Surname,
                "之孙子" or "之孙女" => son ?? father,
                "之父" => head.Surname,
                _ => ChineseNames.Surname(random, m.Ethnicity),
            };
            if (m.Relationship == "之子") son ??= m.Surname;
        }
        foreach (var m in members) m.Name = m.Surname + ChineseNames.GivenName(random, m.Male, referenceDate.Year - m.Age);
    }

    private string MemberPhone(Member m, string? householdPhone)
    {
        var share = m.Age switch { < 16 => 0.0, < 18 => 0.3, < 75 => 0.92, _ => 0.5 };
        if (random.NextDouble() >= share) return "";
        return householdPhone is not null && random.NextDouble() < 0.5 ? householdPhone : RosterGenerator.Phone(random);
    }

    private bool ResidentPension(int age, bool student, bool employeeInsured)
    {
        if (student || employeeInsured || age < 16) return false;
        var share = age switch { >= 60 => 0.98, >= 30 => 0.92, _ => 0.4 };
        return random.NextDouble() < share;
    }

    private bool SpeaksMandarin(int age, bool minorityArea)
    {
        var notSpoken = (age >= 70 ? 0.15 : age >= 60 ? 0.05 : 0) + (minorityArea && age >= 50 ? 0.1 : 0);
        return random.NextDouble() >= notSpoken;
    }

    private string CertificateYear(int birthYear)
    {
        var last = referenceDate.Year;
        var first = Math.Min(last, Math.Max(birthYear + 1, 2008));
        return random.Next(first, last + 1).ToString(CultureInfo.InvariantCulture);
    }

    private void Count(Employment job)
    {
        totals.LabourForce++;
        if (job.Employed) totals.Employed++;
        switch (job.Status)
        {
            case EmploymentStatus.OutsideProvince: totals.EmployedOutsideProvince++; break;
            case EmploymentStatus.InProvince: totals.EmployedInProvinceOutsideCounty++; break;
            case EmploymentStatus.InCounty: totals.EmployedInCounty++; break;
            case EmploymentStatus.Workshop: totals.EmployedInCounty++; totals.WorkshopWorkers++; break;
            case EmploymentStatus.PublicWelfareJob: totals.PublicWelfareJobs++; break;
        }
    }

    private static int[] BuildPositions()
    {
        var columns = RosterLayout.ExportColumns;
        var positions = new int[columns.Count];
        for (var i = 0; i < columns.Count; i++) positions[(int)columns[i].Column] = i;
        return positions;
    }
}
