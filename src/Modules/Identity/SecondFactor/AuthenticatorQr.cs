using QRCoder;

namespace Bangfu.Identity.SecondFactor;

/// <summary>
/// The enrolment data of an authenticator app (Google Authenticator, Microsoft Authenticator, 腾讯身份验证器 …):
/// the otpauth URI of the Key URI Format (issuer, account, base32 secret, SHA1, 6 digits, 30 s — RFC 6238's defaults),
/// drawn as a QR code in a PNG <c>data:</c> URI, since the Content-Security-Policy allows images from data: but no inline
/// style or script.
/// </summary>
public static class AuthenticatorQr
{
    public const string Issuer = "Bangfu";

    public static string Uri(string userName, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(userName)}" +
        $"?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30";

    /// <summary>A PNG data URI of the QR code of <paramref name="uri"/> (error correction M, 6 pixels a module).</summary>
    public static string PngDataUri(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>The secret in groups of four, lower case, for typing into an app by hand.</summary>
    public static string Grouped(string key) =>
        string.Join(" ", key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
}
