namespace Bangfu.Testing;

/// <summary>A clock a test sets by hand (audit entries dated months ago, retention).</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
