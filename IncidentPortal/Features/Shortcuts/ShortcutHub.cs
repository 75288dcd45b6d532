namespace IncidentPortal.Features.Shortcuts;

/// <summary>What a shortcut asks the page to do, for the components that do it (the comment box: reply, work note).</summary>
public enum ShortcutCommand { Reply, WorkNote }

/// <summary>
/// One per circuit: <see cref="KeyboardShortcuts"/> raises the shortcuts that need the server, the component on the page
/// that can carry one out listens. Keys that only click or focus something stay in the browser (shortcuts.js).
/// </summary>
public sealed class ShortcutHub
{
    public event Func<ShortcutCommand, Task>? Invoked;

    /// <summary>True when a component on the page took the command.</summary>
    public async Task<bool> RaiseAsync(ShortcutCommand command)
    {
        if (Invoked is not { } handlers) return false;
        foreach (var handler in handlers.GetInvocationList().Cast<Func<ShortcutCommand, Task>>()) await handler(command);
        return true;
    }
}
