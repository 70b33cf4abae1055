using System.Net;

namespace Bangfu.Web.Tests.Employment;

/// <summary>Values the model binder cannot convert (tampered posts) get Chinese messages, never the framework's English.</summary>
public sealed class ModelBindingMessagesTests : SeedVillagesWebTest
{
    [Fact]
    public async Task A_referral_posted_with_text_for_a_vacancy_id_and_an_unknown_source_is_answered_in_chinese()
    {
        var person = (await ListAsync(Hejiawan, Bangfu.Employment.MonthlyRound.VillageList.LabourForce))[0].Person;
        var client = await SignInAsync("hejiawan", Hejiawan);

        var response = await PostFormAsync(client, $"/Employment/Referrals?village={Hejiawan}", new()
        {
            ["Input.Person"] = person.Id.ToString(), ["Input.Vacancy"] = "abc", ["Input.JobTitle"] = "叉车司机",
            ["Input.EmployerName"] = "宁乡市顺达物流有限公司", ["Input.Source"] = "99", ["Input.ReferredOn"] = "2021-12-20",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("“abc”不是有效的值，请重新选择或填写。", html);
        Assert.DoesNotContain("is not valid", html);
        Assert.DoesNotContain("is invalid", html);
    }
}
