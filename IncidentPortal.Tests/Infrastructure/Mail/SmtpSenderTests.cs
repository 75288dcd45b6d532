using IncidentPortal.Infrastructure.Mail;
using IncidentPortal.Tests.Support;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using MimeKit.Utils;

namespace IncidentPortal.Tests.Infrastructure.Mail;

/// <summary>MailKit against a real SMTP listener on 127.0.0.1.</summary>
public sealed class SmtpSenderTests : IAsyncLifetime
{
    private readonly SmtpTestServer server = new();
    private readonly FakeTimeProvider clock = new(TestClock.MondayMorning);

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
        var from = MailboxAddress.Parse(mail.Headers["From"]);
        Assert.Equal(("IncidentPortal", "portal@example.test"), (from.Name, from.Address));
        Assert.Contains(link, mail.TextBody);
        Assert.Contains($"href=\"{link}\"", mail.HtmlBody);
        Assert.Equal(clock.GetUtcNow(), DateUtils.TryParse(mail.Headers["Date"], out var date) ? date : default);
        Assert.False(mail.OverTls);
        Assert.Null(mail.SignedInAs);
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
    public async Task Product_headers_arrive_and_a_given_message_id_is_kept_across_tries()
    {
        var headers = new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = "<https://portal.test/status/unsubscribe/one-click?token=" + new string('t', 80) + ">",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };
        var email = new EmailMessage("ana@example.test", "Status", "Body", "<p>Body</p>", headers);
        var id = MailComposer.MessageIdFor(42, new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc), Settings());

        await Sender().SendAsync(email, default, id);
        await Sender().SendAsync(email, default, id);

        Assert.Equal(2, server.Messages.Count);
        Assert.All(server.Messages, mail =>
        {
            Assert.Equal(headers["List-Unsubscribe"], mail.Headers["List-Unsubscribe"]);
            Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
            Assert.Equal($"<{id}>", mail.Headers["Message-Id"]);
        });
        Assert.EndsWith("@example.test", id);
    }

    [Fact]
    public async Task A_server_that_is_down_makes_the_send_throw_and_it_is_worth_retrying()
    {
        server.Stop();
        var logger = new RecordingLogger<SmtpSender>();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            Sender(logger: logger).SendAsync(new EmailMessage("ana@example.test", "Hello", "Body"), default));

        Assert.False(SmtpSender.IsPermanent(failure));
        var line = Assert.Single(logger.Lines, l => l.Level == LogLevel.Warning);
        Assert.Contains($"connecting to 127.0.0.1:{server.Port} (None) failed", line.Message);
        server.Start();
        await Sender().SendAsync(new EmailMessage("ana@example.test", "Hello again", "Body"), default);
        Assert.Equal("Hello again", Assert.Single(server.Messages).Subject);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("ana")]
    [InlineData("ana@example.test, eve@example.test")]
    public async Task A_malformed_address_is_a_permanent_failure(string to)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            Sender().SendAsync(new EmailMessage(to, "Hello", "Body"), default));

        Assert.True(SmtpSender.IsPermanent(failure));
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task A_bad_sender_in_the_configuration_is_worth_retrying_once_it_is_fixed()
    {
        var sender = new SmtpSender(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = server.Port, FromAddress = "not valid" }),
            clock, NullLogger<SmtpSender>.Instance);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(new EmailMessage("ana@example.test", "Hello", "Body"), default));

        Assert.False(SmtpSender.IsPermanent(failure));
        Assert.Contains("Smtp:FromAddress", failure.Message);
    }

    [Fact]
    public async Task A_mailbox_the_server_refuses_for_good_is_permanent_while_a_busy_one_is_not()
    {
        var refused = await Assert.ThrowsAsync<SmtpCommandException>(() =>
            Sender().SendAsync(new EmailMessage("nobody@refused.test", "Hello", "Body"), default));
        var busy = await Assert.ThrowsAsync<SmtpCommandException>(() =>
            Sender().SendAsync(new EmailMessage("someone@busy.test", "Hello", "Body"), default));

        Assert.True(SmtpSender.IsPermanent(refused));
        Assert.False(SmtpSender.IsPermanent(busy));
        Assert.False(SmtpSender.IsPermanent(new SmtpCommandException(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.MailboxUnavailable, "from refused")));
        Assert.False(SmtpSender.IsPermanent(new SmtpCommandException(SmtpErrorCode.UnexpectedStatusCode, SmtpStatusCode.ServiceNotAvailable, "421")));
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task Without_a_host_mail_is_only_logged()
    {
        var sender = new SmtpSender(Options.Create(new SmtpOptions { Host = "", Port = server.Port }), clock,
            NullLogger<SmtpSender>.Instance);

        await sender.SendAsync(new EmailMessage("ana@example.test", "Hello", "Body"), default);

        Assert.Equal(0, server.ConnectionCount);
    }

    private SmtpOptions Settings() => new()
    {
        Host = "127.0.0.1",
        Port = server.Port,
        FromAddress = "portal@example.test",
        FromName = "IncidentPortal",
        TimeoutSeconds = 10,
    };

    private SmtpSender Sender(RecordingLogger<SmtpSender>? logger = null) =>
        new(Options.Create(Settings()), clock, logger ?? (ILogger<SmtpSender>)NullLogger<SmtpSender>.Instance);

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await server.DisposeAsync();
}
