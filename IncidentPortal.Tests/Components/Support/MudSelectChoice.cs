using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IncidentPortal.Tests.Components.Support;

/// <summary>Picks an option in a MudSelect the way a user does: open the combobox named <c>label</c>, click the option.</summary>
public static class MudSelectChoice
{
    public static void Choose<T>(this IRenderedComponent<MudPopoverProvider> popovers, IRenderedComponent<T> host, string label, string option)
        where T : IComponent
    {
        var combobox = Comboboxes(host).SingleOrDefault(box => NameOf(host, box) == label)
            ?? throw new InvalidOperationException($"No drop-down named \"{label}\"; there are: "
                + string.Join(", ", Comboboxes(host).Select(box => $"\"{NameOf(host, box)}\"")) + "\n" + host.Markup);
        combobox.Closest(".mud-input-control")!.MouseDown();
        popovers.WaitForState(() => Options(popovers).Any(o => o.TextContent.Trim() == option));
        Options(popovers).First(o => o.TextContent.Trim() == option).Click();
        popovers.WaitForState(() => Options(popovers).Count == 0);
    }

    /// <summary>What the drop-down named <paramref name="label"/> shows as chosen.</summary>
    public static string Chosen<T>(this IRenderedComponent<T> host, string label) where T : IComponent
    {
        var box = Comboboxes(host).Single(b => NameOf(host, b) == label);
        return (box.GetAttribute("value") ?? box.TextContent).Trim();
    }

    // MudSelect draws its combobox as an input for text values and as a div (beside a hidden input) for others.
    private static IEnumerable<IElement> Comboboxes<T>(IRenderedComponent<T> host) where T : IComponent => host.FindAll("[role=combobox]");

    private static IReadOnlyList<IElement> Options(IRenderedComponent<MudPopoverProvider> popovers) =>
        popovers.FindAll(".mud-popover-open [role=option]");

    private static string? NameOf<T>(IRenderedComponent<T> host, IElement box) where T : IComponent =>
        box.GetAttribute("aria-label") ?? (host.FindAll($"label[for='{box.Id}']") is [var label, ..] ? label.TextContent.Trim() : null);
}
