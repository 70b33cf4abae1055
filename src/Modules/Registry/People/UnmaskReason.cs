namespace Bangfu.Registry.People;

/// <summary>
/// The reason an officer gives for seeing one person's ID number and phones in full: a purpose picked from
/// <see cref="Purposes"/> and a description typed by hand of at least <see cref="MinLetters"/> characters, recorded with
/// the unmasking in the audit trail (PIPL art. 6: a definite, reasonable purpose, the minimum necessary;
/// GB/T 35273-2020 §7.2 b: access to personal information beyond the masked display is recorded).
/// </summary>
public static class UnmaskReason
{
    public const int MinLetters = 4;
    public const int MaxLength = 100;

    public static IReadOnlyList<string> Purposes { get; } = ["核实身份", "办理帮扶业务", "联系本人或家属", "数据质量整改", "上级核查", "其他"];

    /// <summary>The reason as recorded ("purpose：description"), or null with a Chinese message saying what is missing.</summary>
    public static string? Compose(string? purpose, string? description, out string? problem)
    {
        purpose = purpose?.Trim();
        description = description?.Trim();
        problem = null;
        if (string.IsNullOrEmpty(purpose) || !Purposes.Contains(purpose))
            problem = "请选择查看事由。";
        else if (string.IsNullOrEmpty(description) || description.Count(char.IsLetter) < MinLetters)
            problem = $"请填写具体原因，至少 {MinLetters} 个字。";
        else if (description.Length > MaxLength)
            problem = $"具体原因不超过 {MaxLength} 个字。";
        return problem is null ? $"{purpose}：{description}" : null;
    }
}
