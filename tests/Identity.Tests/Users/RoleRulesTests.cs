using Bangfu.Identity.Users;

namespace Bangfu.Identity.Tests.Users;

public sealed class RoleRulesTests
{
    [Theory]
    [InlineData("", Roles.NationalOfficer)]
    [InlineData("43", Roles.ProvinceOfficer)]
    [InlineData("4301", Roles.CityOfficer)]
    [InlineData("430182", Roles.CountyOfficer)]
    [InlineData("430182106", Roles.TownshipOfficer)]
    [InlineData("430182106209", Roles.VillageOfficer)]
    public void An_officer_role_of_the_scopes_level_is_allowed(string region, string role) =>
        Assert.Empty(RoleRules.Check(region, [role]));

    [Theory]
    [InlineData("430182", Roles.TownshipOfficer)]
    [InlineData("430182106209", Roles.CountyOfficer)]
    [InlineData("", Roles.ProvinceOfficer)]
    [InlineData(null, Roles.VillageOfficer)]
    public void An_officer_role_of_another_level_than_the_scope_is_refused(string? region, string role) =>
        Assert.NotEmpty(RoleRules.Check(region, [role]));

    [Theory]
    [InlineData(Roles.SystemAdministrator, Roles.SecurityAdministrator)]
    [InlineData(Roles.SystemAdministrator, Roles.Auditor)]
    [InlineData(Roles.SecurityAdministrator, Roles.Auditor)]
    [InlineData(Roles.Auditor, Roles.CountyOfficer)]
    [InlineData(Roles.SystemAdministrator, Roles.CountyOfficer)]
    public void The_three_administrative_roles_exclude_each_other_and_every_officer_role(string a, string b) =>
        Assert.Contains(RoleRules.Check("430182", [a, b]), p => p.Contains("三权分立"));

    [Theory]
    [InlineData(Roles.SystemAdministrator)]
    [InlineData(Roles.SecurityAdministrator)]
    [InlineData(Roles.Auditor)]
    public void An_administrative_role_alone_is_allowed(string role) => Assert.Empty(RoleRules.Check(null, [role]));

    [Fact]
    public void An_account_needs_a_role_and_known_ones_only()
    {
        Assert.NotEmpty(RoleRules.Check("430182", []));
        Assert.Contains(RoleRules.Check("430182", ["root"]), p => p.Contains("没有角色"));
    }
}
