using System.Text;

namespace IncidentPortal.Tests.Support;

/// <summary>One SMTP conversation of <see cref="SmtpTestServer"/>: the commands System.Net.Mail sends, in order.</summary>
internal sealed class SmtpSession(StreamReader reader, StreamWriter writer, Action<ReceivedMail> deliver)
{
    private string? from;
    private readonly List<string> recipients = [];

    public async Task RunAsync(CancellationToken ct)
    {
        await writer.WriteLineAsync("220 smtp-test.local ESMTP ready");
        while (!ct.IsCancellationRequested && await reader.ReadLineAsync(ct) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-smtp-test.local");
                    await writer.WriteLineAsync("250 8BITMIME");
                    break;
                case "HELO":
                    await writer.WriteLineAsync("250 smtp-test.local");
                    break;
                case "MAIL":
                    from = Address(line);
                    recipients.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    if (from is null) { await writer.WriteLineAsync("503 MAIL first"); break; }
                    recipients.Add(Address(line));
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    if (recipients.Count == 0) { await writer.WriteLineAsync("503 RCPT first"); break; }
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = await ReadDataAsync(ct);
                    deliver(ReceivedMail.Parse(from!, recipients.ToList(), data));
                    from = null;
                    recipients.Clear();
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "RSET":
                    from = null;
                    recipients.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 Command not implemented");
                    break;
            }
        }
    }

    private async Task<string> ReadDataAsync(CancellationToken ct)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(ct) is { } line)
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
