namespace Bangfu.Employment.Services;

/// <summary>What a gateway answered: accepted (<see cref="Sent"/>) or not, with its error in words.</summary>
public sealed record SendResult(bool Sent, string? Error = null)
{
    public static SendResult Success { get; } = new(true);
    public static SendResult Failure(string error) => new(false, error);
}

/// <summary>
/// Sends a short message to a phone (an SMS gateway adapter). The platform ships without one: the default,
/// <see cref="NotConfiguredMessageSender"/>, sends nothing and says so, and the outbox keeps such messages as
/// "未配置短信网关，未发送". An adapter registers itself in place of the default once a gateway is contracted.
/// </summary>
public interface IMessageSender
{
    /// <summary>Whether a gateway is configured at all.</summary>
    bool IsConfigured { get; }

    /// <summary>Sends <paramref name="text"/> to <paramref name="phone"/> (digits, in clear, never logged).</summary>
    Task<SendResult> SendAsync(string phone, string text, CancellationToken cancellationToken = default);
}

/// <summary>No gateway: nothing is sent, nothing is claimed.</summary>
public sealed class NotConfiguredMessageSender : IMessageSender
{
    public bool IsConfigured => false;

    public Task<SendResult> SendAsync(string phone, string text, CancellationToken cancellationToken = default) =>
        Task.FromResult(SendResult.Failure(OutboxMessage.NotConfiguredError));
}
