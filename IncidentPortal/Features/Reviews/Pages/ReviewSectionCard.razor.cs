using IncidentPortal.Features.Accounts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IncidentPortal.Features.Reviews.Pages;

/// <summary>
/// Editing state of one section. Autosave: a second after the last keystroke the text is saved from the version the
/// editor started on; if someone else saved the section meanwhile the save is refused and their text offered to merge.
/// A save by someone else arriving while this editor has no unsaved changes is simply taken over.
/// </summary>
public sealed partial class ReviewSectionCard
{
    private static readonly TimeSpan AutosaveDelay = TimeSpan.FromSeconds(1);

    [Inject] private ReviewService Reviews { get; set; } = default!;
    [Inject] private ReviewQueries Queries { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private Time.ViewerTime Viewer { get; set; } = default!;

    [Parameter, EditorRequired] public SectionView Section { get; set; } = default!;
    [Parameter, EditorRequired] public Actor Actor { get; set; } = default!;
    [Parameter, EditorRequired] public int IncidentId { get; set; }
    [Parameter, EditorRequired] public int ReviewId { get; set; }
    [Parameter] public string IncidentTitle { get; set; } = "";
    [Parameter] public bool ReadOnly { get; set; }
    [Parameter] public IReadOnlyList<string> OthersEditing { get; set; } = [];
    /// <summary>Tells the page (for presence) that this section is now being edited (true) or not (false).</summary>
    [Parameter] public EventCallback<(int SectionId, bool Editing)> EditingChanged { get; set; }

    private sealed record Conflict(int Version, string Body, string? Author);

    private bool editing, saving;
    private Task saveInFlight = Task.CompletedTask;
    private string text = "", savedText = "";
    private int baseVersion;
    private string? saveState, error;
    private Conflict? conflict;
    private CancellationTokenSource? debounce;
    private int timelineKey;

    private bool CanEdit => Actor.IsStaff && !ReadOnly;

    protected override void OnParametersSet()
    {
        if (!editing) return;
        if (ReadOnly)
        {
            // Published while this editor was open: nothing more can be saved.
            editing = false;
            return;
        }
        // The page reloads on every save, this editor's own included, and that reload can arrive before the save
        // returns the version it made: judge newer versions only once no save of ours is in flight.
        // (With SQLite that reload even runs inside the save call, before it returns: hence a flag, not the save's task.)
        if (saving) return;
        TakeOverOrFlagNewerVersion();
    }

    private void TakeOverOrFlagNewerVersion()
    {
        if (Section.Version <= baseVersion || conflict is not null) return;
        if (Normalized(text) == savedText)
        {
            (text, savedText, baseVersion) = (Section.Body, Section.Body, Section.Version);
            timelineKey++;
        }
        else
        {
            conflict = new Conflict(Section.Version, Section.Body, Section.UpdatedBy);
        }
    }

    /// <summary>The text as the server stores it (<see cref="ReviewSection"/> trims it and unifies line endings).</summary>
    private static string Normalized(string body) => body.Replace("\r\n", "\n").TrimEnd();

    private Task OpenHistoryAsync() => Dialogs.ShowAsync<SectionHistory>($"History of {Section.Title}",
        new DialogParameters<SectionHistory> { { d => d.Section, Section }, { d => d.Actor, Actor } },
        new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true });

    private async Task StartEditingAsync()
    {
        (text, savedText, baseVersion, editing, conflict, error, saveState) = (Section.Body, Section.Body, Section.Version, true, null, null, null);
        await EditingChanged.InvokeAsync((Section.Id, true));
    }

    private void Typed()
    {
        saveState = "Unsaved changes";
        debounce?.Cancel();
        debounce = new CancellationTokenSource();
        var token = debounce.Token;
        _ = Task.Delay(AutosaveDelay, token).ContinueWith(t =>
        {
            if (!t.IsCanceled) _ = InvokeAsync(SaveAsync);
        }, TaskScheduler.Default);
    }

    private void TimelineChanged(string body)
    {
        text = body;
        Typed();
    }

    private Task AppendAsync(string paragraph)
    {
        text = string.IsNullOrWhiteSpace(text) ? paragraph : text.TrimEnd() + "\n\n" + paragraph;
        Typed();
        return Task.CompletedTask;
    }

    private async Task SaveAsync()
    {
        // One save at a time (all on the circuit's dispatcher): a save asked for while one runs waits, then sends the text as it is then.
        while (saving && !saveInFlight.IsCompleted) await saveInFlight;
        if (!editing || conflict is not null || Normalized(text) == savedText) return;
        saving = true;
        saveInFlight = SaveOnceAsync();
        await saveInFlight;
    }

    private async Task SaveOnceAsync()
    {
        saveState = "Saving…";
        StateHasChanged();
        try
        {
            var sent = text;
            var saved = await Reviews.SaveSectionAsync(Actor, Section.Id, baseVersion, sent);
            (baseVersion, savedText, error) = (saved.Version, Normalized(sent), null);
            saveState = Normalized(text) == savedText ? $"Saved {Viewer.Absolute(saved.SavedAt)}" : "Unsaved changes";
        }
        catch (SectionConflictException ex)
        {
            conflict = new Conflict(ex.TheirVersion, ex.TheirBody, await Queries.PersonNameAsync(ex.TheirAuthorId));
            saveState = "Not saved: conflict";
        }
        catch (ReviewRuleException ex)
        {
            (error, saveState) = (ex.Message, "Not saved");
        }
        finally
        {
            saving = false;
        }
        // Only now is it known which version was ours; a newer one is someone else's.
        TakeOverOrFlagNewerVersion();
        StateHasChanged();
    }

    private async Task KeepMineAsync()
    {
        // Saving on top of their version: they have been shown what they would overwrite.
        baseVersion = conflict!.Version;
        savedText = conflict.Body;
        conflict = null;
        await SaveAsync();
    }

    private void UseTheirs()
    {
        (text, savedText, baseVersion, conflict) = (conflict!.Body, conflict.Body, conflict.Version, null);
        saveState = "Took their text";
        timelineKey++;
    }

    private async Task DoneAsync()
    {
        debounce?.Cancel();
        await SaveAsync();
        if (conflict is not null || error is not null) return;
        editing = false;
        await EditingChanged.InvokeAsync((Section.Id, false));
    }

    public void Dispose() => debounce?.Cancel();
}
