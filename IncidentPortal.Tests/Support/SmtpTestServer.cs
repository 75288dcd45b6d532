using System.Net;
using System.Net.Sockets;

namespace IncidentPortal.Tests.Support;

/// <summary>
/// A real SMTP server on 127.0.0.1 for tests: speaks enough of RFC 5321 for MailKit (EHLO/HELO, MAIL FROM, RCPT TO,
/// DATA, RSET, NOOP, QUIT; STARTTLS, implicit TLS and AUTH PLAIN on request) and records every accepted message. <see cref="Stop"/> closes the port and every
/// open session (a mail server outage); <see cref="Start"/> listens on the same port again.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly object gate = new();
    private readonly List<ReceivedMail> messages = [];
    private readonly List<TcpClient> sessions = [];
    private TaskCompletionSource changed = NewSignal();
    private TcpListener? listener;
    private CancellationTokenSource? running;

    public SmtpTestServer() : this(new SmtpTestServerOptions()) { }

    public SmtpTestServer(SmtpTestServerOptions options)
    {
        if ((options.ImplicitTls || options.RequireStartTls) && options.Certificate is null)
            throw new ArgumentException("TLS needs a certificate.", nameof(options));
        Options = options;
        Start();
    }

    public SmtpTestServerOptions Options { get; }

    public int Port { get; private set; }
    public bool IsRunning => listener is not null;
    /// <summary>Sessions opened so far, including ones that delivered nothing.</summary>
    public int ConnectionCount { get; private set; }

    public IReadOnlyList<ReceivedMail> Messages
    {
        get { lock (gate) return messages.ToList(); }
    }

    public void Start()
    {
        lock (gate)
        {
            if (listener is not null) return;
            var next = new TcpListener(IPAddress.Loopback, Port);
            next.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            next.Start();
            Port = ((IPEndPoint)next.LocalEndpoint).Port;
            listener = next;
            running = new CancellationTokenSource();
            _ = AcceptLoopAsync(next, running.Token);
        }
    }

    public void Stop()
    {
        lock (gate)
        {
            if (listener is null) return;
            running!.Cancel();
            listener.Stop();
            listener = null;
            foreach (var session in sessions) session.Dispose();
            sessions.Clear();
        }
    }

    /// <summary>Waits until a message matching <paramref name="match"/> has arrived; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<ReceivedMail> WaitForMessageAsync(Func<ReceivedMail, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            Task signal;
            lock (gate)
            {
                var found = messages.FirstOrDefault(match);
                if (found is not null) return found;
                signal = changed.Task;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || await Task.WhenAny(signal, Task.Delay(left)) != signal)
                throw new TimeoutException($"No matching mail within the timeout; received: {string.Join(" | ", Messages.Select(m => $"{string.Join(",", m.To)}: {m.Subject}"))}");
        }
    }

    public Task<ReceivedMail> WaitForMessageToAsync(string to, TimeSpan? timeout = null) =>
        WaitForMessageAsync(m => m.To.Contains(to, StringComparer.OrdinalIgnoreCase), timeout);

    private async Task AcceptLoopAsync(TcpListener server, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await server.AcceptTcpClientAsync(ct); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            lock (gate)
            {
                ConnectionCount++;
                sessions.Add(client);
            }
            _ = ServeAsync(client, ct);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken ct)
    {
        try
        {
            await using var connection = new SmtpTestConnection(client.GetStream());
            if (Options.ImplicitTls) await connection.StartTlsAsync(Options.Certificate!, ct);
            await new SmtpSession(connection, Options, Record).RunAsync(ct);
        }
        // A client that gives up on our certificate ends the handshake with an AuthenticationException.
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException
            or System.Security.Authentication.AuthenticationException)
        { }
        finally
        {
            lock (gate) sessions.Remove(client);
            client.Dispose();
        }
    }

    private void Record(ReceivedMail mail)
    {
        lock (gate)
        {
            messages.Add(mail);
            changed.TrySetResult();
            changed = NewSignal();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
