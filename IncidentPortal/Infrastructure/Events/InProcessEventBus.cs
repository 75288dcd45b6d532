using System.Collections.Concurrent;

namespace IncidentPortal.Infrastructure.Events;

/// <summary>Delivers events to subscribers in this process. A failing subscriber never fails the publisher.</summary>
public sealed class InProcessEventBus(ILogger<InProcessEventBus> logger) : IEventBus
{
    private readonly ConcurrentDictionary<Guid, Subscription> subscriptions = new();

    public async Task PublishAsync<TEvent>(TEvent domainEvent) where TEvent : class
    {
        var deliveries = subscriptions.Values
            .Where(s => s.EventType.IsInstanceOfType(domainEvent))
            .Select(s => DeliverAsync(s, domainEvent));
        await Task.WhenAll(deliveries);
    }

    public IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler) where TEvent : class
    {
        var id = Guid.NewGuid();
        subscriptions[id] = new Subscription(typeof(TEvent), e => handler((TEvent)e));
        return new Unsubscriber(() => subscriptions.TryRemove(id, out _));
    }

    private async Task DeliverAsync(Subscription subscription, object domainEvent)
    {
        try
        {
            await subscription.Handler(domainEvent);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A subscriber failed to handle {Event}.", domainEvent.GetType().Name);
        }
    }

    private sealed record Subscription(Type EventType, Func<object, Task> Handler);

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) unsubscribe();
        }
    }
}
