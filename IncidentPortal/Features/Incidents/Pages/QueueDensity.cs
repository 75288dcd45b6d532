using IncidentPortal.Features.Accounts;
using Microsoft.JSInterop;

namespace IncidentPortal.Features.Incidents.Pages;

/// <summary>
/// The queue's row density, remembered per user in the browser's localStorage (agents scan the table all day, and
/// each prefers one). Read after the first render, before the table's rows arrive, so nothing visibly jumps.
/// </summary>
public static class QueueDensity
{
    public const string Dense = "dense";
    public const string Comfortable = "comfortable";

    public static string Key(Actor actor) => $"incidentportal.queue-density.{actor.UserId}";

    public static async Task<bool> IsDenseAsync(IJSRuntime js, Actor actor)
    {
        try
        {
            return await js.InvokeAsync<string?>("localStorage.getItem", Key(actor)) == Dense;
        }
        catch (JSException)
        {
            return false; // storage blocked (private mode, policy): the default density
        }
    }

    public static async Task RememberAsync(IJSRuntime js, Actor actor, bool dense)
    {
        try
        {
            await js.InvokeVoidAsync("localStorage.setItem", Key(actor), dense ? Dense : Comfortable);
        }
        catch (JSException)
        {
            // Not remembered; the choice still holds on this page.
        }
    }
}
