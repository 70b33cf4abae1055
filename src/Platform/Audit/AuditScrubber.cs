using System.Text.RegularExpressions;
using Bangfu.Platform.Security;

namespace Bangfu.Platform.Audit;

/// <summary>
/// The last line of defence for "details never hold a full ID number or phone": masks anything in an audit text that
/// has the shape of an 18-character resident ID number (GB 11643-1999: 17 digits and a digit or X) or of a mainland
/// mobile number (11 digits starting 13-19), standing alone, the way <see cref="Masking"/> shows them
/// (GB/T 35273-2020 §7.2 de-identified display). Longer runs of digits (region codes are 12, household numbers longer)
/// are left as they are.
/// </summary>
public static partial class AuditScrubber
{
    public static string? Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        text = IdNumberPattern().Replace(text, m => Masking.IdNumber(m.Value));
        return MobilePattern().Replace(text, m => Masking.Phone(m.Value));
    }

    [GeneratedRegex("(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex IdNumberPattern();

    // Letters count as part of a token too, so a run of digits inside a Guid or a hex hash is never taken for a number.
    [GeneratedRegex("(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])")]
    private static partial Regex MobilePattern();
}
