using System.Security.Cryptography.X509Certificates;

namespace IncidentPortal.Tests.Support;

/// <summary>What a <see cref="SmtpTestServer"/> demands beyond plain SMTP. The default is a plain, open relay.</summary>
public sealed record SmtpTestServerOptions
{
    /// <summary>The server's certificate, for STARTTLS or implicit TLS (see <see cref="TestCertificate"/>).</summary>
    public X509Certificate2? Certificate { get; init; }
    /// <summary>TLS from the first byte (SMTPS, port 465 style) instead of STARTTLS.</summary>
    public bool ImplicitTls { get; init; }
    /// <summary>Advertises STARTTLS (needs <see cref="Certificate"/>) and refuses mail and sign-in before it.</summary>
    public bool RequireStartTls { get; init; }
    /// <summary>Advertises AUTH PLAIN and refuses mail until a client signs in with exactly these.</summary>
    public (string User, string Password)? Login { get; init; }
}
