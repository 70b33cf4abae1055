using Bangfu.Platform.Scope;

namespace Bangfu.Employment.Services;

/// <summary>Where a message of the outbox stands.</summary>
public enum OutboxState : short
{
    /// <summary>待发送.</summary>
    Queued = 0,
    /// <summary>已发送 (the gateway accepted it); only this state counts as a job push.</summary>
    Sent = 1,
    /// <summary>发送失败 (the gateway refused or could not be reached); may be tried again.</summary>
    Failed = 2,
    /// <summary>未配置短信网关，未发送: no gateway is configured; nothing left the system.</summary>
    NotConfigured = 3,
}

/// <summary>
/// A message to one person (emp_outbox): the text, the recipient's phone (encrypted as the registry stores it, and masked
/// for display), the state, the attempts and the last error. A message counts as a job push only once the sender reports
/// it sent (<see cref="OutboxState.Sent"/>); then a <see cref="ServiceRecord"/> with channel SMS is created for it.
/// </summary>
public sealed class OutboxMessage : IRegionScoped
{
    public const string NotConfiguredError = "未配置短信网关，未发送";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string CountyCode { get; init; } = "";

    /// <summary>The recipient's home village.</summary>
    public string RegionCode { get; init; } = "";
    public Guid PersonId { get; init; }
    public string Text { get; init; } = "";

    /// <summary>The phone as the registry encrypts it (PersonalDataProtector layout).</summary>
    public byte[] RecipientPhoneCipher { get; init; } = [];
    public string RecipientPhoneMasked { get; init; } = "";

    /// <summary>The vacancies the message pushes, comma-separated ids (copied to the service record once sent).</summary>
    public string? VacancyIds { get; init; }
    public OutboxState State { get; private set; }
    public int Attempts { get; private set; }
    public string? Error { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? CreatedBy { get; init; }
    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>The gateway accepted the message.</summary>
    public void MarkSent(DateTimeOffset at)
    {
        if (State == OutboxState.Sent) throw new InvalidOperationException("该短信已发送。");
        Attempts++;
        State = OutboxState.Sent;
        SentAt = at;
        Error = null;
    }

    /// <summary>The gateway refused the message or could not be reached.</summary>
    public void MarkFailed(string error)
    {
        if (State == OutboxState.Sent) throw new InvalidOperationException("该短信已发送。");
        Attempts++;
        State = OutboxState.Failed;
        Error = error.Length > 500 ? error[..500] : error;
    }

    /// <summary>No gateway: the message stays in the outbox, unsent, and says so.</summary>
    public void MarkNotConfigured()
    {
        if (State == OutboxState.Sent) throw new InvalidOperationException("该短信已发送。");
        State = OutboxState.NotConfigured;
        Error = NotConfiguredError;
    }
}
