using System.Security.Claims;
using Bangfu.Platform.Security;
using Bangfu.Registry.RosterImport;
using Bangfu.Web.Infrastructure;

namespace Bangfu.Web.Api;

/// <summary>
/// What a caller sees of a person beyond the always-masked ID number and phone: full names only with
/// <see cref="Permissions.RegistryFullNames"/> (otherwise surname + *), health, disability and income-tested assistance
/// only with <see cref="Permissions.RegistrySensitive"/> (otherwise left out), as the permissions define them.
/// </summary>
internal sealed class ApiMasking(ClaimsPrincipal user)
{
    /// <summary>Roster columns that are sensitive personal information (PIPL art. 28: health; GB/T 35273-2020 annex B).</summary>
    private static readonly HashSet<RosterColumn> SensitiveColumns =
    [
        RosterColumn.Health, RosterColumn.DisabilityCategory, RosterColumn.DisabilityCertificateYear,
        RosterColumn.SeriousIllnessMedicalAssistance, RosterColumn.OtherHealthAssistance,
        RosterColumn.MinimumLivingAllowance, RosterColumn.ExtremePovertySupport,
    ];

    private static readonly HashSet<RosterColumn> NameColumns = [RosterColumn.Name, RosterColumn.HeadName];

    private static readonly Dictionary<string, RosterColumn> ColumnsByHeader =
        RosterLayout.Columns.ToDictionary(c => c.Header, c => c.Column, StringComparer.Ordinal);

    private readonly bool fullNames = user.Can(Permissions.RegistryFullNames);
    private readonly bool sensitive = user.Can(Permissions.RegistrySensitive);

    public string Name(string name) => fullNames ? name : Masking.Name(name);

    /// <summary>A roster value as the caller may see it: null when the column is withheld.</summary>
    public string? Value(RosterColumn column, string? value)
    {
        if (value is null) return null;
        if (NameColumns.Contains(column)) return Name(value);
        return SensitiveColumns.Contains(column) && !sensitive ? null : value;
    }

    /// <summary>Whether the caller may see the column at all.</summary>
    public bool Shows(RosterColumn column) => sensitive || !SensitiveColumns.Contains(column);

    /// <summary>A changed field's value (changes name the column by its Chinese header).</summary>
    public string? ChangeValue(string field, string? value) =>
        ColumnsByHeader.TryGetValue(field, out var column) ? Value(column, value) : value;
}
