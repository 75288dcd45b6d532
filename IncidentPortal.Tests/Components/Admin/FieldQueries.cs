using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace IncidentPortal.Tests.Components.Admin;

/// <summary>Finds MudBlazor fields the way a user (and the E2E tests) do: by their label.</summary>
public static class FieldQueries
{
    /// <summary>The input a &lt;label for&gt; with exactly this text points at (MudTextField, MudNumericField, MudSelect).</summary>
    public static IElement Field<T>(this IRenderedComponent<T> cut, string label) where T : IComponent
    {
        var labelElement = cut.FindAll("label[for]").Single(l => l.TextContent.Trim() == label);
        return cut.Find($"[id='{labelElement.GetAttribute("for")}']");
    }

    /// <summary>The checkbox inside the MudCheckBox whose label reads exactly this.</summary>
    public static IElement CheckBox<T>(this IRenderedComponent<T> cut, string label, IElement? within = null) where T : IComponent =>
        (within?.QuerySelectorAll("label") ?? cut.FindAll("label")).Single(l => l.TextContent.Trim() == label).QuerySelector("input[type=checkbox]")!;

    public static IElement Button<T>(this IRenderedComponent<T> cut, string name) where T : IComponent =>
        cut.FindAll("button").Single(b => (b.GetAttribute("aria-label") ?? b.TextContent.Trim()) == name);

    /// <summary>The text of the elements the field's aria-describedby names: its error or hint, as a screen reader hears it.</summary>
    public static string Description<T>(this IRenderedComponent<T> cut, IElement field) where T : IComponent =>
        string.Join(" ", (field.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => cut.FindAll($"[id='{id}']") is { Count: > 0 } found ? found[0].TextContent.Trim() : ""));
}
