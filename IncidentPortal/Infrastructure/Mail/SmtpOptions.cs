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
    /// <summary>STARTTLS before sending (System.Net.Mail does not speak implicit TLS on port 465).</summary>
    public bool EnableSsl { get; set; }
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
