using System.Net.Mail;
using IncidentPortal.Infrastructure.Mail;
using IncidentPortal.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Tests.Infrastructure.Mail;

/// <summary>System.Net.Mail against a real SMTP listener on 127.0.0.1.</summary>
public sealed class SmtpSenderTests : IAsyncLifetime
{
    private readonly SmtpTestServer server = new();

    [Fact]
    public async Task Mail_arrives_with_subject_text_and_html()
    {
        var link = "https://portal.test/Account/ResetPassword?code=Q2ZESjhB%2Bx==&userId=42";
        await Sender().SendAsync(new EmailMessage("ana@example.test", "Rückmeldung zu INC-000007",
            $"Hello Ana,\n\nReset here: {link}\n", $"<p>Reset <a href=\"{link}\">here</a></p>"), default);

        var mail = Assert.Single(server.Messages);
        Assert.Equal("portal@example.test", mail.From);
        Assert.Equal(["ana@example.test"], mail.To);
        Assert.Equal("Rückmeldung zu INC-000007", mail.Subject);
        Assert.Contains("\"IncidentPortal\" <portal@example.test>", mail.Headers["From"]);
        Assert.Contains(link, mail.TextBody);
        Assert.Contains($"href=\"{link}\"", mail.HtmlBody);
    }

    [Fact]
    public async Task A_subject_with_line_breaks_is_sent_as_one_line()
    {
        await Sender().SendAsync(new EmailMessage("ana@example.test", "Printer\r\nBcc: evil@example.test", "Body"), default);

        var mail = Assert.Single(server.Messages);
        Assert.Equal("Printer Bcc: evil@example.test", mail.Subject);
        Assert.False(mail.Headers.ContainsKey("Bcc"));
        Assert.Equal(["ana@example.test"], mail.To);
        Assert.Null(mail.HtmlBody);
    }

    [Fact]
    public async Task A_server_that_is_down_makes_the_send_throw_and_it_is_worth_retrying()
    {
        server.Stop();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            Sender().SendAsync(new EmailMessage("ana@example.test", "Hello", "Body"), default));

        Assert.False(SmtpSender.IsPermanent(failure));
        server.Start();
        await Sender().SendAsync(new EmailMessage("ana@example.test", "Hello again", "Body"), default);
        Assert.Equal("Hello again", Assert.Single(server.Messages).Subject);
    }

    [Fact]
    public async Task A_malformed_address_is_a_permanent_failure()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            Sender().SendAsync(new EmailMessage("not an address", "Hello", "Body"), default));

        Assert.True(SmtpSender.IsPermanent(failure));
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task A_bad_sender_in_the_configuration_is_worth_retrying_once_it_is_fixed()
    {
        var sender = new SmtpSender(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = server.Port, FromAddress = "not valid" }),
            NullLogger<SmtpSender>.Instance);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(new EmailMessage("ana@example.test", "Hello", "Body"), default));

        Assert.False(SmtpSender.IsPermanent(failure));
        Assert.Contains("Smtp:FromAddress", failure.Message);
    }

    [Fact]
    public void Refused_mailboxes_are_permanent_while_busy_servers_are_not()
    {
        Assert.True(SmtpSender.IsPermanent(new SmtpFailedRecipientException(SmtpStatusCode.MailboxUnavailable, "x@example.test")));
        Assert.False(SmtpSender.IsPermanent(new SmtpFailedRecipientException(SmtpStatusCode.MailboxBusy, "x@example.test")));
        Assert.False(SmtpSender.IsPermanent(new SmtpException(SmtpStatusCode.ServiceNotAvailable)));
    }

    [Fact]
    public async Task Without_a_host_mail_is_only_logged()
    {
        var sender = new SmtpSender(Options.Create(new SmtpOptions { Host = "", Port = server.Port }), NullLogger<SmtpSender>.Instance);

        await sender.SendAsync(new EmailMessage("ana@example.test", "Hello", "Body"), default);

        Assert.Equal(0, server.ConnectionCount);
    }

    private SmtpSender Sender() => new(Options.Create(new SmtpOptions
    {
        Host = "127.0.0.1",
        Port = server.Port,
        FromAddress = "portal@example.test",
        FromName = "IncidentPortal",
        TimeoutSeconds = 10,
    }), NullLogger<SmtpSender>.Instance);

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await server.DisposeAsync();
}
