using System.Text.Json;
using IncidentPortal.Infrastructure.Data;

namespace IncidentPortal.Infrastructure.Outbox;

/// <summary>Queues deliveries in the caller's unit of work: they are sent only if the caller's change commits.</summary>
public static class Outbox
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static OutboxMessage Enqueue(AppDbContext db, string kind, object payload, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var message = OutboxMessage.Create(kind, JsonSerializer.Serialize(payload, payload.GetType(), Json), now);
        db.OutboxMessages.Add(message);
        return message;
    }
}

/// <summary>
/// Delivers one kind of outbox message. Throw to have the dispatcher try again later (with backoff);
/// throw <see cref="OutboxGiveUpException"/> when trying again cannot help (the target said 410 Gone).
/// </summary>
public interface IOutboxHandler
{
    string Kind { get; }
    Task HandleAsync(OutboxMessage message, CancellationToken ct);
}

public sealed class OutboxGiveUpException(string message, Exception? inner = null) : Exception(message, inner);

public sealed class OutboxOptions
{
    public const string Section = "Outbox";
    /// <summary>How often to look for due messages when nothing wakes the dispatcher earlier.</summary>
    public double PollSeconds { get; set; } = 2;
    /// <summary>After this many failed tries a message is given up (kept, with its last error, for an admin to see).</summary>
    public int MaxAttempts { get; set; } = 12;
    /// <summary>The first retry waits this long; each further one twice as long, up to <see cref="MaxRetryMinutes"/>.</summary>
    public double RetryBaseSeconds { get; set; } = 30;
    public double MaxRetryMinutes { get; set; } = 60;
    /// <summary>How many messages are delivered at once, so one slow target does not hold up the rest.</summary>
    public int Parallelism { get; set; } = 4;

    public TimeSpan RetryDelay(int attempts)
    {
        var seconds = RetryBaseSeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxRetryMinutes * 60));
    }
}
