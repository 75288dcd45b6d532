using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.MajorIncidents.Pages;

/// <summary>Runs a war-room command; a refusal comes back as the message to show next to the control, never a crash.</summary>
public static class WarRoomCommand
{
    public static async Task<string?> TryAsync(Func<Task> command)
    {
        try
        {
            await command();
            return null;
        }
        catch (Exception refused) when (refused is MajorIncidentRuleException or MajorIncidentNotFoundException or MajorIncidentConflictException
            or IncidentRuleException or IncidentNotFoundException or IncidentConflictException or UnauthorizedAccessException)
        {
            return refused.Message;
        }
    }
}
