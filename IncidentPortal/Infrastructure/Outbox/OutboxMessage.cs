using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentPortal.Infrastructure.Outbox;

public enum OutboxState { Pending, Sent, GaveUp }

/// <summary>
/// Something to deliver outside the database (an e-mail, a webhook call), written in the same unit of work as the change
/// that caused it, so a crash or an unreachable server delays it and never loses it. Delivered at least once by
/// <see cref="OutboxDispatcher"/>.
/// </summary>
public class OutboxMessage
{
    public long Id { get; private set; }
    /// <summary>Which <see cref="IOutboxHandler"/> delivers it ("email", "webhook").</summary>
    public string Kind { get; private set; } = "";
    /// <summary>JSON; read it with <see cref="PayloadAs{T}"/>.</summary>
    public string Payload { get; private set; } = "";
    public OutboxState State { get; private set; }
    public DateTime CreatedAt { get; private set; }
    /// <summary>Not before this moment: the next try after a failure waits out its backoff.</summary>
    public DateTime DueAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTime? SentAt { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>The dispatcher instance working on it, until <see cref="ClaimedUntil"/>; a crashed claim simply expires.</summary>
    public string? ClaimedBy { get; private set; }
    public DateTime? ClaimedUntil { get; private set; }

    private OutboxMessage() { }

    internal static OutboxMessage Create(string kind, string payload, DateTime now) => new()
    {
        Kind = kind, Payload = payload, State = OutboxState.Pending, CreatedAt = now, DueAt = now,
    };

    public T PayloadAs<T>() => JsonSerializer.Deserialize<T>(Payload, Outbox.Json)
        ?? throw new InvalidOperationException($"Outbox message {Id} has an empty payload.");

    public const int MaxKindLength = 50;
    public const int MaxErrorLength = 1000;
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("OutboxMessages");
        message.Property(m => m.Kind).HasMaxLength(OutboxMessage.MaxKindLength).IsRequired();
        message.Property(m => m.Payload).IsRequired();
        message.Property(m => m.State).HasConversion<string>().HasMaxLength(10);
        message.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
        message.Property(m => m.ClaimedBy).HasMaxLength(100);
        // The dispatcher's only scan: pending messages that are due, oldest first.
        message.HasIndex(m => new { m.State, m.DueAt });
    }
}
