using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IncidentPortal.Components.Shared;

/// <summary>The portal's two ways of telling and asking: a toast with a bold summary, and a yes/no confirmation.</summary>
public static class UiFeedback
{
    public static void Notify(this ISnackbar snackbar, Severity severity, string summary, string detail,
        TimeSpan? duration = null)
    {
        RenderFragment content = builder =>
        {
            builder.OpenElement(0, "strong");
            builder.AddContent(1, summary);
            builder.CloseElement();
            if (detail.Length == 0) return;
            builder.AddContent(2, " ");
            builder.OpenElement(3, "span");
            builder.AddContent(4, detail);
            builder.CloseElement();
        };
        snackbar.Add(content, severity, options =>
        {
            if (duration is { } visible) options.VisibleStateDuration = (int)visible.TotalMilliseconds;
        });
    }

    /// <summary>
    /// Asks before a destructive or far-reaching action. The dialog is modal, takes focus, and Escape or the
    /// cancel button answer "no".
    /// </summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string question,
        string confirmText, string cancelText = "Cancel")
    {
        var answer = await dialogs.ShowMessageBoxAsync(title, question, yesText: confirmText, cancelText: cancelText,
            options: new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Small, FullWidth = true });
        return answer == true;
    }
}
