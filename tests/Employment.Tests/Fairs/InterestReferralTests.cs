using Bangfu.Employment.Fairs;
using Bangfu.Employment.Referrals;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Security;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Employment.Tests.Fairs;

/// <summary>
/// Interest registered on the online fair becomes a referral (source 网上报名) for the cadre and the employer to follow up: at
/// once when the person is in the registry, by an officer's link otherwise; one referral per person and vacancy.
/// </summary>
public sealed class InterestReferralTests : FairTestBase
{
    private const string Byd = "比亚迪汽车工业有限公司";

    private async Task<(Guid Employer, Guid Vacancy)> OpenVacancyAsync(string code = BydCode, string name = Byd, string title = "汽车零部件装配工")
    {
        var employer = await EmployerAsync(Ningxiang, code, name);
        return (employer.Id, (await PublishedAsync(Ningxiang, employer.Id, Input(title))).Id);
    }

    private async Task<InterestResult> RegisterAsync(Guid vacancyId, InterestInput input)
    {
        await using var scope = App.InScope(RegionScope.None); // the public: no account, no scope
        return await scope.Get<VacancyInterestService>().RegisterAsync(vacancyId, input);
    }

    private async Task<(List<VacancyInterest> Interests, List<Referral> Referrals)> StoredAsync()
    {
        await using var scope = App.InScope();
        var db = scope.Get<AppDbContext>();
        return (await db.Set<VacancyInterest>().AsNoTracking().OrderBy(x => x.CreatedAt).ToListAsync(),
            await db.Set<Referral>().AsNoTracking().ToListAsync());
    }

    private async Task<T> AsAsync<T>(RegionScope scope, Func<AsyncServiceScope, Task<T>> use)
    {
        await using var s = App.InScope(scope);
        return await use(s);
    }

    [Fact]
    public async Task A_matched_interest_is_a_referral_from_online_interest_and_registering_again_by_another_phone_makes_no_second_one()
    {
        var (_, vacancy) = await OpenVacancyAsync();
        var person = await PersonAsync(Hejiawan, withPhone: true);
        var byId = await RegisterAsync(vacancy, new(person.Name, "13700000002", person.IdNumber));
        var byPhone = await RegisterAsync(vacancy, new(person.Name, person.Phone, null));
        var again = await RegisterAsync(vacancy, new(person.Name, "13700000002", person.IdNumber));
        var stranger = await RegisterAsync(vacancy, new("路人甲", "13700000001", UnknownIdNumber(7)));
        // The public is told the same whether or not the person was found, and whether or not a referral was made.
        Assert.All(new[] { byId, byPhone, again }, r => Assert.Equal(stranger.Errors, r.Errors));
        Assert.True(stranger.Succeeded);

        var (interests, referrals) = await StoredAsync();
        Assert.Equal(3, interests.Count);
        var referral = Assert.Single(referrals);
        Assert.Equal((ReferralSource.OnlineInterest, person.Id, (Guid?)vacancy, Ningxiang, Hejiawan), (referral.Source, referral.PersonId, referral.VacancyId,
            referral.CountyCode, referral.RegionCode));
        Assert.Equal(("汽车零部件装配工", Byd, Today, (string?)null, (ReferralOutcome?)null),
            (referral.JobTitle, referral.EmployerName, referral.ReferredOn, referral.ReferredBy, referral.Outcome));
        Assert.Equal([referral.Id, referral.Id], interests.Where(x => x.PersonId == person.Id).Select(x => x.ReferralId!.Value));
        Assert.Null(interests.Single(x => x.Name == "路人甲").ReferralId);
        Assert.Empty(await App.EntriesAsync("referral.create")); // the system's act at registration, not an officer's

        // The cadre's worklist, outcome, placement and follow-ups apply to it.
        var village = RegionScope.Of(Hejiawan);
        Assert.Contains(await AsAsync(village, s => s.Get<ReferralService>().ReferralsAsync(Hejiawan)), r => r.Id == referral.Id);
        var placed = await AsAsync(village, s => s.Get<ReferralService>().RecordOutcomeAsync(referral.Id, ReferralOutcome.Hired, Today,
            new PlacementInput(null, Byd, Today, 5200m, "430182"), "贺家湾村干部"));
        Assert.Equal(referral.Id, placed!.Placement.ReferralId);
        Assert.Equal(3, (await AsAsync(village, s => s.Get<ReferralService>().OpenFollowUpsAsync(Hejiawan))).Count(t => t.Person.Id == person.Id));
        var listed = await AsAsync(village, s => s.Get<VacancyInterestService>().ListAsync(null));
        Assert.Equal(2, listed.Count);
        Assert.All(listed, i => Assert.Equal((referral.Id, ReferralOutcome.Hired), (i.ReferralId!.Value, i.Outcome!.Value)));
    }

    [Fact]
    public async Task A_real_id_number_with_another_name_matches_nobody_and_makes_no_referral()
    {
        var (_, vacancy) = await OpenVacancyAsync();
        var person = await PersonAsync(Hejiawan, withPhone: true);
        var impostor = await RegisterAsync(vacancy, new("张三丰", "13900003333", person.IdNumber));
        var stranger = await RegisterAsync(vacancy, new("路人甲", "13700000001", UnknownIdNumber(7)));

        Assert.Equal(stranger.Errors, impostor.Errors); // the same answer: nothing tells the number is registered
        var (interests, referrals) = await StoredAsync();
        Assert.Empty(referrals);
        var kept = interests.Single(x => x.Name == "张三丰");
        Assert.Null(kept.PersonId);
        Assert.Null(kept.ReferralId);
        Assert.Equal(Ningxiang, kept.RegionCode[..6]); // left to the vacancy's county to check
    }

    [Fact]
    public async Task Registering_again_by_the_same_phone_with_an_id_number_adds_it_to_the_first_interest_and_makes_the_referral()
    {
        var (_, vacancy) = await OpenVacancyAsync();
        var person = await PersonAsync(Hejiawan, 3);
        var results = new List<InterestResult>
        {
            await RegisterAsync(vacancy, new(person.Name, "13700000031", null)),
            await RegisterAsync(vacancy, new(person.Name, "137 0000 0031", person.IdNumber)),
            // A stranger does the same with a number nobody has: the same answers.
            await RegisterAsync(vacancy, new("路人乙", "13700000032", null)),
            await RegisterAsync(vacancy, new("路人乙", "13700000032", UnknownIdNumber(8))),
            // A third registration by the first phone with another number changes nothing.
            await RegisterAsync(vacancy, new(person.Name, "13700000031", UnknownIdNumber(9))),
        };
        Assert.All(results, r => Assert.True(r.Succeeded));

        var (interests, referrals) = await StoredAsync();
        Assert.Equal(2, interests.Count);
        var referral = Assert.Single(referrals);
        var first = interests.Single(x => x.Name == person.Name);
        Assert.Equal((person.Id, Hejiawan, referral.Id), (first.PersonId!.Value, first.RegionCode, first.ReferralId!.Value));
        Assert.Equal(Masking.IdNumber(person.IdNumber), first.IdNumberMasked);
        Assert.Equal((ReferralSource.OnlineInterest, person.Id, (Guid?)vacancy, Hejiawan, Today, (string?)null),
            (referral.Source, referral.PersonId, referral.VacancyId, referral.RegionCode, referral.ReferredOn, referral.ReferredBy));
        var stranger = interests.Single(x => x.Name == "路人乙");
        Assert.Equal((Ningxiang, (Guid?)null, (Guid?)null), (stranger.RegionCode, stranger.PersonId, stranger.ReferralId));
        Assert.NotNull(stranger.IdNumberHash); // kept for the county's officer who calls back
        await using (var scope = App.InScope())
            Assert.Equal(UnknownIdNumber(8), scope.Get<PersonalDataProtector>().Decrypt(stranger.IdNumberCipher!));
    }

    [Fact]
    public async Task The_follow_up_list_pages_by_keyset_through_every_interest_oldest_pending_ones_included()
    {
        var (_, vacancy) = await OpenVacancyAsync();
        for (var n = 0; n < 7; n++) Assert.True((await RegisterAsync(vacancy, new("小刘", $"137000001{n:D2}", null))).Succeeded);
        var county = RegionScope.Of(Ningxiang);
        var all = await AsAsync(county, s => s.Get<VacancyInterestService>().ListAsync(InterestState.New, 100));
        Assert.Equal(7, all.Count);
        var seen = new List<Guid>();
        Guid? after = null;
        do
        {
            var page = await AsAsync(county, s => s.Get<VacancyInterestService>().ListAsync(InterestState.New, 3, after));
            seen.AddRange(page.Select(i => i.Id));
            after = page.Count == 3 ? page[^1].Id : null;
        } while (after is not null);
        Assert.Equal(all.Select(i => i.Id), seen); // the same order, each once, the oldest reachable
    }

    [Fact]
    public async Task The_same_person_registering_by_several_phones_at_once_gets_one_referral_and_every_interest_is_kept_and_linked()
    {
        var (_, vacancy) = await OpenVacancyAsync();
        var person = await PersonAsync(Hejiawan, 1);
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(n => RegisterAsync(vacancy, new(person.Name, $"1370000001{n}", person.IdNumber))));
        Assert.All(results, r => Assert.True(r.Succeeded));

        var (interests, referrals) = await StoredAsync();
        var referral = Assert.Single(referrals);
        Assert.Equal(4, interests.Count);
        Assert.All(interests, x => Assert.Equal((person.Id, referral.Id), (x.PersonId!.Value, x.ReferralId!.Value)));
    }

    [Fact]
    public async Task An_officer_of_the_county_links_an_unmatched_interest_to_a_person_of_his_scope_by_id_number_and_it_becomes_the_referral()
    {
        var (_, vacancy) = await OpenVacancyAsync();
        Assert.True((await RegisterAsync(vacancy, new("小李", "13700000021", null))).Succeeded);
        Assert.True((await RegisterAsync(vacancy, new("李某", "13700000022", null))).Succeeded);
        var (unmatched, _) = await StoredAsync();
        var (first, second) = (unmatched.Single(x => x.Name == "小李").Id, unmatched.Single(x => x.Name == "李某").Id);
        Assert.All(unmatched, x => Assert.Equal((Ningxiang, (Guid?)null), (x.RegionCode, x.PersonId)));
        var person = await PersonAsync(Hejiawan, 2);
        var stranger = await PersonAsync(Shibadong);

        Task<InterestLinkResult?> Link(string region, Guid interest, string? id) =>
            AsAsync(RegionScope.Of(region), s => s.Get<VacancyInterestService>().LinkAsync(interest, id));
        // Outside the interest's scope it is not found: another county, and the village (an unmatched interest is the county's).
        Assert.Null(await Link(Huayuan, first, person.IdNumber));
        Assert.Null(await Link(Hejiawan, first, person.IdNumber));
        Assert.Contains("请填写", (await Link(Ningxiang, first, " "))!.Error);
        Assert.Contains("身份证号码不正确", (await Link(Ningxiang, first, "4301821"))!.Error);
        // A person of another county and a number nobody has get the same answer: the officer learns nothing beyond his scope.
        var elsewhere = await Link(Ningxiang, first, stranger.IdNumber);
        Assert.Contains("没有找到", elsewhere!.Error);
        Assert.Equal(elsewhere, await Link(Ningxiang, first, UnknownIdNumber(9)));
        Assert.Empty((await StoredAsync()).Referrals);

        var linked = await Link(Ningxiang, first, person.IdNumber.ToLowerInvariant());
        Assert.True(linked!.Succeeded, linked.Error);
        var (interests, referrals) = await StoredAsync();
        var referral = Assert.Single(referrals);
        var x = interests.Single(i => i.Id == first);
        Assert.Equal((person.Id, Hejiawan, referral.Id, Masking.IdNumber(person.IdNumber)), (x.PersonId!.Value, x.RegionCode, x.ReferralId!.Value, x.IdNumberMasked));
        Assert.Equal((ReferralSource.OnlineInterest, person.Id, (Guid?)vacancy, Hejiawan, Today), (referral.Source, referral.PersonId, referral.VacancyId,
            referral.RegionCode, referral.ReferredOn));
        Assert.Contains("已经关联", (await Link(Ningxiang, first, person.IdNumber))!.Error);
        // Now the village follows it up.
        Assert.Equal([first], (await AsAsync(RegionScope.Of(Hejiawan), s => s.Get<VacancyInterestService>().ListAsync(null))).Select(i => i.Id));

        // The same person's second interest in the vacancy joins the referral already made.
        var again = await Link(Ningxiang, second, person.IdNumber);
        Assert.True(again!.Succeeded);
        Assert.Equal(referral.Id, again.ReferralId);
        Assert.Single((await StoredAsync()).Referrals);
        Assert.Equal(2, (await App.EntriesAsync(VacancyInterestService.LinkEvent)).Count);
        Assert.Single(await App.EntriesAsync("referral.create"));
        Assert.Equal(2, (await App.EntriesAsync(AuditEvents.PersonView)).Count(e => e.Target == person.Id.ToString()));
    }

    [Fact]
    public async Task A_second_online_interest_referral_by_hand_is_refused_and_a_vacancy_id_that_is_no_vacancy_too()
    {
        var (_, vacancy) = await OpenVacancyAsync();
        var person = await PersonAsync(Hejiawan, 3);
        Assert.True((await RegisterAsync(vacancy, new(person.Name, "13700000031", person.IdNumber))).Succeeded);

        Task<Referral> Refer(Guid? to, ReferralSource source) => AsAsync(RegionScope.Of(Hejiawan), s => s.Get<ReferralService>()
            .CreateAsync(new ReferralInput(person.Id, to, "汽车零部件装配工", Byd, source, Today), "贺家湾村干部"));
        var twice = await Assert.ThrowsAsync<ArgumentException>(() => Refer(vacancy, ReferralSource.OnlineInterest));
        Assert.Equal(("Source", true), (twice.ParamName, twice.Message.Contains("不必重复登记")));
        var nowhere = await Assert.ThrowsAsync<ArgumentException>(() => Refer(Guid.NewGuid(), ReferralSource.Push));
        Assert.Equal(("Vacancy", true), (nowhere.ParamName, nowhere.Message.Contains("找不到所选的岗位")));
        // A cadre's own referral of the person to the same vacancy is another matter.
        await Refer(vacancy, ReferralSource.Push);
        Assert.Equal([ReferralSource.Push, ReferralSource.OnlineInterest], (await StoredAsync()).Referrals.Select(r => r.Source).Order());
    }

    [Fact]
    public async Task An_employer_sees_its_own_vacancys_applicants_masked_without_registry_hints_and_a_phone_shown_in_full_is_audited()
    {
        var (byd, vacancy) = await OpenVacancyAsync();
        var (huawei, other) = await OpenVacancyAsync(HuaweiCode, "华为技术有限公司", "电子装配工");
        var hejiawan = await PersonAsync(Hejiawan, 4);
        var shibadong = await PersonAsync(Shibadong, 1);
        var referred = await PersonAsync(Hejiawan, 5);
        Assert.True((await RegisterAsync(vacancy, new(hejiawan.Name, "13700000041", hejiawan.IdNumber))).Succeeded);
        Assert.True((await RegisterAsync(vacancy, new(shibadong.Name, "13700000042", shibadong.IdNumber))).Succeeded);
        Assert.True((await RegisterAsync(vacancy, new("王小明", "13700000043", null))).Succeeded);
        Assert.True((await RegisterAsync(other, new("赵某", "13700000044", null))).Succeeded);
        await AsAsync(RegionScope.Of(Hejiawan), s => s.Get<ReferralService>()
            .CreateAsync(new ReferralInput(referred.Id, vacancy, "汽车零部件装配工", Byd, ReferralSource.Push, Today), "贺家湾村干部"));
        var (interests, _) = await StoredAsync();
        var vacancyRow = await AsAsync(RegionScope.Of(Ningxiang), s => s.Get<AppDbContext>().Set<Vacancy>().AsNoTracking().SingleAsync(v => v.Id == vacancy));
        var otherRow = await AsAsync(RegionScope.Of(Ningxiang), s => s.Get<AppDbContext>().Set<Vacancy>().AsNoTracking().SingleAsync(v => v.Id == other));

        // An employer account holds no region scope.
        var account = RegionScope.None;
        var seen = await AsAsync(account, s => s.Get<VacancyApplicantService>().ListAsync(vacancyRow, byd));
        Assert.NotNull(seen);
        Assert.Equal(4, seen.Count);
        var applied = seen.Where(a => a.Kind == ApplicantKind.Interest).OrderBy(a => a.PhoneMasked).ToList();
        Assert.Equal([Masking.Name(hejiawan.Name), Masking.Name(shibadong.Name), "王*"], applied.Select(a => a.Name));
        Assert.Equal(["137****0041", "137****0042", "137****0043"], applied.Select(a => a.PhoneMasked));
        // Matched and unmatched look alike: no referral, no outcome, the same state.
        Assert.All(applied, a => Assert.Equal(((Guid?)null, (ReferralOutcome?)null, "待联系", "网上报名"), (a.ReferralId, a.Outcome, a.State, a.Source)));
        var push = seen.Single(a => a.Kind == ApplicantKind.Referral);
        Assert.Equal((Masking.Name(referred.Name), (string?)null, "岗位推送", "待反馈"), (push.Name, push.PhoneMasked, push.Source, push.State));
        // Another employer's vacancy, or the vacancy for another employer: nothing.
        Assert.Null(await AsAsync(account, s => s.Get<VacancyApplicantService>().ListAsync(otherRow, byd)));
        Assert.Null(await AsAsync(account, s => s.Get<VacancyApplicantService>().ListAsync(vacancyRow, huawei)));

        var stranger = interests.Single(x => x.Name == "王小明").Id;
        var foreign = interests.Single(x => x.Name == "赵某").Id;
        Assert.Equal("13700000043", await AsAsync(account, s => s.Get<VacancyApplicantService>().RevealPhoneAsync(vacancyRow, stranger, byd)));
        Assert.Null(await AsAsync(account, s => s.Get<VacancyApplicantService>().RevealPhoneAsync(vacancyRow, foreign, byd)));
        Assert.Null(await AsAsync(account, s => s.Get<VacancyApplicantService>().RevealPhoneAsync(otherRow, foreign, byd)));
        var reveal = Assert.Single(await App.EntriesAsync(VacancyInterestService.RevealEvent));
        Assert.Equal(stranger.ToString(), reveal.Target);
        Assert.Single(await App.EntriesAsync(AuditEvents.PersonList), e => e.Target == vacancy.ToString());

        // An officer sees those of his scope with the referral an interest became; the scope holds for the phone too.
        var village = (await AsAsync(RegionScope.Of(Hejiawan), s => s.Get<VacancyApplicantService>().ListAsync(vacancyRow, null)))!;
        var own = village.Single(a => a.Kind == ApplicantKind.Interest);
        Assert.Equal((hejiawan.Name, true), (own.Name, own.ReferralId is not null));
        Assert.Equal(referred.Name, village.Single(a => a.Kind == ApplicantKind.Referral).Name);
        Assert.Equal(2, village.Count);
        var county = await AsAsync(RegionScope.Of(Ningxiang), s => s.Get<VacancyApplicantService>().ListAsync(vacancyRow, null));
        Assert.DoesNotContain(county!, a => a.Name == shibadong.Name);
        var shibadongInterest = interests.Single(x => x.PersonId == shibadong.Id).Id;
        Assert.Null(await AsAsync(RegionScope.Of(Ningxiang), s => s.Get<VacancyApplicantService>().RevealPhoneAsync(vacancyRow, shibadongInterest, null)));
    }

    [Fact]
    public async Task The_referral_forms_vacancy_search_finds_open_vacancies_by_title_occupation_or_employer_and_nothing_else()
    {
        var (_, assembly) = await OpenVacancyAsync();
        var huawei = await EmployerAsync(Ningxiang, HuaweiCode, "华为技术有限公司");
        var guard = await PublishedAsync(Ningxiang, huawei.Id, Input("厂区值守员") with { OccupationCode = "4-07-05-01" });
        var pending = await PostAsync(Ningxiang, huawei.Id, Input("叉车司机") with { OccupationCode = "4-02" });
        Clock.Advance(TimeSpan.FromMinutes(5));
        var closing = await PublishedAsync(Ningxiang, huawei.Id, Input("短期装卸工") with { OccupationCode = "4-02", ExpiresOn = Today.AddDays(1) });

        async Task<List<Guid>> Search(string? text)
        {
            await using var scope = As(Hejiawan);
            return (await scope.Get<OpenVacancySearch>().SearchAsync(text)).Select(v => v.Id).ToList();
        }
        Assert.Equal([assembly], await Search("装配"));                 // title
        Assert.Equal([guard.Id], await Search("保安"));                  // occupation (a synonym of 保安员)
        Assert.Equal([guard.Id], await Search("4-07"));                  // occupation code, with what is under it
        Assert.Equal([closing.Id, guard.Id], await Search("华为"));      // employer, newest first
        Assert.Empty(await Search("叉车"));                              // not published
        Assert.Empty(await Search(" "));
        Assert.Empty(await Search(new string('装', 41)));
        Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal([guard.Id], await Search("华为"));                  // closed

        await using var s = As(Hejiawan);
        var search = s.Get<OpenVacancySearch>();
        Assert.Equal(("厂区值守员", "华为技术有限公司", "保安员"), ((await search.FindAsync(guard.Id))!.Title, (await search.FindAsync(guard.Id))!.EmployerName,
            (await search.FindAsync(guard.Id))!.OccupationName));
        Assert.Null(await search.FindAsync(pending.Id));
    }
}
