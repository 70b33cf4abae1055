using Bangfu.Registry.Contracts;
using System.Globalization;
using System.Text;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Security;
using Bangfu.Registry.CodeLists;
using Bangfu.Registry.DataQuality;
using Bangfu.Registry.Identifiers;
using Bangfu.Registry.Regions;
using Bangfu.Registry.RosterImport.Reading;

namespace Bangfu.Registry.RosterImport;

/// <summary>
/// Turns one raw roster row into a typed <see cref="RosterRow"/>, applying the row-level rules of
/// <see cref="QualityRules"/>. Errors refuse the row (null result); warnings accept it. Each finding is passed to
/// the issue sink with the row number and the column header as written in the file.
/// </summary>
public sealed class RosterRowParser
{
    private readonly IReadOnlyDictionary<RosterColumn, int> columns;
    private readonly int[] cellIndex; // by (int)RosterColumn: the cell's index in a raw row, -1 when the file lacks the column
    private readonly IReadOnlyList<string> headers;
    private readonly DateOnly today;
    private readonly RegionScope scope;
    private readonly PersonalDataProtector protector;
    private readonly RegionDirectory regions;
    private readonly PlaceResolver places;
    private readonly CodeLists.CodeLists codes = CodeLists.CodeLists.Default;
    private readonly Dictionary<string, (Region? Village, string? Error)> villages = new(StringComparer.Ordinal);
    private (string? Household, string? Text, (byte[]?, byte[]?, string?) Value) lastHouseholdPhone;
    private (string? Text, byte[]? Hash) lastHeadId;
    private (string?[]? Path, string? Key, (Region? Village, string? Error) Value) lastVillage;

    private static readonly (RosterColumn Column, int Max)[] MaxLengths =
    [
        (RosterColumn.Name, 50), (RosterColumn.PersonNumber, 30), (RosterColumn.HouseholdNumber, 30), (RosterColumn.HeadName, 50),
        (RosterColumn.EmployerName, 200), (RosterColumn.Workplace, 200),
    ];

    private static readonly RosterColumn[] YesNoColumns =
    [
        RosterColumn.MinimumLivingAllowance, RosterColumn.UrbanEmployeePension, RosterColumn.SeriousIllnessInsurance,
        RosterColumn.ResidentMedicalInsurance, RosterColumn.ResidentPension, RosterColumn.SpeaksMandarin,
        RosterColumn.CommercialMedicalInsurance, RosterColumn.WorksAbroad, RosterColumn.SeriousIllnessMedicalAssistance,
        RosterColumn.OtherHealthAssistance, RosterColumn.UrbanEmployeeMedicalInsurance, RosterColumn.ExtremePovertySupport,
    ];

    public RosterRowParser(IReadOnlyDictionary<RosterColumn, int> columns, IReadOnlyList<string> headers, DateOnly today,
        RegionScope scope, PersonalDataProtector protector, RegionDirectory regions, PlaceResolver places)
    {
        this.columns = columns;
        cellIndex = new int[Enum.GetValues<RosterColumn>().Max(c => (int)c) + 1];
        Array.Fill(cellIndex, -1);
        foreach (var (column, index) in columns) cellIndex[(int)column] = index;
        this.headers = headers;
        this.today = today;
        this.scope = scope;
        this.protector = protector;
        this.regions = regions;
        this.places = places;
    }

    /// <summary>Parses a row; returns null when an error refuses it. Findings go to <paramref name="report"/>.</summary>
    public async ValueTask<RosterRow?> ParseAsync(RosterRawRow raw, Action<RowIssue> report, CancellationToken cancellationToken)
    {
        var r = new Row(this, raw, report);
        var refused = false;

        // Where: the village from the five names.
        var path = new[] { r.Text(RosterColumn.Province), r.Text(RosterColumn.City), r.Text(RosterColumn.County), r.Text(RosterColumn.Township), r.Text(RosterColumn.Village) };
        // Rows of a village come together: the previous row's names usually answer without building the key.
        (Region? Village, string? Error) village;
        string key;
        if (lastVillage.Path is { } lastPath && path.AsSpan().SequenceEqual(lastPath))
            (key, village) = (lastVillage.Key!, lastVillage.Value);
        else
        {
            key = string.Join("/", path);
            if (!villages.TryGetValue(key, out village))
            {
                var match = await regions.FindByNamePathAsync(path, cancellationToken);
                village = match.Region is { Level: RegionLevel.Village } v
                    ? (v, null)
                    : (null, match.Error ?? $"“{key}”没有到村一级，请填写省、市、县、乡、村五级名称。");
                if (villages.Count < 100_000) villages[key] = village;
            }
            lastVillage = (path, key, village);
        }
        if (village.Village is null)
        {
            r.Issue(RosterColumn.Village, QualityRules.VillageNotFound, $"所在地“{key}”在国家统计局 2023 年区划中找不到：{village.Error}");
            refused = true;
        }
        else if (!scope.Contains(village.Village.Code))
        {
            r.Issue(RosterColumn.Village, QualityRules.OutOfScope, $"{village.Village.Name}（{village.Village.Code}）不在您的管辖范围内，不能导入。");
            refused = true;
        }
        var villageCode = village.Village?.Code;
        r.VillageCode = villageCode;

        foreach (var required in new[] { RosterColumn.HouseholdNumber, RosterColumn.PersonNumber, RosterColumn.Name })
        {
            if (r.Text(required) is null)
            {
                r.Issue(required, QualityRules.RequiredEmpty, $"“{r.Header(required)}”不能为空。");
                refused = true;
            }
        }
        // Lengths the registry stores; a longer value is refused rather than cut (nothing is lost silently).
        foreach (var (column, max) in MaxLengths)
        {
            if (r.Text(column) is { } value && value.Length > max)
            {
                r.Issue(column, QualityRules.FieldTooLong, $"“{r.Header(column)}”有 {value.Length} 个字，最多 {max} 个。请检查这一格是否填错了内容。");
                refused = true;
            }
        }

        // Who: the ID number (GB 11643-1999), never guessed.
        var documentType = codes.DocumentType.Find(r.Text(RosterColumn.DocumentType)) ?? codes.DocumentType.ByCode("111")!;
        if (r.Text(RosterColumn.DocumentType) is { } docText && codes.DocumentType.Find(docText) is null)
            r.Issue(RosterColumn.DocumentType, QualityRules.NotInCodeList, $"证件类型“{docText}”不在代码表中，按居民身份证处理。可填：{codes.DocumentType.AllowedValues()}。");
        var isResidentId = documentType.Has("resident_id");
        var idCell = r.Cell(RosterColumn.IdNumber);
        ResidentIdNumber? id = null;
        string? otherDocument = null;
        if (idCell.WasNumber || (idCell.Text is { } t0 && ResidentIdNumber.LooksLikeExcelNumber(t0)))
        {
            r.Issue(RosterColumn.IdNumber, QualityRules.IdExcelNumber, ExcelNumberMessage(r.Header(RosterColumn.IdNumber), idCell.Text));
            refused = true;
        }
        else if (isResidentId)
        {
            var problem = ResidentIdNumber.TryParse(idCell.Text, today, out id);
            if (problem != ResidentIdProblem.None)
            {
                var (rule, message) = IdProblem(problem, idCell.Text);
                r.Issue(RosterColumn.IdNumber, rule, message);
                refused = true;
            }
            else if (id!.ConvertedFrom15)
            {
                r.Issue(RosterColumn.IdNumber, QualityRules.IdConverted15, $"15 位老身份证号码已按 GB 11643-1999 升为 18 位（{id.Masked}），请与本人现用身份证核对。");
            }
        }
        else
        {
            otherDocument = ResidentIdNumber.Normalise(idCell.Text);
            if (otherDocument.Length == 0)
            {
                r.Issue(RosterColumn.IdNumber, QualityRules.IdMissing, "证件号码为空。每个人都必须有证件号码。");
                refused = true;
            }
        }

        var headIdCell = r.Cell(RosterColumn.HeadIdNumber);
        if (headIdCell.WasNumber || (headIdCell.Text is { } h0 && ResidentIdNumber.LooksLikeExcelNumber(h0)))
        {
            r.Issue(RosterColumn.HeadIdNumber, QualityRules.HeadIdExcelNumber, ExcelNumberMessage(r.Header(RosterColumn.HeadIdNumber), headIdCell.Text));
            refused = true;
        }

        if (refused) return null;

        var idValue = id?.Value ?? otherDocument!;
        var row = new RosterRow
        {
            RowNumber = raw.RowNumber,
            RegionCode = villageCode!,
            CountyCode = villageCode![..6],
            HouseholdNumber = r.Text(RosterColumn.HouseholdNumber)!,
            PersonNumber = r.Text(RosterColumn.PersonNumber)!,
            Name = r.Text(RosterColumn.Name)!,
            DocumentTypeCode = documentType.Code,
            IdNumberCipher = protector.Encrypt(idValue),
            IdNumberHash = protector.Hash("id", idValue),
            IdNumberMasked = Masking.IdNumber(idValue),
            IdConvertedFrom15 = id?.ConvertedFrom15 ?? false,
            IdSexCode = id?.SexCode ?? "",
            CandidatePersonId = Guid.CreateVersion7(),
            CandidateHouseholdId = Guid.CreateVersion7(),
        };

        if (row.Name.Any(c => char.IsDigit(c) || c is '=' or '+' or '@' or '<' or '>' or '|' or '"' or '\\'))
            r.Issue(RosterColumn.Name, QualityRules.NameSuspicious, $"姓名“{Masking.Name(row.Name)}”中有数字或符号，请核对是否填错了列。");

        // Sex and birth date against the ID number.
        row.SexCode = r.Code(RosterColumn.Sex, codes.Sex, QualityRules.NotInCodeList);
        if (id is not null)
        {
            if (row.SexCode is not null && row.SexCode != id.SexCode)
                r.Issue(RosterColumn.Sex, QualityRules.IdSexMismatch, $"性别填的是“{r.Text(RosterColumn.Sex)}”，身份证号码第 17 位表示{(id.IsMale ? "男" : "女")}。");
            row.SexCode ??= id.SexCode;
        }
        var birthText = r.Text(RosterColumn.BirthDate);
        if (birthText is not null)
        {
            if (TryParseDate(birthText, out var birth))
            {
                row.BirthDate = birth;
                if (id is not null && birth != id.BirthDate)
                    r.Issue(RosterColumn.BirthDate, QualityRules.IdBirthMismatch, $"出生日期填的是 {birth:yyyy-MM-dd}，身份证号码中是 {id.BirthDate:yyyy-MM-dd}。");
            }
            else
            {
                r.Issue(RosterColumn.BirthDate, QualityRules.BirthDateInvalid, $"出生日期“{birthText}”无法识别，应写成 1980-01-31 的形式。");
            }
        }
        row.BirthDate ??= id?.BirthDate;

        row.EthnicityCode = r.Code(RosterColumn.Ethnicity, codes.Ethnicity, QualityRules.NotInCodeList);
        (row.PhoneCipher, row.PhoneHash, row.PhoneMasked) = Phone(r, RosterColumn.MemberPhone, QualityRules.MemberPhoneInvalid);
        // Members of a household share its phone: encrypt it once per household (rows of a household come together).
        var householdPhone = r.Text(RosterColumn.HouseholdPhone);
        if (householdPhone is not null && householdPhone == lastHouseholdPhone.Text && row.HouseholdNumber == lastHouseholdPhone.Household)
            (row.HouseholdPhoneCipher, row.HouseholdPhoneHash, row.HouseholdPhoneMasked) = lastHouseholdPhone.Value;
        else
        {
            (row.HouseholdPhoneCipher, row.HouseholdPhoneHash, row.HouseholdPhoneMasked) = Phone(r, RosterColumn.HouseholdPhone, QualityRules.HouseholdPhoneInvalid);
            lastHouseholdPhone = (row.HouseholdNumber, householdPhone, (row.HouseholdPhoneCipher, row.HouseholdPhoneHash, row.HouseholdPhoneMasked));
        }
        if (r.Text(RosterColumn.Year) is { } yearText)
        {
            if (int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= RegistryYears.First and <= 2100)
                row.RecordYear = year;
            else r.Issue(RosterColumn.Year, QualityRules.YearInvalid, $"年度“{yearText}”应为四位年份，例如 2021。");
        }

        row.RelationshipCode = r.Code(RosterColumn.RelationshipToHead, codes.Relationship, QualityRules.RelationshipInvalid);
        row.EducationCode = r.Code(RosterColumn.Education, codes.Education, QualityRules.EducationInvalid);
        row.SchoolStatusCode = r.Code(RosterColumn.SchoolStatus, codes.SchoolStatus, QualityRules.SchoolStatusInvalid);
        var hasEducation = r.Text(RosterColumn.Education) is not null;
        var hasSchool = r.Text(RosterColumn.SchoolStatus) is not null;
        if (hasEducation && hasSchool)
            r.Issue(RosterColumn.SchoolStatus, QualityRules.EducationAndSchoolBoth, "文化程度和在校生状况只能填一项：在校生和学龄前儿童填在校生状况，其他人填文化程度。");
        else if (!hasEducation && !hasSchool)
            r.Issue(RosterColumn.Education, QualityRules.EducationAndSchoolNeither, "文化程度和在校生状况必须填一项：在校生和学龄前儿童填在校生状况，其他人填文化程度。");

        row.LabourCapacityCode = r.Code(RosterColumn.LabourCapacity, codes.LabourCapacity, QualityRules.LabourCapacityInvalid);
        row.MonthsWorked = r.Months(RosterColumn.MonthsWorked);
        row.HealthCode = r.Code(RosterColumn.Health, codes.Health, QualityRules.NotInCodeList);
        if (r.Text(RosterColumn.Health) is null)
            r.Issue(RosterColumn.Health, QualityRules.HealthEmpty, $"健康状况不能为空，可填：{codes.Health.AllowedValues()}。");
        row.PoliticalStatusCode = r.Code(RosterColumn.PoliticalStatus, codes.PoliticalStatus, QualityRules.PoliticalStatusInvalid);
        row.EmployerName = r.Text(RosterColumn.EmployerName);
        row.DropoutReasonCode = r.Code(RosterColumn.DropoutReason, codes.DropoutReason, QualityRules.NotInCodeList);
        row.IndustryCode = r.Code(RosterColumn.Industry, codes.Industry, QualityRules.NotInCodeList);
        row.PublicWelfareJobCode = r.Code(RosterColumn.PublicWelfareJobType, codes.PublicWelfareJob, QualityRules.NotInCodeList);
        row.PublicWelfareJobMonths = r.Months(RosterColumn.PublicWelfareJobMonths);
        row.EmploymentChannelCode = r.Code(RosterColumn.EmploymentChannel, codes.EmploymentChannel, QualityRules.NotInCodeList);
        row.DisabilityCode = r.Code(RosterColumn.DisabilityCategory, codes.Disability, QualityRules.NotInCodeList);
        if (row.HealthCode == codes.Health.Find("残疾")?.Code && r.Text(RosterColumn.DisabilityCategory) is null)
            r.Issue(RosterColumn.DisabilityCategory, QualityRules.DisabilityCategoryMissing, $"健康状况为残疾时须填残疾类别：{codes.Disability.AllowedValues()}。");
        if (r.Text(RosterColumn.DisabilityCertificateYear) is { } certYear)
        {
            if (int.TryParse(certYear, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1980 and <= 2100)
                row.DisabilityCertificateYear = y;
            else r.Issue(RosterColumn.DisabilityCertificateYear, QualityRules.YearInvalid, $"残疾证办证年度“{certYear}”应为四位年份。");
        }
        row.IdentificationStandardCode = r.Code(RosterColumn.IdentificationStandard, codes.IdentificationStandard, QualityRules.NotInCodeList);

        var yesNo = new bool?[YesNoColumns.Length];
        for (var i = 0; i < YesNoColumns.Length; i++) yesNo[i] = r.YesNo(YesNoColumns[i]);
        row.MinimumLivingAllowance = yesNo[0];
        row.UrbanEmployeePension = yesNo[1];
        row.SeriousIllnessInsurance = yesNo[2];
        row.ResidentMedicalInsurance = yesNo[3];
        row.ResidentPension = yesNo[4];
        row.SpeaksMandarin = yesNo[5];
        row.CommercialMedicalInsurance = yesNo[6];
        row.WorksAbroad = yesNo[7];
        row.SeriousIllnessMedicalAssistance = yesNo[8];
        row.OtherHealthAssistance = yesNo[9];
        row.UrbanEmployeeMedicalInsurance = yesNo[10];
        row.ExtremePovertySupport = yesNo[11];

        // Where they work: 务工所在地 through the place resolver, checked against 务工时间.
        row.WorkplaceText = r.Text(RosterColumn.Workplace);
        if (row.WorkplaceText is not null)
        {
            var place = await places.ResolveAsync(row.WorkplaceText, cancellationToken);
            row.WorkplaceRegionCode = place.Region?.Code;
            var home = villageCode;
            var classifiable = place.ProvinceCode is not null
                               && (place.ProvinceCode != home[..2] || place.CountyCode is not null
                                   || (place.CityCode is not null && place.CityCode != home[..4]));
            if (!classifiable && row.WorksAbroad != true)
                r.Issue(RosterColumn.Workplace, QualityRules.WorkplaceUnresolved,
                    $"务工所在地“{row.WorkplaceText}”无法确定在省外、省内县外还是县内：{place.Message ?? "请写明省、市、县，例如“广东省深圳市坪山区”"}。");
            if (row.MonthsWorked is null or 0)
                r.Issue(RosterColumn.MonthsWorked, QualityRules.WorkplaceWithoutMonths, "填了务工所在地，务工时间（月）却为空或 0。务工人员请填 1-12 的月数，未务工请清空务工所在地。");
        }
        else if (row.MonthsWorked > 0)
        {
            r.Issue(RosterColumn.Workplace, QualityRules.MonthsWithoutWorkplace, $"务工时间为 {row.MonthsWorked} 个月，但务工所在地为空。请填写务工的省、市、县。");
        }

        // Household head as the row states it; checked against the head's own row later.
        row.HeadName = r.Text(RosterColumn.HeadName);
        var headId = ResidentIdNumber.Normalise(headIdCell.Text);
        if (headId == idValue) row.HeadIdHash = row.IdNumberHash;
        else if (headId.Length > 0)
        {
            if (headId != lastHeadId.Text) lastHeadId = (headId, protector.Hash("id", headId));
            row.HeadIdHash = lastHeadId.Hash;
        }

        row.MonitoringTypeCode = r.Code(RosterColumn.MonitoringType, codes.MonitoringType, QualityRules.NotInCodeList);
        row.RiskCleared = r.Has(RosterColumn.RiskCleared) ? r.YesNo(RosterColumn.RiskCleared, reportEmpty: false) : null;
        if (r.Text(RosterColumn.RiskClearedOn) is { } clearedText && TryParseDate(clearedText, out var cleared)) row.RiskClearedOn = cleared;

        // The record hash only tells a changed row from an unchanged one. Its input holds no identifier in clear (the ID
        // number and phone enter as their keyed hashes), so a plain SHA-256 is enough and much cheaper than a keyed one.
        row.RecordHash = RecordHash(row);
        return row;
    }

    private (byte[]? Cipher, byte[]? Hash, string? Masked) Phone(Row r, RosterColumn column, QualityRule rule)
    {
        var text = r.Text(column);
        if (text is null) return (null, null, null);
        var digits = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(c => c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c).ToArray());
        if (digits.Length != 11 || digits[0] != '1' || !digits.All(char.IsAsciiDigit))
            r.Issue(column, rule, $"“{r.Header(column)}”应为 11 位手机号码（现有 {digits.Length} 位：{Masking.Phone(digits)}）。");
        return (protector.Encrypt(digits), protector.Hash("phone", digits), Masking.Phone(digits));
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd", "yyyy.M.d", "yyyy年M月d日"];

    private static bool TryParseDate(string text, out DateOnly date)
    {
        return DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static string ExcelNumberMessage(string header, string? value) =>
        $"“{header}”的值“{value}”是 Excel 把号码当成数字保存后的样子：数字只保留 15 位有效数字，后几位已经丢失，无法还原，系统不会猜测。" +
        "请在 Excel 中把这一列设置为“文本”格式，重新填入完整的 18 位号码（或从原系统重新导出），再导入。";

    private static (QualityRule, string) IdProblem(ResidentIdProblem problem, string? text)
    {
        var shown = Masking.IdNumber(ResidentIdNumber.Normalise(text));
        return problem switch
        {
            ResidentIdProblem.Missing => (QualityRules.IdMissing, "证件号码为空。每个人都必须有 18 位身份证号码。"),
            ResidentIdProblem.Length => (QualityRules.IdLength, $"身份证号码“{shown}”有 {ResidentIdNumber.Normalise(text).Length} 位，应为 18 位（或 15 位老号码）。"),
            ResidentIdProblem.Characters => (QualityRules.IdCharacters, $"身份证号码“{shown}”含有数字以外的字符；只有最后一位可以是 X。"),
            ResidentIdProblem.Region => (QualityRules.IdRegion, $"身份证号码“{shown}”的前两位不是省级行政区划代码。"),
            ResidentIdProblem.BirthDate => (QualityRules.IdBirthDate, $"身份证号码“{shown}”第 7-14 位不是有效的出生日期（应为 yyyyMMdd，且不晚于今天）。"),
            ResidentIdProblem.CheckCharacter => (QualityRules.IdCheckCharacter, $"身份证号码“{shown}”最后一位校验码不对（按 GB 11643-1999 计算），请核对是否有数字录错。"),
            _ => (QualityRules.IdCharacters, $"身份证号码“{shown}”无效。"),
        };
    }

    // The canonical form of a row, written as UTF-8 straight into a reused buffer: each field as text (hashes in upper-case
    // hex, yes/no as 1/0, dates as yyyyMMdd, numbers invariant), each followed by U+001F. The bytes equal the UTF-8 of
    // the same text built as a string, so stored record hashes stay valid.
    private readonly System.Buffers.ArrayBufferWriter<byte> canonical = new(1024);

    private byte[] RecordHash(RosterRow r)
    {
        var w = canonical;
        w.ResetWrittenCount();
        void End() { w.GetSpan(1)[0] = 0x1f; w.Advance(1); }
        void Text(string? v)
        {
            if (v is not null) w.Advance(Encoding.UTF8.GetBytes(v, w.GetSpan(Encoding.UTF8.GetMaxByteCount(v.Length))));
            End();
        }
        void Bytes(byte[]? v)
        {
            if (v is not null && Convert.TryToHexString(v, w.GetSpan(v.Length * 2), out var n)) w.Advance(n);
            End();
        }
        void Flag(bool? v) { if (v is { } b) { w.GetSpan(1)[0] = b ? (byte)'1' : (byte)'0'; w.Advance(1); } End(); }
        void Number(int? v) { if (v is { } i && i.TryFormat(w.GetSpan(11), out var n, default, CultureInfo.InvariantCulture)) w.Advance(n); End(); }
        void Date(DateOnly? v) { if (v is { } d && d.TryFormat(w.GetSpan(8), out var n, "yyyyMMdd", CultureInfo.InvariantCulture)) w.Advance(n); End(); }
        Text(r.RegionCode); Text(r.HouseholdNumber); Text(r.PersonNumber); Text(r.Name); Text(r.SexCode); Date(r.BirthDate);
        Text(r.DocumentTypeCode); Bytes(r.IdNumberHash); Flag(r.IdConvertedFrom15); Text(r.EthnicityCode); Bytes(r.PhoneHash);
        Number(r.RecordYear); Text(r.RelationshipCode); Text(r.EducationCode); Text(r.SchoolStatusCode); Text(r.LabourCapacityCode);
        Number(r.MonthsWorked); Text(r.HealthCode); Text(r.PoliticalStatusCode); Text(r.EmployerName); Flag(r.MinimumLivingAllowance);
        Flag(r.UrbanEmployeePension); Flag(r.SeriousIllnessInsurance); Flag(r.ResidentMedicalInsurance); Flag(r.ResidentPension);
        Text(r.DropoutReasonCode); Flag(r.SpeaksMandarin); Flag(r.CommercialMedicalInsurance); Flag(r.WorksAbroad); Text(r.IndustryCode);
        Flag(r.SeriousIllnessMedicalAssistance); Flag(r.OtherHealthAssistance); Text(r.PublicWelfareJobCode); Number(r.PublicWelfareJobMonths);
        Text(r.EmploymentChannelCode); Text(r.DisabilityCode); Text(r.WorkplaceText); Text(r.WorkplaceRegionCode);
        Flag(r.UrbanEmployeeMedicalInsurance); Flag(r.ExtremePovertySupport); Number(r.DisabilityCertificateYear); Text(r.IdentificationStandardCode);
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(w.WrittenSpan, hash);
        return hash[..16].ToArray();
    }

    /// <summary>Access to one raw row's cells by column, with issue reporting.</summary>
    private sealed class Row(RosterRowParser parser, RosterRawRow raw, Action<RowIssue> report)
    {
        public string? VillageCode { get; set; }

        public bool Has(RosterColumn column) => parser.cellIndex[(int)column] >= 0;

        public RosterCell Cell(RosterColumn column) =>
            parser.cellIndex[(int)column] is var i and >= 0 && i < raw.Cells.Length ? raw.Cells[i] : default;

        public string? Text(RosterColumn column)
        {
            var t = Cell(column).Text;
            return string.IsNullOrWhiteSpace(t) ? null : t.Trim();
        }

        public string Header(RosterColumn column) =>
            parser.columns.TryGetValue(column, out var i) ? parser.headers[i] : RosterLayout.Columns.First(c => c.Column == column).Header;

        public void Issue(RosterColumn column, QualityRule rule, string message) =>
            report(new RowIssue(raw.RowNumber, Header(column), rule, message, VillageCode));

        public string? Code(RosterColumn column, CodeList list, QualityRule rule)
        {
            var text = Text(column);
            if (text is null) return null;
            var item = list.Find(text);
            if (item is null) Issue(column, rule, $"{list.Name}“{text}”不在代码表中。可填：{list.AllowedValues()}。");
            return item?.Code;
        }

        public int? Months(RosterColumn column)
        {
            var text = Text(column);
            if (text is null) return null;
            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) && d is >= 0 and <= 12)
                return (int)d;
            Issue(column, QualityRules.MonthsInvalid, $"“{Header(column)}”的值“{text}”不对，应为 0 到 12 的整数月数。");
            return null;
        }

        public bool? YesNo(RosterColumn column, bool reportEmpty = true)
        {
            if (!Has(column)) return null;
            var text = Text(column);
            if (text is null)
            {
                if (reportEmpty) Issue(column, QualityRules.YesNoEmpty, $"“{Header(column)}”为空，应填“是”或“否”。");
                return null;
            }
            var item = parser.codes.YesNo.Find(text);
            if (item is null)
            {
                Issue(column, QualityRules.YesNoInvalid, $"“{Header(column)}”的值“{text}”不对，只能填“是”或“否”。");
                return null;
            }
            return item.Code == "1";
        }
    }
}
