using Bangfu.Employment.Employers;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Tests.Vacancies;

public sealed class VacancyLifecycleTests : EmploymentServicesTest
{
    [Fact]
    public async Task A_posted_vacancy_waits_for_review_and_is_open_only_once_published()
    {
        var employer = await EmployerAsync(Ningxiang, BydCode);
        var vacancy = await PostAsync(Ningxiang, employer.Id);
        Assert.Equal(VacancyState.PendingReview, vacancy.State);
        Assert.Equal(Ningxiang, vacancy.ManagingRegionCode);

        await using (var scope = As(Ningxiang))
        {
            var service = scope.Get<VacancyService>();
            Assert.Empty(service.OpenVacancies().ToList());
            Assert.Single(await service.ReviewQueueAsync());
            var published = await service.ReviewAsync(vacancy.Id, publish: true, reason: null);
            Assert.Equal(VacancyState.Published, published!.State);
            Assert.Equal(Clock.GetUtcNow(), published.PublishedAt);
            Assert.Equal([vacancy.Id], service.OpenVacancies().Select(v => v.Id).ToList());
        }
        var approvals = await App.EntriesAsync(VacancyService.PublishEvent);
        Assert.Equal(AuditCategories.Approval, Assert.Single(approvals).Category);
        Assert.Equal(vacancy.Id.ToString(), approvals[0].Target);
    }

    [Fact]
    public async Task A_published_vacancy_past_its_closing_date_is_expired_and_no_longer_open()
    {
        var employer = await EmployerAsync(Ningxiang, BydCode);
        var vacancy = await PostAsync(Ningxiang, employer.Id, Input() with { ExpiresOn = Today.AddDays(3) });
        await using (var scope = As(Ningxiang)) await scope.Get<VacancyService>().ReviewAsync(vacancy.Id, true, null);

        Clock.Advance(TimeSpan.FromDays(3));
        await using (var scope = As(Ningxiang)) Assert.Single(scope.Get<VacancyService>().OpenVacancies().ToList());

        Clock.Advance(TimeSpan.FromDays(1));
        await using (var scope = As(Ningxiang))
        {
            var service = scope.Get<VacancyService>();
            Assert.Empty(service.OpenVacancies().ToList());
            var stored = await service.FindManagedAsync(vacancy.Id);
            Assert.Equal(VacancyState.Expired, stored!.EffectiveState(service.Today));
            Assert.Single(await service.ListManagedAsync(new VacancyFilter(VacancyState.Expired)));
            Assert.Empty(await service.ListManagedAsync(new VacancyFilter(VacancyState.Published)));
        }
    }

    [Fact]
    public async Task Filled_and_withdrawn_vacancies_are_not_open()
    {
        var employer = await EmployerAsync(Ningxiang, BydCode);
        var first = await PostAsync(Ningxiang, employer.Id, Input("装配工"));
        var second = await PostAsync(Ningxiang, employer.Id, Input("质检员"));
        await using var scope = As(Ningxiang);
        var service = scope.Get<VacancyService>();
        await service.ReviewAsync(first.Id, true, null);
        await service.ReviewAsync(second.Id, true, null);
        Assert.Equal(2, service.OpenVacancies().Count());

        Assert.Equal(VacancyState.Filled, (await service.MarkFilledAsync(first.Id))!.State);
        Assert.Equal(VacancyState.Withdrawn, (await service.WithdrawAsync(second.Id))!.State);

        Assert.Empty(service.OpenVacancies().ToList());
        await Assert.ThrowsAsync<VacancyStateException>(() => service.MarkFilledAsync(second.Id));
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_the_edited_vacancy_goes_back_to_review()
    {
        var employer = await EmployerAsync(Ningxiang, BydCode);
        var vacancy = await PostAsync(Ningxiang, employer.Id);
        await using var scope = As(Ningxiang);
        var service = scope.Get<VacancyService>();

        var noReason = await Assert.ThrowsAsync<VacancyStateException>(() => service.ReviewAsync(vacancy.Id, false, " "));
        Assert.Contains("退回原因", noReason.Message);
        var rejected = await service.ReviewAsync(vacancy.Id, false, "薪资与工种不符，请核实");
        Assert.Equal((VacancyState.Rejected, "薪资与工种不符，请核实"), (rejected!.State, rejected.RejectionReason));
        Assert.Single(await App.EntriesAsync(VacancyService.RejectEvent));

        var edited = await service.UpdateAsync(vacancy.Id, Input() with { WageMin = 5000 });
        Assert.True(edited!.Succeeded);
        Assert.Equal(VacancyState.PendingReview, edited.Vacancy!.State);
        Assert.Null(edited.Vacancy.RejectionReason);
        await service.ReviewAsync(vacancy.Id, true, null);
        var afterPublication = await service.UpdateAsync(vacancy.Id, Input() with { WageMin = 1 });
        Assert.Contains("不能修改", afterPublication!.Errors[""]);
    }

    [Fact]
    public async Task The_service_refuses_a_workplace_outside_the_region_tree_or_above_county_level_as_the_form_does()
    {
        var employer = await EmployerAsync(Ningxiang, BydCode);
        await using var scope = As(Ningxiang);
        var service = scope.Get<VacancyService>();
        var unknown = await service.CreateAsync(employer.Id, Input() with { WorkplaceRegionCode = "999999" }, VacancySource.Officer);
        var city = await service.CreateAsync(employer.Id, Input() with { WorkplaceRegionCode = "4403" }, VacancySource.Officer);
        var township = await service.CreateAsync(employer.Id, Input() with { WorkplaceRegionCode = "430182106" }, VacancySource.Officer);

        Assert.StartsWith("工作地点“999999”不是行政区划代码", unknown!.Errors[nameof(VacancyInput.WorkplaceRegionCode)]);
        Assert.StartsWith("工作地点请具体到县（市、区）：“广东省深圳市”是省、市一级", city!.Errors[nameof(VacancyInput.WorkplaceRegionCode)]);
        Assert.True(township!.Succeeded);
        var edit = await service.UpdateAsync(township.Vacancy!.Id, Input() with { WorkplaceRegionCode = "43" });
        Assert.Contains("“湖南省”是省、市一级", edit!.Errors[nameof(VacancyInput.WorkplaceRegionCode)]);
        await using var check = As(Ningxiang);
        Assert.Equal(["430182106"], await check.Get<AppDbContext>().Set<Vacancy>().Select(v => v.WorkplaceRegionCode).ToListAsync());
    }

    [Fact]
    public async Task Wrong_input_gives_Chinese_errors_by_field_and_saves_nothing()
    {
        var employer = await EmployerAsync(Ningxiang, BydCode);
        await using var scope = As(Ningxiang);
        var result = await scope.Get<VacancyService>().CreateAsync(employer.Id, Input() with
        {
            Title = "", OccupationCode = "9-99", Headcount = 0, WageMin = 8000, WageMax = 5000, WorkplaceRegionCode = "43018",
            AgeMin = 12, EducationCode = "99", ExpiresOn = Today.AddDays(-1),
        }, VacancySource.Officer);

        Assert.False(result!.Succeeded);
        Assert.Equal("请填写岗位名称", result.Errors[nameof(VacancyInput.Title)]);
        Assert.Contains("不在职业分类代码表中", result.Errors[nameof(VacancyInput.OccupationCode)]);
        Assert.Contains("1 至 100000", result.Errors[nameof(VacancyInput.Headcount)]);
        Assert.Equal("月薪上限不能低于月薪下限", result.Errors[nameof(VacancyInput.WageMax)]);
        Assert.Contains("区划代码", result.Errors[nameof(VacancyInput.WorkplaceRegionCode)]);
        Assert.Contains("16 至 70", result.Errors[nameof(VacancyInput.AgeMin)]);
        Assert.Contains("学历要求", result.Errors[nameof(VacancyInput.EducationCode)]);
        Assert.Equal("截止日期不能早于今天", result.Errors[nameof(VacancyInput.ExpiresOn)]);
        await using var check = As(Ningxiang);
        Assert.Equal(0, await check.Get<AppDbContext>().Set<Vacancy>().CountAsync());
    }

    [Fact]
    public async Task An_officer_of_Ningxiang_cannot_see_edit_or_review_what_Huayuan_registered()
    {
        var huayuanEmployer = await EmployerAsync(Huayuan, HuaweiCode, "花垣县某劳务公司");
        var vacancy = await PostAsync(Huayuan, huayuanEmployer.Id);

        await using var scope = As(Ningxiang);
        var employers = scope.Get<EmployerService>();
        var vacancies = scope.Get<VacancyService>();
        Assert.Null(await employers.FindManagedAsync(huayuanEmployer.Id));
        Assert.Empty(await employers.ListManagedAsync(null));
        Assert.Null(await employers.SaveAsync(huayuanEmployer.Id, new EmployerInput("改名", HuaweiCode, null, Huayuan, null, null, null, null)));
        Assert.Null(await vacancies.FindManagedAsync(vacancy.Id));
        Assert.Null(await vacancies.ReviewAsync(vacancy.Id, true, null));
        Assert.Null(await vacancies.UpdateAsync(vacancy.Id, Input()));
        Assert.Null(await vacancies.WithdrawAsync(vacancy.Id));
        Assert.Null(await vacancies.CreateAsync(huayuanEmployer.Id, Input(), VacancySource.Officer));
        Assert.Empty(await vacancies.ReviewQueueAsync());
        Assert.Empty(await App.EntriesAsync(VacancyService.PublishEvent));

        // Registering an employer for another county's bureau is refused by field.
        var elsewhere = await employers.SaveAsync(null, new EmployerInput("某公司", BydCode, null, Huayuan, Huayuan, null, null, null));
        Assert.Contains("管辖范围", elsewhere!.Errors[nameof(EmployerInput.ManagingRegionCode)]);
    }

    [Fact]
    public async Task A_township_officer_manages_the_employers_of_the_county_bureau_but_an_employer_account_only_its_own()
    {
        var byd = await EmployerAsync(Ningxiang, BydCode);
        var other = await EmployerAsync(Ningxiang, HuaweiCode, "华为");
        await using (var township = As("430182106"))
            Assert.NotNull(await township.Get<EmployerService>().FindManagedAsync(byd.Id));

        await using var account = App.InScope(Platform.Scope.RegionScope.None);
        var vacancies = account.Get<VacancyService>();
        var posted = await vacancies.CreateAsync(byd.Id, Input(), VacancySource.Officer, ownEmployerId: byd.Id);
        Assert.Equal(VacancySource.EmployerAccount, posted!.Vacancy!.Source);
        Assert.Null(await vacancies.CreateAsync(other.Id, Input(), VacancySource.Officer, ownEmployerId: byd.Id));
        Assert.Single(await vacancies.ListManagedAsync(new VacancyFilter(), ownEmployerId: byd.Id));
        Assert.Null(await vacancies.ReviewAsync(posted.Vacancy.Id, true, null)); // no scope: cannot review even its own
    }

    [Fact]
    public async Task An_employer_is_unique_by_credit_code_and_its_phone_is_stored_encrypted_and_masked()
    {
        var employer = await EmployerAsync(Ningxiang, BydCode);
        Assert.Equal("138****8000", employer.ContactPhoneMasked);
        Assert.DoesNotContain("13800138000", System.Text.Encoding.UTF8.GetString(employer.ContactPhoneCipher!));

        await using var scope = As(Ningxiang);
        var again = await scope.Get<EmployerService>().SaveAsync(null, new EmployerInput("另一家", BydCode.ToLowerInvariant(), null, Ningxiang, null, null, null, null));
        Assert.Contains("已登记为“比亚迪汽车工业有限公司”", again!.Errors[nameof(EmployerInput.CreditCode)]);
        var wrong = await scope.Get<EmployerService>().SaveAsync(null, new EmployerInput("某厂", "91440300192317458A", "不知道", "43", null, null, "12ab", null));
        Assert.Contains("校验位错误", wrong!.Errors[nameof(EmployerInput.CreditCode)]);
        Assert.Contains("单位类型应为", wrong.Errors[nameof(EmployerInput.TypeCode)]);
        Assert.Contains("6 至 12 位", wrong.Errors[nameof(EmployerInput.RegionCode)]);
        Assert.Contains("7 至 20 位数字", wrong.Errors[nameof(EmployerInput.ContactPhone)]);
    }
}
