namespace IncidentPortal.Infrastructure.Mail;

/// <summary>The "Smtp" section of appsettings.json: the server outgoing mail is handed to.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>Empty: mail is written to the log instead of sent (said once at start-up).</summary>
    public string Host { get; set; } = "";
    public int Port { get; set; } = 25;
    public string FromAddress { get; set; } = "incidentportal@localhost";
    public string FromName { get; set; } = "IncidentPortal";
    /// <summary>Empty: no authentication.</summary>
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    /// <summary>How the connection is protected. Unset (empty): decided by <see cref="EnableSsl"/>, as before it existed.</summary>
    public SmtpSecurity? Security { get; set; }
    /// <summary>The older switch, read only while <see cref="Security"/> is unset: STARTTLS required (implicit TLS on port 465).</summary>
    public bool EnableSsl { get; set; }
    /// <summary>
    /// SHA-256 fingerprint (hex, colons allowed) of the server's certificate, to trust a relay with a self-signed or
    /// internal-CA certificate. Empty: the system's trust store decides.
    /// </summary>
    public string TrustedCertificateSha256 { get; set; } = "";
    /// <summary>Reaching the server (TCP, and the TLS handshake on implicit TLS) must take no longer than this.</summary>
    public int ConnectTimeoutSeconds { get; set; } = 10;
    /// <summary>The whole conversation (connect, authenticate, send) must take no longer than this.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public SmtpSecurity EffectiveSecurity => Security ?? (EnableSsl ? (Port == 465 ? SmtpSecurity.ImplicitTls : SmtpSecurity.StartTls) : SmtpSecurity.None);
}
