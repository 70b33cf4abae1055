using System.Security.Claims;
using Bangfu.Platform.Security;
using Bangfu.Registry.People;
using Bangfu.Registry.RosterImport;
using Bangfu.Web.Infrastructure;

namespace Bangfu.Web.Api;

/// <summary>
/// What a caller sees of a person beyond the always-masked ID number and phone: full names only with
/// <see cref="Permissions.RegistryFullNames"/> (otherwise surname + *), health, disability and income-tested assistance
/// (<see cref="SensitiveFields"/>) only with <see cref="Permissions.RegistrySensitive"/> (otherwise left out).
/// </summary>
internal sealed class ApiMasking(ClaimsPrincipal user)
{
    private static readonly HashSet<RosterColumn> NameColumns = [RosterColumn.Name, RosterColumn.HeadName];

    private static readonly Dictionary<string, RosterColumn> ColumnsByHeader =
        RosterLayout.Columns.ToDictionary(c => c.Header, c => c.Column, StringComparer.Ordinal);

    private readonly PersonalDataView view = user.PersonalDataView();
    private bool Sensitive => view.Sensitive;

    /// <summary>The caller's view, for services that mask on the server (<see cref="PersonalDataView"/>).</summary>
    public PersonalDataView View => view;

    public string Name(string name) => view.Name(name);

    /// <summary>A roster value as the caller may see it: null when the column is withheld.</summary>
    public string? Value(RosterColumn column, string? value)
    {
        if (value is null) return null;
        if (NameColumns.Contains(column)) return Name(value);
        return SensitiveFields.Columns.Contains(column) && !Sensitive ? null : value;
    }

    /// <summary>Whether the caller may see the column at all.</summary>
    public bool Shows(RosterColumn column) => Sensitive || !SensitiveFields.Columns.Contains(column);

    /// <summary>A changed field's value (changes name the column by its Chinese header).</summary>
    public string? ChangeValue(string field, string? value) =>
        ColumnsByHeader.TryGetValue(field, out var column) ? Value(column, value) : value;
}
