namespace IncidentPortal.Infrastructure.Events;

/// <summary>
/// Carries domain events to whoever listens (open pages, background workers), after the change is committed.
/// Events are plain serialisable records, so an implementation over PostgreSQL LISTEN/NOTIFY can carry the
/// same events between app instances; <see cref="InProcessEventBus"/> is the single-instance one.
/// </summary>
public interface IEventBus
{
    Task PublishAsync<TEvent>(TEvent domainEvent) where TEvent : class;

    /// <summary>Calls <paramref name="handler"/> for every published <typeparamref name="TEvent"/> until disposed.</summary>
    IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler) where TEvent : class;
}
