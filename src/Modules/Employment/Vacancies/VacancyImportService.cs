using System.Globalization;
using System.Text.RegularExpressions;
using Bangfu.Employment.Employers;
using Bangfu.Employment.Occupations;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Registry.CodeLists;
using Bangfu.Registry.Regions;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Vacancies;

/// <summary>A problem of one cell (or a whole row when <see cref="Column"/> is empty), in Chinese.</summary>
public sealed record VacancyImportError(int Row, string Column, string Message)
{
    public override string ToString() => Column.Length > 0 ? $"第 {Row} 行“{Column}”：{Message}" : $"第 {Row} 行：{Message}";
}

/// <summary>What an import did or would do.</summary>
public sealed record VacancyImportSummary(int Rows, int NewVacancies, int Unchanged, int NewEmployers,
    IReadOnlyList<VacancyImportError> Errors, bool Committed);

/// <summary>
/// Bulk import of vacancies from an .xlsx sheet with the columns of <see cref="Columns"/> (the template). Every row is
/// checked first; any error and nothing is written (atomic), and a dry run only reports. A row whose employer, title,
/// workplace and occupation match an existing vacancy is unchanged, so importing the same file again changes nothing.
/// Employers not yet registered are registered with the caller's county as their bureau; an employer managed by
/// another county's bureau is an error. New vacancies wait for review (<see cref="VacancyState.PendingReview"/>).
/// </summary>
public sealed partial class VacancyImportService(AppDbContext db, EmployerService employers, OccupationCatalog occupations,
    PlaceResolver places, RegionDirectory regions, AuditTrail audit, AuditActor actor, TimeProvider clock, VacancyChanges changes)
{
    public const string EmployerName = "单位名称";
    public const string CreditCode = "统一社会信用代码";
    public const string Title = "岗位名称";
    public const string Occupation = "职业（代码或名称）";
    public const string Headcount = "招聘人数";
    public const string WageMin = "月薪下限";
    public const string WageMax = "月薪上限";
    public const string Workplace = "工作地点";
    public const string Age = "年龄要求";
    public const string Education = "学历要求";
    public const string Skills = "技能要求";
    public const string Meals = "是否包吃";
    public const string Housing = "是否包住";
    public const string Rural = "适合农村劳动力";
    public const string HomeDaily = "可每日回家";
    public const string ExpiresOn = "截止日期";

    /// <summary>The template's columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        [EmployerName, CreditCode, Title, Occupation, Headcount, WageMin, WageMax, Workplace, Age, Education, Skills, Meals, Housing, Rural, HomeDaily, ExpiresOn];

    private static readonly string[] Required = [EmployerName, CreditCode, Title, Occupation, Headcount, WageMin, WageMax, Workplace, ExpiresOn];

    // Which column a property of VacancyInput comes from, to name it in errors.
    private static readonly Dictionary<string, string> ColumnOf = new()
    {
        [nameof(VacancyInput.Title)] = Title, [nameof(VacancyInput.OccupationCode)] = Occupation,
        [nameof(VacancyInput.Headcount)] = Headcount, [nameof(VacancyInput.WageMin)] = WageMin, [nameof(VacancyInput.WageMax)] = WageMax,
        [nameof(VacancyInput.WorkplaceRegionCode)] = Workplace, [nameof(VacancyInput.AgeMin)] = Age, [nameof(VacancyInput.AgeMax)] = Age,
        [nameof(VacancyInput.EducationCode)] = Education, [nameof(VacancyInput.ExpiresOn)] = ExpiresOn,
    };

    /// <summary>Reads, checks and (unless <paramref name="dryRun"/> or any error) writes the vacancies of <paramref name="file"/>.</summary>
    public async Task<VacancyImportSummary> ImportAsync(Stream file, string fileName, bool dryRun, CancellationToken ct = default)
    {
        var errors = new List<VacancyImportError>();
        IReadOnlyList<VacancySheetRow> rows;
        try
        {
            var (headers, read) = VacancySheet.Read(file);
            foreach (var missing in Required.Where(c => !headers.Contains(c)))
                errors.Add(new VacancyImportError(1, missing, "缺少该列，请使用模板"));
            rows = errors.Count > 0 ? [] : read;
        }
        catch (VacancySheetException e)
        {
            return new VacancyImportSummary(0, 0, 0, 0, [new VacancyImportError(0, "", e.Message)], false);
        }

        await places.LoadAsync(ct);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), clock.LocalTimeZone).DateTime);
        var callerCounty = db.Scope.Prefix is { Length: >= 6 } p ? p[..6] : null;
        var employerByCode = new Dictionary<string, (Employer? Existing, string Name, int Row)>();
        var planned = new List<(VacancySheetRow Row, string CreditCode, VacancyInput Input)>();
        var keys = new Dictionary<(string, string, string, string), int>();

        foreach (var row in rows)
        {
            var rowErrors = new List<VacancyImportError>();
            void Error(string column, string message) => rowErrors.Add(new VacancyImportError(row.RowNumber, column, message));

            string? code = null;
            if (!UnifiedSocialCreditCode.TryParse(row[CreditCode], out var credit, out var creditError)) Error(CreditCode, creditError);
            else
            {
                code = credit.Value;
                if (!employerByCode.ContainsKey(code))
                {
                    var existing = await employers.FindByCreditCodeAsync(code, ct);
                    var name = row[EmployerName];
                    if (existing is not null && !EmployerService.Manages(db.Scope, existing.ManagingRegionCode))
                        Error(CreditCode, "该单位由其他县级就业部门管理，不能为其导入岗位");
                    else if (existing is null && string.IsNullOrEmpty(name)) Error(EmployerName, "请填写单位名称");
                    else if (existing is null && callerCounty is null) Error(CreditCode, "该单位尚未登记；请县、乡级工作人员导入，或先登记该单位");
                    else employerByCode[code] = (existing, name ?? existing!.Name, row.RowNumber);
                }
            }

            var occupation = occupations.Find(row[Occupation]);
            if (row[Occupation] is not null && occupation is null) Error(Occupation, $"“{row[Occupation]}”不是职业分类代码表中的代码或名称");
            var workplace = WorkplaceCode(row[Workplace]);
            if (row[Workplace] is not null && workplace is null) Error(Workplace, $"无法识别“{row[Workplace]}”，请写明省、市、县，如“湖南省长沙市宁乡市”");
            else if (await VacancyInput.WorkplaceErrorAsync(regions, workplace, ct) is { } workplaceError) Error(Workplace, workplaceError);
            var (ageMin, ageMax, ageOk) = ParseAge(row[Age]);
            if (!ageOk) Error(Age, "应写作“18-45”“45岁以下”“18岁以上”或留空");
            string? education = null;
            if (row[Education] is { } eduText && eduText is not ("不限" or "无"))
            {
                education = CodeLists.Default.Education.Find(eduText)?.Code ?? CodeLists.Default.Education.ByCode(eduText)?.Code;
                if (education is null) Error(Education, $"应为“不限”或：{CodeLists.Default.Education.AllowedValues()}");
            }
            var input = new VacancyInput
            {
                Title = row[Title],
                OccupationCode = occupation?.Code,
                Headcount = Int(row, Headcount, Error),
                WageMin = Int(row, WageMin, Error),
                WageMax = Int(row, WageMax, Error),
                WorkplaceRegionCode = workplace,
                WorkplaceText = row[Workplace],
                AgeMin = ageMin,
                AgeMax = ageMax,
                EducationCode = education,
                Skills = row[Skills],
                MealsProvided = YesNo(row, Meals, Error),
                HousingProvided = YesNo(row, Housing, Error),
                SuitableForRuralLabour = YesNo(row, Rural, Error),
                HomeDaily = YesNo(row, HomeDaily, Error),
                ExpiresOn = Date(row, Error),
            };
            foreach (var (field, message) in input.Check(occupations, today))
            {
                var column = ColumnOf.GetValueOrDefault(field, "");
                // A cell already reported (unreadable number, unknown place) is not reported twice.
                if (!rowErrors.Any(e => e.Column == column)) Error(column, message);
            }
            if (rowErrors.Count == 0 && code is not null)
            {
                var key = (code, input.Title!.Trim(), input.WorkplaceRegionCode!, input.OccupationCode!);
                if (keys.TryGetValue(key, out var first)) Error("", $"与第 {first} 行是同一岗位（单位、岗位名称、工作地点、职业相同）");
                else
                {
                    keys[key] = row.RowNumber;
                    planned.Add((row, code, input));
                }
            }
            errors.AddRange(rowErrors);
        }

        // Existing vacancies with the same key are left as they are.
        var existingIds = employerByCode.Values.Where(e => e.Existing is not null).Select(e => e.Existing!.Id).ToList();
        var existingKeys = (await db.Set<Vacancy>().AsNoTracking().Where(v => existingIds.Contains(v.EmployerId))
                .Select(v => new { v.EmployerId, v.Title, v.WorkplaceRegionCode, v.OccupationCode }).ToListAsync(ct))
            .Select(v => (v.EmployerId, v.Title, v.WorkplaceRegionCode, v.OccupationCode)).ToHashSet();
        var toCreate = planned.Where(x => employerByCode[x.CreditCode].Existing is not { } e
                                          || !existingKeys.Contains((e.Id, x.Input.Title!.Trim(), x.Input.WorkplaceRegionCode!, x.Input.OccupationCode!)))
            .ToList();
        var newEmployers = employerByCode.Where(e => e.Value.Existing is null && toCreate.Any(x => x.CreditCode == e.Key)).ToList();
        var commit = !dryRun && errors.Count == 0;
        var summary = new VacancyImportSummary(rows.Count, toCreate.Count, planned.Count - toCreate.Count, newEmployers.Count, errors, commit);

        if (commit && toCreate.Count > 0)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow();
            var ids = new Dictionary<string, Employer>();
            foreach (var (creditCode, (existing, name, _)) in employerByCode)
            {
                if (existing is not null) { ids[creditCode] = existing; continue; }
                if (!newEmployers.Any(e => e.Key == creditCode)) continue;
                var employer = new Employer
                {
                    Name = name.Length > 200 ? name[..200] : name, CreditCode = creditCode,
                    TypeCode = EmployerTypes.FromCreditCode(UnifiedSocialCreditCode.Parse(creditCode)),
                    RegionCode = callerCounty!, ManagingRegionCode = callerCounty!, CreatedAt = now, UpdatedAt = now, UpdatedBy = actor.UserName,
                };
                db.Add(employer);
                ids[creditCode] = employer;
            }
            foreach (var (_, creditCode, input) in toCreate)
            {
                var employer = ids[creditCode];
                var v = new Vacancy
                {
                    EmployerId = employer.Id, ManagingRegionCode = employer.ManagingRegionCode, Source = VacancySource.Import,
                    CreatedAt = now, UpdatedAt = now, UpdatedBy = actor.UserName,
                };
                input.ApplyTo(v);
                v.Submit();
                db.Add(v);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            // Imported vacancies wait for review, so the open ones are unchanged today; the caches are told all the same,
            // so that no later change to the import's states can leave them behind (imports are rare, a rebuild is cheap).
            await changes.ChangedAsync();
        }
        await audit.RecordAsync(new AuditEntry(AuditCategories.Import, commit ? AuditEvents.ImportCommit : AuditEvents.ImportCheck,
            Result: errors.Count == 0 ? AuditEntry.Success : $"{AuditEntry.Failure}：{errors.Count} 处错误", Target: fileName,
            Details: new { Kind = "vacancies", summary.Rows, summary.NewVacancies, summary.Unchanged, summary.NewEmployers }), ct);
        return summary;
    }

    private string? WorkplaceCode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (t.All(char.IsAsciiDigit)) return t.Length is 2 or 4 or 6 or 9 or 12 ? t : null;
        var r = places.Resolve(t);
        return r.Region?.Code ?? r.CountyCode ?? r.CityCode ?? r.ProvinceCode;
    }

    private static int? Int(VacancySheetRow row, string column, Action<string, string> error)
    {
        var text = row[column];
        if (text is null) return null;
        text = text.Replace(",", "").Replace("，", "").Replace("元", "").Replace("人", "").Trim();
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue)
            return (int)d;
        error(column, $"“{row[column]}”不是整数");
        return null;
    }

    private static bool YesNo(VacancySheetRow row, string column, Action<string, string> error)
    {
        var text = row[column];
        if (text is null) return false;
        var item = CodeLists.Default.YesNo.Find(text);
        if (item is null)
        {
            error(column, "应填“是”或“否”");
            return false;
        }
        return item.Name == "是";
    }

    private static DateOnly? Date(VacancySheetRow row, Action<string, string> error)
    {
        var text = row[ExpiresOn];
        if (text is null) return null;
        string[] formats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];
        if (DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 2958466)
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        error(ExpiresOn, $"“{text}”不是日期，应写作 2026-12-31");
        return null;
    }

    /// <summary>"18-45", "18～45岁", "18至45周岁", "45岁以下", "18岁以上", "不限" or empty.</summary>
    internal static (int? Min, int? Max, bool Ok) ParseAge(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim() == "不限") return (null, null, true);
        var t = CodeLists.Normalise(text).Replace("周岁", "").Replace("岁", "");
        if (RangePattern().Match(t) is { Success: true } m) return (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), true);
        if (BelowPattern().Match(t) is { Success: true } below) return (null, int.Parse(below.Groups[1].Value), true);
        if (AbovePattern().Match(t) is { Success: true } above) return (int.Parse(above.Groups[1].Value), null, true);
        return (null, null, false);
    }

    [GeneratedRegex(@"^(\d{1,2})[-~～—至到](\d{1,2})$")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"^(\d{1,2})(以下|以内)$")]
    private static partial Regex BelowPattern();

    [GeneratedRegex(@"^(\d{1,2})以上$")]
    private static partial Regex AbovePattern();
}
