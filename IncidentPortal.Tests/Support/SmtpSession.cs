using System.Text;

namespace IncidentPortal.Tests.Support;

/// <summary>
/// One SMTP conversation of <see cref="SmtpTestServer"/>: the commands MailKit sends, in order, with STARTTLS and
/// AUTH PLAIN when <see cref="SmtpTestServerOptions"/> ask for them.
/// </summary>
internal sealed class SmtpSession(SmtpTestConnection connection, SmtpTestServerOptions options, Action<ReceivedMail> deliver)
{
    private string? from;
    private string? signedInAs;
    private readonly List<string> recipients = [];

    private bool MustStartTls => options.RequireStartTls && !connection.IsTls;
    private bool MustSignIn => options.Login is not null && signedInAs is null;

    public async Task RunAsync(CancellationToken ct)
    {
        await ReplyAsync("220 smtp-test.local ESMTP ready");
        while (!ct.IsCancellationRequested && await connection.Reader.ReadLineAsync(ct) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            if (MustStartTls && verb is "MAIL" or "RCPT" or "DATA" or "AUTH") { await ReplyAsync("530 5.7.0 Must issue a STARTTLS command first"); continue; }
            if (MustSignIn && verb is "MAIL" or "RCPT" or "DATA") { await ReplyAsync("530 5.7.0 Authentication required"); continue; }
            switch (verb)
            {
                case "EHLO":
                    await ReplyAsync("250-smtp-test.local");
                    if (MustStartTls) await ReplyAsync("250-STARTTLS");
                    if (options.Login is not null && !MustStartTls) await ReplyAsync("250-AUTH PLAIN");
                    await ReplyAsync("250 8BITMIME");
                    break;
                case "HELO":
                    await ReplyAsync("250 smtp-test.local");
                    break;
                case "STARTTLS" when options.RequireStartTls && options.Certificate is not null && !connection.IsTls:
                    await ReplyAsync("220 2.0.0 Ready to start TLS");
                    await connection.StartTlsAsync(options.Certificate, ct);
                    // RFC 3207: the client starts over, knowing nothing it learnt before the handshake.
                    Reset();
                    signedInAs = null;
                    break;
                case "AUTH":
                    await SignInAsync(line, ct);
                    break;
                case "MAIL":
                    from = Address(line);
                    recipients.Clear();
                    await ReplyAsync("250 OK");
                    break;
                case "RCPT":
                    await AddRecipientAsync(line);
                    break;
                case "DATA":
                    if (recipients.Count == 0) { await ReplyAsync("503 RCPT first"); break; }
                    await ReplyAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = await ReadDataAsync(ct);
                    deliver(ReceivedMail.Parse(from!, recipients.ToList(), data) with { OverTls = connection.IsTls, SignedInAs = signedInAs });
                    Reset();
                    await ReplyAsync("250 OK queued");
                    break;
                case "RSET":
                    Reset();
                    await ReplyAsync("250 OK");
                    break;
                case "NOOP":
                    await ReplyAsync("250 OK");
                    break;
                case "QUIT":
                    await ReplyAsync("221 Bye");
                    return;
                default:
                    await ReplyAsync("502 Command not implemented");
                    break;
            }
        }
    }

    private async Task AddRecipientAsync(string line)
    {
        if (from is null) { await ReplyAsync("503 MAIL first"); return; }
        var recipient = Address(line);
        // Reserved test domains for a server that refuses a mailbox for good, or for now.
        if (recipient.EndsWith("@refused.test", StringComparison.OrdinalIgnoreCase)) { await ReplyAsync("550 5.1.1 No such mailbox"); return; }
        if (recipient.EndsWith("@busy.test", StringComparison.OrdinalIgnoreCase)) { await ReplyAsync("450 4.2.1 Mailbox busy, try later"); return; }
        recipients.Add(recipient);
        await ReplyAsync("250 OK");
    }

    /// <summary>AUTH PLAIN, with the credentials on the command line or after a 334 (RFC 4616: authzid NUL user NUL password).</summary>
    private async Task SignInAsync(string line, CancellationToken ct)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (options.Login is not { } login || parts.Length < 2 || !parts[1].Equals("PLAIN", StringComparison.OrdinalIgnoreCase))
        {
            await ReplyAsync("504 5.5.4 Unrecognized authentication type");
            return;
        }
        var response = parts.Length > 2 ? parts[2] : null;
        if (response is null)
        {
            await ReplyAsync("334 ");
            response = await connection.Reader.ReadLineAsync(ct) ?? "";
        }
        string[] fields;
        try { fields = Encoding.UTF8.GetString(Convert.FromBase64String(response)).Split('\0'); }
        catch (FormatException) { await ReplyAsync("501 5.5.2 Cannot decode response"); return; }
        if (fields.Length == 3 && fields[1] == login.User && fields[2] == login.Password)
        {
            signedInAs = login.User;
            await ReplyAsync("235 2.7.0 Authentication successful");
        }
        else await ReplyAsync("535 5.7.8 Authentication credentials invalid");
    }

    private void Reset()
    {
        from = null;
        recipients.Clear();
    }

    private Task ReplyAsync(string reply) => connection.Writer.WriteLineAsync(reply);

    private async Task<string> ReadDataAsync(CancellationToken ct)
    {
        var data = new StringBuilder();
        while (await connection.Reader.ReadLineAsync(ct) is { } line)
        {
            if (line == ".") return data.ToString();
            // Dot-stuffing: a leading dot was doubled by the client.
            data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
        }
        throw new IOException("Connection closed during DATA.");
    }

    private static string Address(string command)
    {
        var start = command.IndexOf('<');
        var end = command.IndexOf('>', start + 1);
        return start >= 0 && end > start ? command[(start + 1)..end] : command.Split(':', 2)[1].Trim();
    }
}
