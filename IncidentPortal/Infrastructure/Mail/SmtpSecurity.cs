using MailKit.Security;

namespace IncidentPortal.Infrastructure.Mail;

/// <summary>How the SMTP connection is protected (<c>Smtp:Security</c>).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text: a relay on the same host or a trusted network.</summary>
    None,
    /// <summary>STARTTLS, and no mail is sent if the server does not offer it (submission, usually port 587).</summary>
    StartTls,
    /// <summary>STARTTLS when the server offers it, plain text otherwise: protects against eavesdroppers, not against an active attacker.</summary>
    StartTlsWhenAvailable,
    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    ImplicitTls,
}

public static class SmtpSecurityMapping
{
    /// <summary>MailKit's connect option for the configured protection; never MailKit's Auto, which guesses from the port.</summary>
    public static SecureSocketOptions SocketOptions(SmtpOptions smtp) => smtp.EffectiveSecurity switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        SmtpSecurity.ImplicitTls => SecureSocketOptions.SslOnConnect,
        var other => throw new InvalidOperationException($"Smtp:Security '{other}' is not one of None, StartTls, StartTlsWhenAvailable, ImplicitTls."),
    };
}
