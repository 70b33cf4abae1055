namespace Bangfu.Platform.Security;

/// <summary>
/// How much of a person the caller may see beyond the masked record, from their permissions (minimum necessary,
/// PIPL art. 6 and GB/T 35273-2020 §7.2; sensitive personal information, PIPL art. 28):
/// <paramref name="FullNames"/> (<see cref="Permissions.RegistryFullNames"/>; otherwise a name shows as surname + *) and
/// <paramref name="Sensitive"/> (<see cref="Permissions.RegistrySensitive"/>: health, disability and income-related
/// fields). ID numbers and phones are masked for everyone; showing them in full is a separate, audited action.
/// </summary>
public sealed record PersonalDataView(bool FullNames, bool Sensitive)
{
    /// <summary>Everything (the CLI, and officers holding both permissions).</summary>
    public static PersonalDataView Full { get; } = new(true, true);

    /// <summary>Masked names, no sensitive fields: the default wherever the caller is not known.</summary>
    public static PersonalDataView Restricted { get; } = new(false, false);

    /// <summary>What the page shows in place of a sensitive field the caller may not see.</summary>
    public const string Withheld = "（无权查看）";

    /// <summary>The name as this caller may see it.</summary>
    public string Name(string? name) => FullNames ? name ?? "" : Masking.Name(name);
}
