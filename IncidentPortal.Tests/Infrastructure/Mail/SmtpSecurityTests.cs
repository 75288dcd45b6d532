using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using IncidentPortal.Infrastructure.Mail;
using IncidentPortal.Tests.Support;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Tests.Infrastructure.Mail;

/// <summary>STARTTLS, implicit TLS, authentication and timeouts, each against a real listener on 127.0.0.1.</summary>
public sealed class SmtpSecurityTests : IDisposable
{
    private readonly X509Certificate2 certificate = TestCertificate.Create();

    [Fact]
    public async Task Required_starttls_and_a_login_send_the_mail_encrypted_and_signed_in()
    {
        await using var server = new SmtpTestServer(new SmtpTestServerOptions
        {
            Certificate = certificate, RequireStartTls = true, Login = ("portal", "s3cret"),
        });

        await Sender(server, SmtpSecurity.StartTls, login: ("portal", "s3cret")).SendAsync(Mail(), default);

        var mail = Assert.Single(server.Messages);
        Assert.True(mail.OverTls);
        Assert.Equal("portal", mail.SignedInAs);
    }

    [Fact]
    public async Task The_older_EnableSsl_switch_still_means_required_starttls()
    {
        await using var server = new SmtpTestServer(new SmtpTestServerOptions { Certificate = certificate, RequireStartTls = true });
        var smtp = Settings(server, security: null);
        smtp.EnableSsl = true;

        await new SmtpSender(Options.Create(smtp), TimeProvider.System, NullLogger<SmtpSender>.Instance).SendAsync(Mail(), default);

        Assert.True(Assert.Single(server.Messages).OverTls);
    }

    [Fact]
    public async Task Implicit_tls_speaks_tls_from_the_first_byte()
    {
        await using var server = new SmtpTestServer(new SmtpTestServerOptions { Certificate = certificate, ImplicitTls = true });

        await Sender(server, SmtpSecurity.ImplicitTls).SendAsync(Mail(), default);

        Assert.True(Assert.Single(server.Messages).OverTls);
    }

    [Fact]
    public async Task Opportunistic_starttls_encrypts_when_offered_and_sends_in_plain_text_when_not()
    {
        await using var offering = new SmtpTestServer(new SmtpTestServerOptions { Certificate = certificate, RequireStartTls = true });
        await using var plain = new SmtpTestServer();

        await Sender(offering, SmtpSecurity.StartTlsWhenAvailable).SendAsync(Mail(), default);
        await Sender(plain, SmtpSecurity.StartTlsWhenAvailable).SendAsync(Mail(), default);

        Assert.True(Assert.Single(offering.Messages).OverTls);
        Assert.False(Assert.Single(plain.Messages).OverTls);
    }

    [Fact]
    public async Task Required_starttls_sends_nothing_to_a_server_without_it_and_is_worth_retrying()
    {
        await using var plain = new SmtpTestServer();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Sender(plain, SmtpSecurity.StartTls).SendAsync(Mail(), default));

        Assert.IsType<NotSupportedException>(failure);
        Assert.False(SmtpSender.IsPermanent(failure));
        Assert.Empty(plain.Messages);
    }

    [Fact]
    public async Task A_certificate_that_is_neither_trusted_nor_pinned_is_refused()
    {
        await using var server = new SmtpTestServer(new SmtpTestServerOptions { Certificate = certificate, RequireStartTls = true });
        using var other = TestCertificate.Create("other.local");
        var smtp = Settings(server, SmtpSecurity.StartTls);
        smtp.TrustedCertificateSha256 = TestCertificate.Sha256(other);

        var failure = await Assert.ThrowsAsync<SslHandshakeException>(() =>
            new SmtpSender(Options.Create(smtp), TimeProvider.System, NullLogger<SmtpSender>.Instance).SendAsync(Mail(), default));

        Assert.False(SmtpSender.IsPermanent(failure));
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task A_wrong_password_or_none_at_all_delivers_nothing_and_is_worth_retrying()
    {
        await using var server = new SmtpTestServer(new SmtpTestServerOptions { Login = ("portal", "s3cret") });

        var wrong = await Assert.ThrowsAsync<AuthenticationException>(() =>
            Sender(server, SmtpSecurity.None, login: ("portal", "guess")).SendAsync(Mail(), default));
        var anonymous = await Assert.ThrowsAnyAsync<Exception>(() => Sender(server, SmtpSecurity.None).SendAsync(Mail(), default));

        Assert.False(SmtpSender.IsPermanent(wrong));
        Assert.False(SmtpSender.IsPermanent(anonymous));
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task A_server_that_accepts_but_never_greets_times_out_on_connect()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, FromAddress = "portal@example.test", ConnectTimeoutSeconds = 1, TimeoutSeconds = 30 };
        var watch = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<TimeoutException>(() =>
            new SmtpSender(Options.Create(smtp), TimeProvider.System, NullLogger<SmtpSender>.Instance).SendAsync(Mail(), default));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Contains($"127.0.0.1:{port}", failure.Message);
        Assert.False(SmtpSender.IsPermanent(failure));
    }

    private static EmailMessage Mail() => new("ana@example.test", "Hello", "Body");

    private SmtpOptions Settings(SmtpTestServer server, SmtpSecurity? security, (string User, string Password)? login = null) => new()
    {
        Host = "127.0.0.1",
        Port = server.Port,
        FromAddress = "portal@example.test",
        Security = security,
        UserName = login?.User ?? "",
        Password = login?.Password ?? "",
        // The test server's certificate is self-signed: trusted by its fingerprint, as an administrator would pin an internal relay's.
        TrustedCertificateSha256 = TestCertificate.Sha256(certificate),
        TimeoutSeconds = 10,
    };

    private SmtpSender Sender(SmtpTestServer server, SmtpSecurity security, (string User, string Password)? login = null) =>
        new(Options.Create(Settings(server, security, login)), TimeProvider.System, NullLogger<SmtpSender>.Instance);

    public void Dispose() => certificate.Dispose();
}
