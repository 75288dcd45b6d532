using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace IncidentPortal.Tests.Support;

/// <summary>The server side of one SMTP connection: lines in and out, switched to TLS in place (STARTTLS or implicit).</summary>
internal sealed class SmtpTestConnection(Stream network) : IAsyncDisposable
{
    private Stream stream = network;

    public StreamReader Reader { get; private set; } = NewReader(network);
    public StreamWriter Writer { get; private set; } = NewWriter(network);
    public bool IsTls { get; private set; }

    /// <summary>
    /// The TLS handshake as the server. Only called when the client waits for it (after our 220 to STARTTLS, or before
    /// any line), so the old reader holds no buffered bytes.
    /// </summary>
    public async Task StartTlsAsync(X509Certificate2 certificate, CancellationToken ct)
    {
        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, ct);
        stream = tls;
        Reader = NewReader(tls);
        Writer = NewWriter(tls);
        IsTls = true;
    }

    private static StreamReader NewReader(Stream s) => new(s, new UTF8Encoding(false), false, 1024, leaveOpen: true);
    private static StreamWriter NewWriter(Stream s) => new(s, Encoding.ASCII, 1024, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };

    public async ValueTask DisposeAsync() => await stream.DisposeAsync();
}
