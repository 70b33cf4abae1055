using Bangfu.Employment.MonthlyRound;
using Bangfu.Employment.Services;
using Bangfu.Platform.Data;
using Bangfu.Platform.Security;
using Bangfu.Platform.Time;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Employment.Tests.Services;

/// <summary>The SMS outbox: nothing counts as a push unless it was sent.</summary>
public sealed class OutboxTests : DatabaseTest
{
    private const string Hejiawan = "430182106209";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Assert.Equal(930, (await ImportAsync(Fixtures.SeedVillages, "2021-12")).PersonsNew);
    }

    [Fact]
    public async Task Without_a_gateway_messages_stay_unsent_say_so_and_count_for_nothing()
    {
        var people = await SeekersWithPhonesAsync(Services, 2);

        var result = await QueueAsync(Services, people);

        Assert.Equal(2, result.Messages.Count);
        await using var scope = Services.InScope();
        var db = scope.Get<AppDbContext>();
        var stored = await db.Set<OutboxMessage>().ToListAsync();
        Assert.All(stored, m =>
        {
            Assert.Equal(OutboxState.NotConfigured, m.State);
            Assert.Equal("未配置短信网关，未发送", m.Error);
            Assert.Null(m.SentAt);
            Assert.Matches(@"^\d{3}\*{4}\d{4}$", m.RecipientPhoneMasked);
            Assert.DoesNotContain(m.RecipientPhoneMasked.Replace("*", ""), System.Text.Encoding.UTF8.GetString(m.RecipientPhoneCipher));
        });
        Assert.Equal(0, await db.Set<ServiceRecord>().CountAsync());
        var ledger = await scope.Get<Ledger311Service>().LedgerAsync(Hejiawan, DateTime.Today.Year);
        Assert.All(ledger.Where(l => people.Contains(l.Person.Id)), l => Assert.Equal(0, l.Counts.Pushes));

        // Trying again without a gateway changes nothing either.
        await scope.Get<OutboxService>().RetryAsync(stored[0].Id);
        Assert.Equal(0, await db.Set<ServiceRecord>().CountAsync());
    }

    [Fact]
    public async Task A_message_the_gateway_sent_counts_as_one_push_and_a_refused_one_does_not()
    {
        var gateway = new RecordingGateway();
        await using var services = Database.BuildServices(configure: s => s.AddSingleton<IMessageSender>(gateway));
        var people = await SeekersWithPhonesAsync(services, 2);
        gateway.RefuseCall = 2;

        var vacancy = Guid.NewGuid();
        var result = await QueueAsync(services, people, vacancy);

        await using var scope = services.InScope();
        var db = scope.Get<AppDbContext>();
        var protector = scope.Get<PersonalDataProtector>();
        var sent = result.Messages.Single(m => m.PersonId == people[0]);
        var refused = result.Messages.Single(m => m.PersonId == people[1]);
        Assert.Equal(OutboxState.Sent, sent.State);
        Assert.Equal(OutboxState.Failed, refused.State);
        Assert.Equal("号码停机", refused.Error);
        Assert.Equal(protector.Decrypt(sent.RecipientPhoneCipher), gateway.Sent.Single().Phone);
        var records = await db.Set<ServiceRecord>().ToListAsync();
        var record = Assert.Single(records);
        Assert.Equal((people[0], ServiceKind.JobPush, ServiceChannel.Sms, sent.Id), (record.PersonId, record.Kind, record.Channel, record.OutboxMessageId));
        Assert.Equal([vacancy], record.Vacancies());

        // The refused one goes through on a second try, and counts then.
        gateway.RefuseCall = null;
        var retried = await scope.Get<OutboxService>().RetryAsync(refused.Id);
        Assert.Equal((OutboxState.Sent, 2), (retried.State, retried.Attempts));
        Assert.Equal(2, await db.Set<ServiceRecord>().CountAsync());
    }

    /// <summary>A gateway that accepts every message but the n-th call it is told to refuse.</summary>
    private sealed class RecordingGateway : IMessageSender
    {
        public List<(string Phone, string Text)> Sent { get; } = [];
        public int Calls { get; private set; }
        public int? RefuseCall { get; set; }

        public bool IsConfigured => true;

        public Task<SendResult> SendAsync(string phone, string text, CancellationToken cancellationToken = default)
        {
            if (++Calls == RefuseCall) return Task.FromResult(SendResult.Failure("号码停机"));
            Sent.Add((phone, text));
            return Task.FromResult(SendResult.Success);
        }
    }

    private static async Task<QueueResult> QueueAsync(IServiceProvider services, IReadOnlyList<Guid> people, Guid? vacancy = null)
    {
        await using var scope = services.InScope();
        return await scope.Get<OutboxService>().QueueAsync(people, "宁乡经开区某电子厂招普工，月薪 4500-6000 元，包住。详询村部。",
            vacancy is { } v ? people.ToDictionary(p => p, _ => (IReadOnlyList<Guid>)[v]) : null, "测试");
    }

    private static async Task<IReadOnlyList<Guid>> SeekersWithPhonesAsync(IServiceProvider services, int count)
    {
        await using var scope = services.InScope();
        var list = await scope.Get<MonthlyRoundService>().ListAsync(Hejiawan, Period.Parse("2021-12"), VillageList.UnemployedWilling);
        var withPhones = list.Where(e => !string.IsNullOrEmpty(e.Person.PhoneMasked)).Select(e => e.Person.Id).Take(count).ToList();
        Assert.Equal(count, withPhones.Count);
        return withPhones;
    }
}
