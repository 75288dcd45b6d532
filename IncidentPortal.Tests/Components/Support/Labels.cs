using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace IncidentPortal.Tests.Components.Support;

/// <summary>Finds form controls as users and screen readers do: by their label (or aria-label).</summary>
public static class Labels
{
    /// <remarks>MudBlazor writes label for=…, and MudSelect also carries its label as aria-label.</remarks>
    public static IElement FieldLabelled<T>(this IRenderedComponent<T> cut, string label) where T : IComponent
    {
        var labelledIds = cut.FindAll("label").Where(l => l.TextContent.Trim() == label)
            .Select(l => l.GetAttribute("for")).OfType<string>().Distinct().ToList();
        var fields = cut.FindAll("input, textarea, select")
            .Where(e => e.GetAttribute("aria-label") == label || labelledIds.Contains(e.Id ?? "")).ToList();
        return fields.Count switch
        {
            1 => fields[0],
            0 when labelledIds.Count == 1 => cut.Find($"[id='{labelledIds[0]}']"),
            _ => throw new InvalidOperationException(
                $"{fields.Count} fields labelled \"{label}\"; labels here: {string.Join(", ", cut.FindAll("label").Select(l => l.TextContent.Trim()))}."),
        };
    }
}
