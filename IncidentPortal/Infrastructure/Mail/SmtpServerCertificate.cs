using System.Net.Security;
using System.Security.Cryptography;

namespace IncidentPortal.Infrastructure.Mail;

/// <summary>Trusts the one certificate an administrator pinned with <see cref="SmtpOptions.TrustedCertificateSha256"/>.</summary>
internal static class SmtpServerCertificate
{
    /// <summary>Null when nothing is pinned: MailKit's own validation against the system's trust store applies.</summary>
    public static RemoteCertificateValidationCallback? ValidationFor(SmtpOptions smtp)
    {
        var pinned = Normalize(smtp.TrustedCertificateSha256);
        if (pinned.Length == 0) return null;
        // The pin is the server's identity: a self-signed certificate has chain errors, and a relay reached by IP a name mismatch.
        return (_, certificate, _, errors) => errors == SslPolicyErrors.None
            || (certificate is not null && certificate.GetCertHashString(HashAlgorithmName.SHA256).Equals(pinned, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Accepts the fingerprint as openssl prints it (AB:CD:…) or as one hex string.</summary>
    private static string Normalize(string fingerprint) => new(fingerprint.Where(Uri.IsHexDigit).ToArray());
}
