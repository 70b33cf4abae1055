using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bangfu.Platform.Audit;

/// <summary>
/// Runs <see cref="AuditRetention"/> once a day in the web host (first a few minutes after start), then verifies the
/// chain and logs an error when it is broken (GB/T 22239-2019 8.1.4.3 c, d: records protected, and their protection
/// watched). Several instances may all run it: the chain head serialises them and the later ones find nothing to do.
/// </summary>
public sealed class AuditRetentionService(
    IServiceScopeFactory scopes, AuditRetentionSettings settings, TimeProvider clock, ILogger<AuditRetentionService> logger) : BackgroundService
{
    public static readonly TimeSpan FirstRun = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.ConfiguredDays < settings.Days)
            logger.LogWarning("Audit:RetentionDays {Configured} is below the legal minimum; {Days} days are kept", settings.ConfiguredDays, settings.Days);
        try
        {
            await Task.Delay(FirstRun, clock, stoppingToken);
            using var timer = new PeriodicTimer(Interval, clock);
            do
            {
                await RunOnceAsync(stoppingToken);
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AuditActor>().CorrelationId = "audit-retention";
            var result = await scope.ServiceProvider.GetRequiredService<AuditRetention>().TrimAsync(ct);
            if (result.Removed > 0)
                logger.LogInformation("Audit retention removed {Removed} entries; chain anchored at {Anchor}", result.Removed, result.TrimmedThroughId);
            var verdict = await scope.ServiceProvider.GetRequiredService<AuditTrail>().VerifyAsync(ct);
            if (!verdict.Intact)
                logger.LogError("Audit trail verification failed at entry {EntryId}", verdict.FirstBrokenId);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.InsufficientPrivilege)
        {
            logger.LogWarning("Audit retention needs DELETE on aud_event; with the restricted role of docs/security.md run 'bangfu audit trim' as the owner");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError("Audit retention failed: {ExceptionType}", e.GetType().FullName);
        }
    }
}
