using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace IncidentPortal.Tests.Components.Support;

/// <summary>Finds form controls as users and screen readers do: by their label (or aria-label).</summary>
public static class Labels
{
    public static IElement FieldLabelled<T>(this IRenderedComponent<T> cut, string label) where T : IComponent =>
        cut.FindAll("input, textarea, select").SingleOrDefault(e => e.GetAttribute("aria-label") == label
            || cut.FindAll($"label[for='{e.Id}']").Any(l => l.TextContent.Trim() == label))
        ?? throw new InvalidOperationException($"No field labelled \"{label}\".");
}
