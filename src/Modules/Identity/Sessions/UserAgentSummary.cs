namespace Bangfu.Identity.Sessions;

/// <summary>
/// "Chrome · Windows" from a User-Agent header: enough for an officer to recognise a device on the sessions page,
/// without storing the full header (which fingerprints the device more than the purpose needs, PIPL art. 6).
/// </summary>
public static class UserAgentSummary
{
    public static string Of(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return "未知设备";
        var ua = userAgent;
        var browser =
            Has(ua, "MicroMessenger") ? "微信" :
            Has(ua, "DingTalk") ? "钉钉" :
            Has(ua, "Edg/") ? "Edge" :
            Has(ua, "QQBrowser") ? "QQ浏览器" :
            Has(ua, "360SE") || Has(ua, "360EE") ? "360浏览器" :
            Has(ua, "Firefox/") ? "Firefox" :
            Has(ua, "HeadlessChrome") ? "Chrome（无界面）" :
            Has(ua, "Chrome/") || Has(ua, "Chromium/") ? "Chrome" :
            Has(ua, "Safari/") ? "Safari" :
            "其他浏览器";
        var system =
            Has(ua, "HarmonyOS") ? "鸿蒙" :
            Has(ua, "Android") ? "Android" :
            Has(ua, "iPhone") || Has(ua, "iPad") ? "iOS" :
            Has(ua, "Windows") ? "Windows" :
            Has(ua, "Mac OS X") ? "macOS" :
            Has(ua, "Linux") ? "Linux" :
            "其他系统";
        return $"{browser} · {system}";
    }

    private static bool Has(string ua, string part) => ua.Contains(part, StringComparison.OrdinalIgnoreCase);
}
