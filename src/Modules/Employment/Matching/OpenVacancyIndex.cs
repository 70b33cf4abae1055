using System.Diagnostics;
using Bangfu.Employment.Employers;
using Bangfu.Employment.Occupations;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Registry.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bangfu.Employment.Matching;

/// <summary>Settings of <see cref="OpenVacancyIndex"/>, section <c>Employment:OpenVacancies</c>.</summary>
public sealed class OpenVacancyIndexOptions
{
    public const string Section = "Employment:OpenVacancies";

    /// <summary>
    /// How long a built index serves before it is read again from the database although this process saw no write
    /// (default 60 s; <c>00:00:00</c> reads on every call). It bounds how long a change made by another instance of the
    /// web host, or by the CLI, stays unseen. An index older than three quarters of it is refreshed in the background
    /// while it still serves, so steady use never waits for a rebuild.
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>An open vacancy as matching shows it: the names resolved once, when the index is built.</summary>
public sealed record OpenVacancyRow(Guid Id, string Title, string EmployerName, string OccupationCode, string OccupationName,
    string WorkplaceRegionCode, string WorkplaceName, int WageMin, int WageMax, int Headcount)
{
    public RankedVacancy Ranked(MatchExplanation why) =>
        new(Id, Title, EmployerName, OccupationCode, OccupationName, WorkplaceRegionCode, WorkplaceName, WageMin, WageMax, Headcount, why);
}

/// <summary>
/// The open vacancies of one day, built into a <see cref="BatchMatcher"/> with their display rows. Immutable: readers
/// on any thread share it while a newer one is built.
/// </summary>
/// <param name="Day">The local date the vacancies are open on (<see cref="VacancyService.Open"/>).</param>
/// <param name="Generation">The count of changes this process had seen when the read began.</param>
/// <param name="ReadAt">When the read from the database began (its age counts from there).</param>
public sealed record OpenVacancySnapshot(DateOnly Day, long Generation, DateTimeOffset ReadAt, BatchMatcher Matcher,
    IReadOnlyDictionary<Guid, OpenVacancyRow> Rows);

/// <summary>
/// The open vacancies in memory, built into the matching index once and shared by every request (vacancies are not
/// personal data and not region-scoped: every caller sees the same open vacancies; people are still read per request,
/// in the caller's scope). Replaces reading all open vacancies and building the index on every ranking.
/// <para>Fresh when: no change was signalled in this process since the read began (<see cref="VacancyChanges"/>; a
/// change makes the next caller wait for a new read, so a vacancy published, filled or withdrawn here shows at the next
/// call), the local date is the snapshot's (expiry is by date), and it is younger than
/// <see cref="OpenVacancyIndexOptions.MaxAge"/> (changes made by other processes). One read runs at a time per kind of
/// need; concurrent callers wait for the same read. The new snapshot replaces the old one in a single reference
/// assignment, so a reader sees the old one or the new one, never a mix.</para>
/// </summary>
public sealed class OpenVacancyIndex(IServiceScopeFactory scopes, TimeProvider clock, IOptions<OpenVacancyIndexOptions> options,
    ILogger<OpenVacancyIndex> log) : IVacancyChangeHandler
{
    private readonly Lock gate = new();
    private long generation;
    private volatile OpenVacancySnapshot? current;
    private Build? building;

    private sealed record Build(long Generation, DateOnly Day, Task<OpenVacancySnapshot> Task);

    /// <summary>The snapshot as it stands, without building one (null before the first <see cref="GetAsync"/>).</summary>
    public OpenVacancySnapshot? Current => current;

    /// <summary>Today's open vacancies: the current snapshot when fresh (see the class remarks), else a new read.</summary>
    public async Task<OpenVacancySnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, clock.LocalTimeZone).DateTime);
        var maxAge = options.Value.MaxAge;
        Build wait;
        lock (gate)
        {
            var gen = generation;
            if (current is { } s && s.Generation == gen && s.Day == day)
            {
                var age = now - s.ReadAt;
                if (age < maxAge)
                {
                    // Refresh ahead: steady use never waits for the age limit.
                    if (age >= maxAge * 0.75 && building is not { Task.IsCompleted: false }) building = Start(gen, day);
                    return s;
                }
            }
            // Join a read that began after the last change, for today; otherwise start one.
            if (building is { Task.IsCompleted: false } running && running.Generation == gen && running.Day == day) wait = running;
            else building = wait = Start(gen, day);
        }
        return await wait.Task.WaitAsync(cancellationToken);
    }

    /// <summary>A vacancy changed in this process: the next caller reads again.</summary>
    public ValueTask VacanciesChangedAsync(CancellationToken cancellationToken)
    {
        lock (gate) generation++;
        return ValueTask.CompletedTask;
    }

    private Build Start(long gen, DateOnly day) => new(gen, day, Task.Run(async () =>
    {
        try
        {
            return await ReadAsync(gen, day);
        }
        catch (Exception e)
        {
            // Callers waiting for it see the error; a refresh in the background has nobody waiting, so it is logged here.
            log.LogError(e, "Reading the open vacancies for {Day} failed", day);
            throw;
        }
    }));

    private async Task<OpenVacancySnapshot> ReadAsync(long gen, DateOnly day)
    {
        var started = Stopwatch.StartNew();
        var readAt = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        // Vacancies and employers carry no region filter; the read runs as the system all the same, never as a caller.
        services.GetRequiredService<RegionScopeAccessor>().Scope = RegionScope.Nationwide;
        var db = services.GetRequiredService<AppDbContext>();
        var occupations = services.GetRequiredService<OccupationCatalog>();
        var rows = await (from v in VacancyService.Open(db.Set<Vacancy>().AsNoTracking(), day)
                          join e in db.Set<Employer>().AsNoTracking() on v.EmployerId equals e.Id
                          select new { Vacancy = v, Employer = e.Name }).ToListAsync();
        var regions = await WorkplaceNames.ForAsync(services.GetRequiredService<RegionDirectory>(), rows.Select(r => r.Vacancy.WorkplaceRegionCode));
        var inputs = new List<MatchVacancy>(rows.Count);
        var shown = new Dictionary<Guid, OpenVacancyRow>(rows.Count);
        foreach (var row in rows)
        {
            var v = row.Vacancy;
            if (MatchingService.ToInput(v) is not { } input) continue;
            inputs.Add(input);
            shown[v.Id] = new OpenVacancyRow(v.Id, v.Title, row.Employer, v.OccupationCode,
                occupations.ByCode(v.OccupationCode)?.Name ?? v.OccupationCode, v.WorkplaceRegionCode,
                regions(v.WorkplaceRegionCode) ?? v.WorkplaceRegionCode, v.WageMin, v.WageMax, v.Headcount);
        }
        var snapshot = new OpenVacancySnapshot(day, gen, readAt, new BatchMatcher(inputs), shown);
        lock (gate)
        {
            // A slower read that began earlier must not replace a newer one.
            if (current is not { } c || gen > c.Generation || (gen == c.Generation && readAt >= c.ReadAt)) current = snapshot;
        }
        log.LogInformation("Open vacancy index built for {Day}: {Count} vacancies in {Elapsed} ms", day, inputs.Count, started.ElapsedMilliseconds);
        return snapshot;
    }
}
