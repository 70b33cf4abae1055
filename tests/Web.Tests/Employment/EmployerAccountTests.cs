using System.Net;
using Bangfu.Employment.Employers;
using Bangfu.Employment.Vacancies;
using Bangfu.Identity.Users;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Users;
using Bangfu.Testing;
using Bangfu.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Web.Tests.Employment;

public sealed class EmployerAccountTests : WebTest
{
    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), Clock.LocalTimeZone).DateTime);

    private async Task<Employer> EmployerAsync(string code, string name)
    {
        await using var scope = Services.InScope(RegionScope.Of("430182"));
        return (await scope.Get<EmployerService>().SaveAsync(null, new EmployerInput(name, code, null, "430182", null, null, null, null)))!.Employer!;
    }

    [Fact]
    public async Task The_system_administrator_creates_an_employer_account_tied_to_a_registered_employer()
    {
        var byd = await EmployerAsync("91440300192317458F", "比亚迪");
        var admin = await SignInAsync("sysadmin2", null);

        var unknown = await PostFormAsync(admin, "/Identity/Users/Create", new()
        {
            ["Input.UserName"] = "byd-hr", ["Input.DisplayName"] = "比亚迪人事", ["Input.Roles"] = Roles.Employer,
            ["Input.EmployerCreditCode"] = "914403001922038216",
        });
        Assert.Contains("没有登记这个统一社会信用代码的用人单位", await unknown.Content.ReadAsStringAsync());

        var created = await PostFormAsync(admin, "/Identity/Users/Create", new()
        {
            ["Input.UserName"] = "byd-hr", ["Input.DisplayName"] = "比亚迪人事", ["Input.Roles"] = Roles.Employer,
            ["Input.EmployerCreditCode"] = "91440300192317458F",
        });
        Assert.Contains("已创建用户", await created.Content.ReadAsStringAsync());
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync("byd-hr"))!;
        Assert.Null(user.RegionCode);
        var claim = Assert.Single(await users.GetClaimsAsync(user), c => c.Type == EmployerAccount.ClaimType);
        Assert.Equal(byd.Id.ToString(), claim.Value);
    }

    [Fact]
    public async Task An_employer_account_posts_and_sees_only_its_own_vacancies_and_no_person_data()
    {
        var byd = await EmployerAsync("91440300192317458F", "比亚迪");
        var other = await EmployerAsync("914403001922038216", "另一家");
        Guid otherVacancy;
        await using (var scope = Services.InScope(RegionScope.Of("430182")))
            otherVacancy = (await scope.Get<VacancyService>().CreateAsync(other.Id, new VacancyInput
            {
                Title = "保安", OccupationCode = "4-07-05-01", Headcount = 2, WageMin = 3000, WageMax = 3500, WorkplaceRegionCode = "430182",
                ExpiresOn = Today.AddDays(20),
            }, VacancySource.Officer))!.Vacancy!.Id;
        await CreateAccountAsync("byd-hr", null, [Roles.Employer]);
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.AddClaimAsync((await users.FindByNameAsync("byd-hr"))!, new(EmployerAccount.ClaimType, byd.Id.ToString()));
        }
        var client = await SignInAgainAsync("byd-hr");

        var posted = await PostFormAsync(client, "/Employment/Vacancies/Edit", new()
        {
            ["Input.Title"] = "电池装配工", ["Input.OccupationCode"] = "电子厂", ["Input.Headcount"] = "100", ["Input.WageMin"] = "4500",
            ["Input.WageMax"] = "6500", ["Input.WorkplaceRegionCode"] = "430182", ["Input.ExpiresOn"] = Today.AddDays(30).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var list = await client.GetStringAsync("/Employment/Vacancies");
        Assert.Contains("电池装配工", list);
        Assert.DoesNotContain("保安", list);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Employment/Vacancies/Edit/{otherVacancy}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Employment/Vacancies/Edit?employerId={other.Id}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/Employment/Vacancies/Review")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/Employment/Employers")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/Registry/People")).StatusCode);

        await using var check = Services.InScope();
        var mine = await check.Get<AppDbContext>().Set<Vacancy>().SingleAsync(v => v.EmployerId == byd.Id);
        Assert.Equal((VacancySource.EmployerAccount, VacancyState.PendingReview, "6-25"), (mine.Source, mine.State, mine.OccupationCode));
    }
}
