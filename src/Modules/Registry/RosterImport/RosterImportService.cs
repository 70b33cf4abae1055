using System.Security.Cryptography;
using System.Threading.Channels;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Platform.Jobs;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Time;
using Bangfu.Registry.Contracts;
using Bangfu.Registry.DataQuality;
using Bangfu.Registry.RosterImport.Reading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bangfu.Registry.RosterImport;

/// <summary>An import to run: the stored file, its original name, the period, and who asks.</summary>
/// <param name="ImportId">Set to commit an import that was dry-run before (the same record is updated).</param>
/// <param name="KeepForCommit">A dry run whose file is kept so it can be committed later (the web's upload).</param>
/// <param name="Open">Opens the file (a decrypting stream for an upload kept encrypted); default: the file at
/// <paramref name="FilePath"/>.</param>
/// <param name="NewImportId">
/// The id to give a new import, so that whoever queues it can point at it before the work starts (the API answers an
/// upload with the import's status address); a new time-ordered id when null.
/// </param>
public sealed record RosterImportRequest(string FilePath, string FileName, Period? Period, bool DryRun,
    string? UserId = null, string? UserName = null, Guid? ImportId = null, bool KeepForCommit = false, Func<Stream>? Open = null,
    Guid? NewImportId = null)
{
    public Stream OpenFile() => Open?.Invoke() ?? File.OpenRead(FilePath);
}

/// <summary>
/// Imports a roster (the 47-column national export as .xlsx or CSV): reads it streaming, checks every row, stages the
/// accepted rows in a temporary table, runs the file-wide checks and either reports (dry run) or merges into the
/// registry and hands the rows to the other modules (<see cref="IRosterImportHandler"/>). Everything of one import
/// happens in one database transaction, so a crash or kill leaves the database as before or fully imported.
/// Every check and commit, and every one that fails, is recorded in the audit trail with its counts (导入).
/// </summary>
public sealed class RosterImportService(
    AppDbContext db, RosterRowParserFactory parsers, RegionScopeAccessor scope, IEnumerable<IRosterImportHandler> handlers,
    ILogger<RosterImportService> logger, AuditTrail audit)
{
    public const int MaxIssuesInSummary = 10_000;
    private const int BatchSize = 500;

    public async Task<RosterImportSummary> ImportAsync(RosterImportRequest request, IProgress<JobProgress>? progress, CancellationToken cancellationToken)
    {
        var record = await StartAsync(request, cancellationToken);
        var name = request.DryRun ? AuditEvents.ImportCheck : AuditEvents.ImportCommit;
        RosterImportSummary summary;
        try
        {
            summary = await RunAsync(record, request, progress, cancellationToken);
        }
        catch (Exception e)
        {
            db.ChangeTracker.Clear();
            var state = e is OperationCanceledException ? RosterImportState.Cancelled : RosterImportState.Failed;
            await db.Set<RosterImportRecord>().Where(r => r.Id == record.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.State, state), CancellationToken.None);
            logger.LogWarning("Roster import {ImportId} ended {State}: {ExceptionType}", record.Id, state, e.GetType().Name);
            await audit.RecordAsync(new AuditEntry(AuditCategories.Import, name,
                $"{AuditEntry.Failure}：{(state == RosterImportState.Cancelled ? "已取消" : e.GetType().Name)}", record.Id.ToString(),
                new { fileName = record.FileName, fileSha256 = record.FileSha256 }, NullIfEmpty(record.RegionCode)), CancellationToken.None);
            throw;
        }
        // Rows refused because the ID is registered in another county tell the importer that the person is registered
        // somewhere; the count lets an auditor spot files used to probe ID numbers.
        var registeredElsewhere = await db.Set<RosterImportIssue>()
            .CountAsync(i => i.ImportId == record.Id && i.Code == QualityRules.RegisteredElsewhere.Code, CancellationToken.None);
        await audit.RecordAsync(new AuditEntry(AuditCategories.Import, name,
            summary.FileError is null ? AuditEntry.Success : $"{AuditEntry.Failure}：文件无法导入", record.Id.ToString(), new
            {
                registeredElsewhere,
                fileName = record.FileName, fileSha256 = record.FileSha256, period = summary.Period.ToString(), rows = summary.Rows,
                personsNew = summary.PersonsNew, personsUpdated = summary.PersonsUpdated, personsUnchanged = summary.PersonsUnchanged,
                rowsRefused = summary.RowsRefused, householdsNew = summary.HouseholdsNew, errors = summary.Errors, warnings = summary.Warnings,
            }, NullIfEmpty(record.RegionCode)), CancellationToken.None);
        return summary;
    }

    private static string? NullIfEmpty(string? code) => string.IsNullOrEmpty(code) ? null : code;

    private async Task<RosterImportRecord> StartAsync(RosterImportRequest request, CancellationToken ct)
    {
        RosterImportRecord record;
        if (request.ImportId is { } id)
        {
            record = await db.Set<RosterImportRecord>().SingleOrDefaultAsync(r => r.Id == id, ct)
                     ?? throw new KeyNotFoundException("找不到这次导入记录。");
            if (record.State != RosterImportState.DryRun)
                throw new InvalidOperationException("只有已检查、尚未入库的导入才能确认入库。");
        }
        else
        {
            await using var file = request.OpenFile();
            record = new RosterImportRecord
            {
                Id = request.NewImportId ?? Guid.CreateVersion7(),
                RegionCode = scope.Scope.Prefix ?? throw new RegionScopeViolationException("导入"),
                FileName = Path.GetFileName(request.FileName),
                FileSha256 = Convert.ToHexString(await SHA256.HashDataAsync(file, ct)).ToLowerInvariant(),
                FileSize = file.Length,
                UserId = request.UserId,
                UserName = request.UserName,
                CreatedAt = parsers.Clock.GetUtcNow(),
                Period = request.Period ?? default,
            };
            db.Add(record);
        }
        record.State = RosterImportState.Running;
        await db.SaveChangesAsync(ct);
        return record;
    }

    private async Task<RosterImportSummary> RunAsync(RosterImportRecord record, RosterImportRequest request, IProgress<JobProgress>? progress, CancellationToken ct)
    {
        var provider = db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var dialect = new SqlDialect(provider);
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        if (provider == DatabaseProvider.Sqlite)
        {
            // A bigger page cache for this connection (16 MB main, 8 MB for the temporary stage) keeps index updates
            // in memory; SQLite's default of 2 MB makes a large import mostly page shuffling.
            await connection.ExecuteAsync(null, "PRAGMA cache_size = -16384; PRAGMA temp.cache_size = -4096;", ct);
        }
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(tx, "DELETE FROM reg_roster_import_issue WHERE import_id = @id", ct, ("@id", record.Id));
        var issues = new ImportIssueWriter(connection, tx, record.Id);
        var now = parsers.Clock.GetUtcNow();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        void Step(string step) => logger.LogInformation("Roster import {ImportId}: {Step} done at {Milliseconds} ms", record.Id, step, watch.ElapsedMilliseconds);
        var read = await ReadIntoStageAsync(record, request, connection, tx, provider, issues, progress, ct);
        var period = request.Period ?? (read.Year is { } y ? new Period(y, 12) : new Period(now.Year, 12));
        var counts = new MergeCounts(0, 0, 0, 0);
        var refused = read.Refused;
        if (read.FileError is null)
        {
            progress?.Report(new JobProgress(read.Rows, read.Rows, "全文件检查"));
            Step("read");
            await connection.ExecuteAsync(tx, RosterStage.CreateWorkSql(provider), ct);
            refused += await new RosterFileChecks(connection, tx, dialect, issues).RunAsync(read.RefusedHouseholds!, ct);
            Step("file checks");
            var merge = new RosterMerge(connection, tx, dialect, record.Id, now, request.UserName, read.PresentFields, logger);
            counts = await merge.ClassifyAsync(ct);
            Step("classify");
            if (!request.DryRun)
            {
                progress?.Report(new JobProgress(read.Rows, read.Rows, "写入数据库"));
                await merge.CommitAsync(period, ct);
                Step("merge");
            }
            var context = new RosterImportContext(connection, tx, provider, record.Id, period, now, request.UserName, request.DryRun);
            foreach (var handler in handlers)
                await issues.WriteAsync((await handler.HandleAsync(context, ct)).ToList(), ct);
            Step("handlers");
            await merge.CleanUpAsync(ct);
        }
        else
        {
            await connection.ExecuteAsync(tx, RosterStage.DropSql(provider), ct);
        }

        record.Period = period;
        record.State = read.FileError is not null ? RosterImportState.Failed
            : !request.DryRun ? RosterImportState.Committed
            : request.KeepForCommit && read.Rows > read.Refused ? RosterImportState.DryRun
            : RosterImportState.Checked;
        record.CheckedAt = now;
        record.CommittedAt = request.DryRun ? null : now;
        record.Rows = read.Rows;
        record.PersonsNew = counts.PersonsNew;
        record.PersonsUpdated = counts.PersonsUpdated;
        record.PersonsUnchanged = counts.PersonsUnchanged;
        record.HouseholdsNew = counts.HouseholdsNew;
        record.RowsRefused = refused;
        record.Errors = issues.Errors;
        record.Warnings = issues.Warnings;
        record.FileError = read.FileError;
        await connection.ExecuteAsync(tx, """
            UPDATE reg_roster_import SET period = @period, state = @state, checked_at = @checked, committed_at = @committed, rows = @rows,
                persons_new = @new, persons_updated = @updated, persons_unchanged = @unchanged, households_new = @households,
                rows_refused = @refused, errors = @errors, warnings = @warnings, file_error = @error
            WHERE id = @id
            """, ct, ("@period", period.Value), ("@state", (short)record.State), ("@checked", now), ("@committed", record.CommittedAt),
            ("@rows", record.Rows), ("@new", record.PersonsNew), ("@updated", record.PersonsUpdated), ("@unchanged", record.PersonsUnchanged),
            ("@households", record.HouseholdsNew), ("@refused", record.RowsRefused), ("@errors", record.Errors),
            ("@warnings", record.Warnings), ("@error", record.FileError), ("@id", record.Id));
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        logger.LogInformation("Roster import {ImportId} {Mode}: {Rows} rows, {New} new, {Updated} updated, {Unchanged} unchanged, {Refused} refused",
            record.Id, request.DryRun ? "checked" : "committed", record.Rows, record.PersonsNew, record.PersonsUpdated, record.PersonsUnchanged, record.RowsRefused);
        progress?.Report(new JobProgress(read.Rows, read.Rows, "完成"));
        return new RosterImportSummary(record.Id, record.FileName, period, request.DryRun, record.State, record.Rows, record.PersonsNew,
            record.PersonsUpdated, record.PersonsUnchanged, record.RowsRefused, record.HouseholdsNew, record.Errors, record.Warnings,
            record.FileError, await IssuesAsync(record.Id, MaxIssuesInSummary, ct));
    }

    /// <summary>The stored findings of an import, errors first, then by row.</summary>
    public async Task<IReadOnlyList<RowIssue>> IssuesAsync(Guid importId, int max, CancellationToken ct) =>
        (await db.Set<RosterImportIssue>().AsNoTracking()
            .Where(i => i.ImportId == importId)
            .OrderBy(i => i.Severity).ThenBy(i => i.RowNumber).ThenBy(i => i.Id)
            .Take(max)
            .ToListAsync(ct))
        .Select(i => new RowIssue(i.RowNumber, i.ColumnName, Rule(i.Code) ?? new QualityRule(i.Code, i.Severity, i.Code, ""), i.Message, i.VillageCode))
        .ToList();

    /// <summary>Every rule an import applies: the registry's and those of the modules' handlers.</summary>
    public IReadOnlyList<QualityRule> Rules => QualityRules.All.Concat(handlers.SelectMany(h => h.Rules)).ToList();

    private QualityRule? Rule(string code) => QualityRules.Find(code) ?? handlers.SelectMany(h => h.Rules).FirstOrDefault(r => r.Code == code);

    private sealed record ReadResult(int Rows, int Refused, int? Year, string? FileError, IReadOnlySet<string> PresentFields,
        IReadOnlyDictionary<string, RowIssue>? RefusedHouseholds = null);

    private sealed record Batch(List<object?[]> Rows, List<RowIssue> Issues, double Progress, int RowsRead);

    private async Task<ReadResult> ReadIntoStageAsync(RosterImportRecord record, RosterImportRequest request, System.Data.Common.DbConnection connection,
        System.Data.Common.DbTransaction tx, DatabaseProvider provider, ImportIssueWriter issues, IProgress<JobProgress>? progress, CancellationToken ct)
    {
        await connection.ExecuteAsync(tx, RosterStage.CreateSql(provider), ct);
        RosterSheet sheet;
        try
        {
            sheet = RosterSheet.Open(request.OpenFile(), record.FileName, RosterLayout.IsHeaderRow);
        }
        catch (RosterFileException e)
        {
            await issues.WriteAsync([new RowIssue(0, "", QualityRules.FileUnreadable, e.Message)], ct);
            return new ReadResult(0, 0, null, e.Message, new HashSet<string>());
        }
        using var _ = sheet;
        var mapping = MapHeaders(sheet.Headers, out var fileIssues);
        await issues.WriteAsync(fileIssues, ct);
        var fileError = fileIssues.FirstOrDefault(i => i.Severity == IssueSeverity.Error)?.Message;
        if (fileError is not null) return new ReadResult(0, 0, null, fileError, new HashSet<string>());

        var parser = parsers.Create(mapping, sheet.Headers, scope.Scope);
        var channel = Channel.CreateBounded<Batch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var years = new Dictionary<int, int>();
        var refused = 0;
        // Households with a refused row: (first refused row, its finding), to refuse the rest of the household too.
        var refusedHouseholds = new Dictionary<string, RowIssue>(StringComparer.Ordinal);
        var householdColumn = mapping.GetValueOrDefault(RosterColumn.HouseholdNumber, -1);
        // Reading the file, parsing the rows and writing them to the stage run side by side (three tasks).
        var producer = Task.Run(async () =>
        {
            try
            {
                var batch = new Batch([], [], 0, 0);
                var rowsRead = 0;
                await foreach (var raw in sheet.ReadAheadAsync(ct))
                {
                    rowsRead++;
                    var issuesBefore = batch.Issues.Count;
                    var row = await parser.ParseAsync(raw, batch.Issues.Add, ct);
                    if (row is null)
                    {
                        refused++;
                        var household = householdColumn >= 0 && householdColumn < raw.Cells.Length ? raw.Cells[householdColumn].Text?.Trim() : null;
                        if (!string.IsNullOrEmpty(household) && !refusedHouseholds.ContainsKey(household))
                            refusedHouseholds[household] = batch.Issues.Skip(issuesBefore).First(i => i.Severity == IssueSeverity.Error);
                    }
                    else
                    {
                        batch.Rows.Add(RosterStage.Values(row));
                        if (row.RecordYear is { } y) years[y] = years.GetValueOrDefault(y) + 1;
                    }
                    if (batch.Rows.Count + batch.Issues.Count >= BatchSize)
                    {
                        await channel.Writer.WriteAsync(batch with { Progress = sheet.Progress, RowsRead = rowsRead }, ct);
                        batch = new Batch([], [], 0, 0);
                    }
                }
                await channel.Writer.WriteAsync(batch with { Progress = 1, RowsRead = rowsRead }, ct);
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, ct);

        var rows = 0;
        try
        {
            // A file error while reading completes the channel with it, so it surfaces here (and in the producer).
            await foreach (var batch in channel.Reader.ReadAllAsync(ct))
            {
                await BulkCopy.InsertAsync(connection, tx, RosterStage.Name, RosterStage.ColumnNames, batch.Rows, ct);
                await issues.WriteAsync(batch.Issues, ct);
                rows = batch.RowsRead;
                progress?.Report(new JobProgress((long)(batch.Progress * 1000), 1000, $"已读取 {rows} 行"));
            }
            await producer;
        }
        catch (RosterFileException e)
        {
            await issues.WriteAsync([new RowIssue(0, "", QualityRules.FileUnreadable, e.Message)], ct);
            return new ReadResult(rows, refused, null, e.Message, new HashSet<string>());
        }
        if (rows == 0)
        {
            const string empty = "文件中没有数据行（表头下面是空的）。";
            await issues.WriteAsync([new RowIssue(0, "", QualityRules.FileUnreadable, empty)], ct);
            return new ReadResult(0, 0, null, empty, new HashSet<string>());
        }
        var year = years.Count == 0 ? (int?)null : years.MaxBy(kv => kv.Value).Key;
        return new ReadResult(rows, refused, year, null, PresentFields(mapping.Keys), refusedHouseholds);
    }

    private static Dictionary<RosterColumn, int> MapHeaders(IReadOnlyList<string> headers, out List<RowIssue> issues)
    {
        issues = [];
        var mapping = new Dictionary<RosterColumn, int>();
        var unknown = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(headers[i])) continue;
            var def = RosterLayout.Find(headers[i]);
            if (def is null) unknown.Add(headers[i]);
            else if (!mapping.TryAdd(def.Column, i))
                issues.Add(new RowIssue(0, headers[i], QualityRules.FileDuplicateColumns,
                    $"列“{headers[i]}”与“{headers[mapping[def.Column]]}”是同一列（{def.Header}），只能保留一列。"));
        }
        var missing = RosterLayout.Columns.Where(c => c.Required && !mapping.ContainsKey(c.Column)).Select(c => c.Header).ToList();
        if (missing.Count > 0)
            issues.Insert(0, new RowIssue(0, string.Join("、", missing), QualityRules.FileMissingColumns,
                $"文件缺少必需的列：{string.Join("、", missing)}。请使用全国防返贫监测信息系统导出的 47 列人员表。"));
        var optionalMissing = RosterLayout.ExportColumns.Where(c => !c.Required && !mapping.ContainsKey(c.Column)).Select(c => c.Header).ToList();
        if (optionalMissing.Count > 0 && missing.Count == 0)
            issues.Add(new RowIssue(0, string.Join("、", optionalMissing), QualityRules.FileOptionalColumnsMissing,
                $"文件没有这些列，已登记人员的这些信息保持不变：{string.Join("、", optionalMissing)}。"));
        if (unknown.Count > 0)
            issues.Add(new RowIssue(0, string.Join("、", unknown), QualityRules.FileUnknownColumns,
                $"无法识别这些列，已忽略：{string.Join("、", unknown)}。"));
        return mapping;
    }

    private static IReadOnlySet<string> PresentFields(IEnumerable<RosterColumn> columns)
    {
        var present = new HashSet<string>();
        foreach (var column in columns)
            foreach (var field in FieldsOf(column)) present.Add(field);
        return present;
    }

    private static string[] FieldsOf(RosterColumn column) => column switch
    {
        RosterColumn.Village => ["region_code"],
        RosterColumn.PersonNumber => ["person_number"],
        RosterColumn.Name => ["name"],
        RosterColumn.Sex => ["sex_code"],
        RosterColumn.BirthDate => ["birth_date"],
        RosterColumn.DocumentType => ["document_type_code"],
        RosterColumn.IdNumber => ["id_number_masked", "id_converted_from15"],
        RosterColumn.Ethnicity => ["ethnicity_code"],
        RosterColumn.MemberPhone => ["phone_masked"],
        RosterColumn.Year => ["record_year"],
        RosterColumn.RelationshipToHead => ["relationship_code"],
        RosterColumn.Education => ["education_code"],
        RosterColumn.SchoolStatus => ["school_status_code"],
        RosterColumn.LabourCapacity => ["labour_capacity_code"],
        RosterColumn.MonthsWorked => ["months_worked"],
        RosterColumn.Health => ["health_code"],
        RosterColumn.PoliticalStatus => ["political_status_code"],
        RosterColumn.EmployerName => ["employer_name"],
        RosterColumn.MinimumLivingAllowance => ["minimum_living_allowance"],
        RosterColumn.UrbanEmployeePension => ["urban_employee_pension"],
        RosterColumn.SeriousIllnessInsurance => ["serious_illness_insurance"],
        RosterColumn.ResidentMedicalInsurance => ["resident_medical_insurance"],
        RosterColumn.ResidentPension => ["resident_pension"],
        RosterColumn.DropoutReason => ["dropout_reason_code"],
        RosterColumn.SpeaksMandarin => ["speaks_mandarin"],
        RosterColumn.CommercialMedicalInsurance => ["commercial_medical_insurance"],
        RosterColumn.WorksAbroad => ["works_abroad"],
        RosterColumn.Industry => ["industry_code"],
        RosterColumn.SeriousIllnessMedicalAssistance => ["serious_illness_medical_assistance"],
        RosterColumn.OtherHealthAssistance => ["other_health_assistance"],
        RosterColumn.PublicWelfareJobType => ["public_welfare_job_code"],
        RosterColumn.PublicWelfareJobMonths => ["public_welfare_job_months"],
        RosterColumn.EmploymentChannel => ["employment_channel_code"],
        RosterColumn.DisabilityCategory => ["disability_code"],
        RosterColumn.Workplace => ["workplace_text", "workplace_region_code"],
        RosterColumn.UrbanEmployeeMedicalInsurance => ["urban_employee_medical_insurance"],
        RosterColumn.ExtremePovertySupport => ["extreme_poverty_support"],
        RosterColumn.DisabilityCertificateYear => ["disability_certificate_year"],
        RosterColumn.IdentificationStandard => ["identification_standard_code"],
        RosterColumn.MonitoringType => ["monitoring_type_code"],
        _ => [],
    };
}
