using Bangfu.Platform.Data;
using Bangfu.Platform.Security;
using Bangfu.Registry.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bangfu.Employment.Services;

/// <summary>The people a message was queued for, and those left out because the registry has no phone for them.</summary>
public sealed record QueueResult(IReadOnlyList<OutboxMessage> Messages, IReadOnlyList<Guid> WithoutPhone);

/// <summary>
/// The outbox of job pushes by SMS: messages are queued per person with the phone as the registry encrypted it, then
/// handed to the <see cref="IMessageSender"/>. Only a message the sender reports as sent becomes a job push (a
/// <see cref="ServiceRecord"/> of channel SMS, dated the day it was sent); without a gateway every message stays
/// "未配置短信网关，未发送" and counts for nothing.
/// </summary>
public sealed class OutboxService(AppDbContext db, IPersonDirectory people, IPersonContacts contacts, IMessageSender sender,
    PersonalDataProtector protector, Ledger311Service ledger, TimeProvider clock, ILogger<OutboxService> log)
{
    public const int MaxTextLength = 500;

    public bool GatewayConfigured => sender.IsConfigured;

    /// <summary>Queues <paramref name="text"/> for each person with a phone and tries to send at once.</summary>
    /// <exception cref="ArgumentException">Empty or too long text, or nobody chosen.</exception>
    /// <exception cref="KeyNotFoundException">A person is unknown or outside the caller's scope.</exception>
    public async Task<QueueResult> QueueAsync(IReadOnlyCollection<Guid> personIds, string text, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>? vacancies,
        string? userName, CancellationToken ct = default)
    {
        text = text?.Trim() ?? "";
        if (text.Length == 0) throw new ArgumentException("请填写短信内容。", "Text");
        if (text.Length > MaxTextLength) throw new ArgumentException($"短信内容最多 {MaxTextLength} 个字。", "Text");
        if (personIds.Count == 0) throw new ArgumentException("请至少选择一人。", "People");
        var found = await people.FindManyAsync(personIds, ct);
        if (personIds.Any(id => !found.ContainsKey(id))) throw new KeyNotFoundException("找不到此人，或不在您的管辖范围内。");
        var phones = await contacts.PhonesAsync(personIds, ct);
        var messages = personIds.Distinct().Where(phones.ContainsKey).Select(id => new OutboxMessage
        {
            CountyCode = found[id].CountyCode,
            RegionCode = found[id].RegionCode,
            PersonId = id,
            Text = text,
            RecipientPhoneCipher = phones[id].Cipher,
            RecipientPhoneMasked = phones[id].Masked,
            VacancyIds = ServiceRecord.JoinVacancies(vacancies?.GetValueOrDefault(id)),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = userName,
        }).ToList();
        db.AddRange(messages);
        await db.SaveChangesAsync(ct);
        await DeliverAsync(messages, ct);
        return new QueueResult(messages, personIds.Distinct().Where(id => !phones.ContainsKey(id)).ToList());
    }

    /// <summary>Tries a message again (one not sent yet).</summary>
    /// <exception cref="KeyNotFoundException">No such message in the caller's scope.</exception>
    public async Task<OutboxMessage> RetryAsync(Guid id, CancellationToken ct = default)
    {
        var message = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == id, ct)
                      ?? throw new KeyNotFoundException("找不到该短信。");
        if (message.State != OutboxState.Sent) await DeliverAsync([message], ct);
        return message;
    }

    /// <summary>The latest messages under a region prefix, newest first.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(string prefix, int take = 200, CancellationToken ct = default) =>
        await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.RegionCode.StartsWith(prefix))
            .OrderByDescending(m => m.CreatedAt).Take(take).ToListAsync(ct);

    private async Task DeliverAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        foreach (var message in messages)
        {
            if (!sender.IsConfigured)
            {
                message.MarkNotConfigured();
                continue;
            }
            SendResult result;
            try
            {
                result = await sender.SendAsync(protector.Decrypt(message.RecipientPhoneCipher), message.Text, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The exception type only: a gateway's message may echo the phone number.
                log.LogWarning("SMS gateway failed for outbox message {MessageId}: {ErrorType}", message.Id, e.GetType().Name);
                result = SendResult.Failure("短信网关出错：" + e.GetType().Name);
            }
            if (result.Sent) message.MarkSent(clock.GetUtcNow());
            else message.MarkFailed(result.Error ?? "短信网关未接受。");
        }
        await db.SaveChangesAsync(ct);
        foreach (var sent in messages.Where(m => m.State == OutboxState.Sent))
            await ledger.RecordAsync([sent.PersonId], new ServiceInput(ServiceKind.JobPush, ledger.Today,
                ServiceChannel.Sms, sent.Text.Length > ServiceRecord.WhatMaxLength ? sent.Text[..ServiceRecord.WhatMaxLength] : sent.Text,
                string.IsNullOrEmpty(sent.VacancyIds) ? null : sent.VacancyIds.Split(',').Select(Guid.Parse).ToList()), sent.CreatedBy, sent.Id, ct);
    }
}
