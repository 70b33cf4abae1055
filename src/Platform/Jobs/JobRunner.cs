using System.Collections.Concurrent;
using System.Threading.Channels;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Scope;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bangfu.Platform.Jobs;

public enum JobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>Progress of long work: <paramref name="Done"/> of <paramref name="Total"/> units (rows), and what it is doing.</summary>
public sealed record JobProgress(long Done, long? Total, string Stage)
{
    /// <summary>Percentage 0-100, or null when the total is unknown.</summary>
    public int? Percent => Total is > 0 ? (int)Math.Min(100, Done * 100 / Total.Value) : null;
}

/// <summary>A unit of long-running work (an import, a monthly close) run in the background with progress.</summary>
public sealed class Job
{
    internal Job(string kind, string? ownerUserId, RegionScope scope, DateTimeOffset createdAt)
    {
        Kind = kind;
        OwnerUserId = ownerUserId;
        Scope = scope;
        CreatedAt = createdAt;
    }

    public Guid Id { get; } = Guid.CreateVersion7();
    public string Kind { get; }
    public string? OwnerUserId { get; }
    public RegionScope Scope { get; }
    public DateTimeOffset CreatedAt { get; }
    public DateTimeOffset? FinishedAt { get; internal set; }
    public JobState State { get; internal set; } = JobState.Queued;
    public JobProgress Progress { get; internal set; } = new(0, null, "排队中");
    public string? Error { get; internal set; }
    public object? Result { get; internal set; }
    internal CancellationTokenSource Cancellation { get; } = new();
    /// <summary>Who started the job, as the audit trail records it inside the job.</summary>
    internal AuditActor Actor { get; } = new();
    internal Func<IServiceProvider, IProgress<JobProgress>, CancellationToken, Task<object?>> Work { get; init; } = null!;
    public bool IsFinished => State is JobState.Succeeded or JobState.Failed or JobState.Cancelled;
}

/// <summary>
/// Runs background jobs, two at a time, each in its own DI scope carrying the region scope of whoever started it and,
/// for the audit trail, who that was (user, client address, correlation id of the request).
/// Jobs live in memory: a restart forgets them, and the work they do is transactional, so an interrupted job
/// leaves nothing half done.
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<JobRunner> logger) : BackgroundService
{
    private const int Workers = 2;
    private readonly Channel<Job> queue = Channel.CreateUnbounded<Job>();
    private readonly ConcurrentDictionary<Guid, Job> jobs = new();

    /// <param name="actor">Who enqueues (the request's <see cref="AuditActor"/>); without it the job's entries carry the
    /// owner's user id only.</param>
    public Job Enqueue(string kind, string? ownerUserId, RegionScope scope,
        Func<IServiceProvider, IProgress<JobProgress>, CancellationToken, Task<object?>> work, AuditActor? actor = null)
    {
        var job = new Job(kind, ownerUserId, scope, clock.GetUtcNow()) { Work = work };
        if (actor is not null) job.Actor.CopyFrom(actor);
        else job.Actor.UserId = ownerUserId;
        jobs[job.Id] = job;
        queue.Writer.TryWrite(job);
        Trim();
        return job;
    }

    public Job? Find(Guid id) => jobs.TryGetValue(id, out var job) ? job : null;

    /// <summary>Asks a queued or running job to stop; its transaction rolls back.</summary>
    public bool Cancel(Guid id)
    {
        if (!jobs.TryGetValue(id, out var job) || job.IsFinished) return false;
        job.Cancellation.Cancel();
        return true;
    }

    /// <summary>Waits until the job has finished (for the CLI and tests).</summary>
    public async Task<Job> WaitAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var job = Find(id) ?? throw new KeyNotFoundException(id.ToString());
        while (!job.IsFinished) await Task.Delay(50, cancellationToken);
        return job;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
                await RunAsync(job, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunAsync(Job job, CancellationToken stoppingToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(job.Cancellation.Token, stoppingToken);
        if (linked.IsCancellationRequested)
        {
            Finish(job, JobState.Cancelled, null);
            return;
        }
        job.State = JobState.Running;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<RegionScopeAccessor>().Scope = job.Scope;
            scope.ServiceProvider.GetRequiredService<AuditActor>().CopyFrom(job.Actor);
            var progress = new Progress(job);
            job.Result = await job.Work(scope.ServiceProvider, progress, linked.Token);
            Finish(job, JobState.Succeeded, null);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            Finish(job, JobState.Cancelled, null);
        }
        catch (Exception ex)
        {
            // The message goes to the user; the log gets the type only (messages may quote input data).
            logger.LogError("Job {JobId} ({Kind}) failed: {ExceptionType}", job.Id, job.Kind, ex.GetType().FullName);
            Finish(job, JobState.Failed, ex.Message);
        }
    }

    private void Finish(Job job, JobState state, string? error)
    {
        job.Error = error;
        job.FinishedAt = clock.GetUtcNow();
        job.State = state;
    }

    // Finished jobs are kept for a day so their pages can still show the outcome.
    private void Trim()
    {
        var cutoff = clock.GetUtcNow().AddDays(-1);
        foreach (var (id, job) in jobs)
            if (job.FinishedAt < cutoff) jobs.TryRemove(id, out _);
    }

    private sealed class Progress(Job job) : IProgress<JobProgress>
    {
        public void Report(JobProgress value) => job.Progress = value;
    }
}
