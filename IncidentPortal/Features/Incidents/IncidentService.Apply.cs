using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Incidents;

public sealed partial class IncidentService
{
    private async Task ApplyAsync(AppDbContext db, Incident incident, ChangeContext by, IncidentCommand command, CancellationToken ct)
    {
        switch (command)
        {
            case EditIncident edit:
                // Keeping a service or category that was retired since is fine; switching to a retired one is not.
                var service = edit.ServiceId is { } serviceId
                    ? await db.Services.Where(s => s.Id == serviceId && (s.IsActive || s.Id == incident.ServiceId)).Select(s => new Named<int>(s.Id, s.Name)).SingleOrDefaultAsync(ct)
                      ?? throw new IncidentRuleException("Choose a service from the list.")
                    : null;
                var category = edit.CategoryId is { } categoryId
                    ? await db.Categories.Where(c => c.Id == categoryId && ((c.IsActive && (c.Parent == null || c.Parent.IsActive)) || c.Id == incident.CategoryId))
                          .Select(c => new Named<int>(c.Id, c.Parent == null ? c.Name : c.Parent.Name + " › " + c.Name)).SingleOrDefaultAsync(ct)
                      ?? throw new IncidentRuleException("Choose a category from the list.")
                    : null;
                incident.Edit(by, edit.Title, edit.Description, edit.Impact, edit.Urgency, await matrices.CurrentAsync(ct), service, category);
                break;
            case OverridePriority o:
                incident.OverridePriority(by, o.Priority, o.Reason);
                break;
            case ClearPriorityOverride:
                incident.ClearPriorityOverride(by, await matrices.CurrentAsync(ct));
                break;
            case SaveIncidentFields save:
                await SaveFieldsAsync(db, incident, by, save, ct);
                break;
            case AssignIncident assign:
                var team = await db.Teams.Where(t => t.Id == assign.TeamId).Select(t => new Named<int>(t.Id, t.Name)).SingleOrDefaultAsync(ct)
                    ?? throw new IncidentRuleException("Choose a team from the list.");
                Named<string>? assignee = null;
                if (assign.AssigneeId is { } assigneeId)
                {
                    assignee = await db.Users.Where(u => u.Id == assigneeId && u.Teams.Any(t => t.Id == assign.TeamId))
                        .Select(u => new Named<string>(u.Id, u.DisplayName)).SingleOrDefaultAsync(ct)
                        ?? throw new IncidentRuleException("The assignee must be a member of the chosen team.");
                }
                incident.Assign(by, team, assignee);
                break;
            case StartWork:
                incident.StartWork(by);
                break;
            case PutOnHold hold:
                incident.PutOnHold(by, hold.Reason);
                break;
            case ResolveIncident resolve:
                incident.Resolve(by, resolve.Code, resolve.Notes, resolve.Workaround);
                await Tasks.OpenTaskCheck.BeforeResolveAsync(db, incident, by, resolve, ct);
                break;
            case CloseIncident:
                incident.Close(by);
                break;
            case CancelIncident cancel:
                incident.Cancel(by, cancel.Reason);
                break;
            case AddComment comment:
                incident.AddComment(by, comment.Text, comment.IsPublic);
                break;
            case ReopenIncident reopen:
                incident.Reopen(by, reopen.Comment);
                break;
            case SetEta eta:
                incident.SetEta(by, eta.Eta, eta.Note);
                break;
            case MarkDuplicate duplicate:
                incident.MarkDuplicate(by, new Named<int>(duplicate.OriginalId, duplicate.OriginalReference));
                break;
            case UnmarkDuplicate unmark:
                incident.UnmarkDuplicate(by, unmark.OriginalReference);
                break;
            case RecordIncidentEvent recorded:
                incident.RecordEvent(by, recorded.Topic, recorded.Text, recorded.IsPublic);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown incident command.");
        }
    }

    // An override is set before the edit so the edit does not re-derive the priority first; removing one comes
    // after the edit so the matrix sees the new impact and urgency. Nothing is saved until every part has passed.
    private async Task SaveFieldsAsync(AppDbContext db, Incident incident, ChangeContext by, SaveIncidentFields save, CancellationToken ct)
    {
        if (save.IsEmpty) throw new IncidentRuleException("There are no changes to save.");
        if (save.Override is not null && save.ClearOverride) throw new IncidentRuleException("Either override the priority or remove the override, not both.");
        if (save.Override is { } o) await ApplyAsync(db, incident, by, o, ct);
        if (save.Edit is { } edit) await ApplyAsync(db, incident, by, edit, ct);
        if (save.ClearOverride) await ApplyAsync(db, incident, by, new ClearPriorityOverride(), ct);
        if (save.Assign is { } assign) await ApplyAsync(db, incident, by, assign, ct);
    }
}
