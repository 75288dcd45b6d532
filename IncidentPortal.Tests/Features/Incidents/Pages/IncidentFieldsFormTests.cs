using System.ComponentModel.DataAnnotations;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Pages.Workspace;

namespace IncidentPortal.Tests.Features.Incidents.Pages;

public sealed class IncidentFieldsFormTests
{
    private static readonly IncidentFieldValues Loaded = new("VPN down", "Since 9:00", ServiceId: 2, CategoryId: 7, SubcategoryId: 9,
        Impact.Medium, Urgency.Medium, PriorityOverridden: false, OverriddenPriority: null, OverrideReason: "", TeamId: 1, AssigneeId: "alex");

    [Fact]
    public void An_untouched_form_has_no_edits_and_an_empty_command()
    {
        var form = IncidentFieldsForm.Load(Loaded, version: 4);

        Assert.False(form.HasEdits);
        Assert.True(form.ToCommand().IsEmpty);
    }

    [Fact]
    public void Blanks_around_text_are_not_an_edit()
    {
        var form = IncidentFieldsForm.Load(Loaded, 4);
        form.Title = "  VPN down ";

        Assert.False(form.HasEdits);
    }

    [Fact]
    public void The_command_holds_only_the_parts_that_changed()
    {
        var form = IncidentFieldsForm.Load(Loaded, 4);
        form.Urgency = Urgency.High;
        form.SubcategoryId = null;

        var command = form.ToCommand();

        Assert.Equal(new EditIncident("VPN down", "Since 9:00", Impact.Medium, Urgency.High, 2, 7), command.Edit);
        Assert.Null(command.Override);
        Assert.False(command.ClearOverride);
        Assert.Null(command.Assign);
    }

    [Fact]
    public void Assignment_and_override_changes_become_their_own_parts()
    {
        var form = IncidentFieldsForm.Load(Loaded, 4);
        form.AssigneeId = "sam";
        form.PriorityOverridden = true;
        form.OverriddenPriority = Priority.P1;
        form.OverrideReason = "Board meeting";

        var command = form.ToCommand();

        Assert.Null(command.Edit);
        Assert.Equal(new AssignIncident(1, "sam"), command.Assign);
        Assert.Equal(new OverridePriority(Priority.P1, "Board meeting"), command.Override);
    }

    [Fact]
    public void Unticking_an_existing_override_clears_it()
    {
        var form = IncidentFieldsForm.Load(Loaded with { PriorityOverridden = true, OverriddenPriority = Priority.P2, OverrideReason = "VIP" }, 4);
        form.PriorityOverridden = false;

        var command = form.ToCommand();

        Assert.True(command.ClearOverride);
        Assert.Null(command.Override);
    }

    [Fact]
    public void Rebase_keeps_the_users_edits_takes_everything_else_and_names_real_conflicts()
    {
        var form = IncidentFieldsForm.Load(Loaded, 4);
        form.Title = "VPN down for everyone";   // only I changed it
        form.Impact = Impact.High;             // we both changed it, differently
        form.Urgency = Urgency.High;           // we both changed it the same way
        var latest = Loaded with { Impact = Impact.Low, Urgency = Urgency.High, TeamId = 3, AssigneeId = null, Description = "Since 8:00" };

        form.Rebase(latest, version: 6);

        Assert.Equal(("VPN down for everyone", Impact.High, Urgency.High), (form.Title, form.Impact, form.Urgency));
        Assert.Equal(("Since 8:00", (int?)3, (string?)null), (form.Description, form.TeamId, form.AssigneeId));
        Assert.Equal(6, form.BaseVersion);
        Assert.Equal([FieldGroup.Impact], form.Conflicts);
        Assert.Equal([FieldGroup.Title, FieldGroup.Impact], form.Edited);
        // Re-applying sends my edits on top of the latest values, not my stale copy of the others.
        Assert.Equal(new EditIncident("VPN down for everyone", "Since 8:00", Impact.High, Urgency.High, 2, 9), form.ToCommand().Edit);
        Assert.Null(form.ToCommand().Assign);
    }

    [Fact]
    public void An_override_needs_a_priority_and_a_reason()
    {
        var form = IncidentFieldsForm.Load(Loaded, 4);
        form.PriorityOverridden = true;

        var errors = Validate(form);

        Assert.Contains(errors, e => e.MemberNames.Single() == nameof(IncidentFieldsForm.OverriddenPriority));
        Assert.Contains(errors, e => e.MemberNames.Single() == nameof(IncidentFieldsForm.OverrideReason) && e.ErrorMessage!.Contains("reason"));
    }

    [Fact]
    public void A_title_is_required_and_an_assigned_incident_keeps_a_team()
    {
        var form = IncidentFieldsForm.Load(Loaded, 4);
        form.Title = " ";
        form.TeamId = null;

        var errors = Validate(form);

        Assert.Contains(errors, e => e.MemberNames.Single() == nameof(IncidentFieldsForm.Title));
        Assert.Contains(errors, e => e.MemberNames.Single() == nameof(IncidentFieldsForm.TeamId));
    }

    private static List<ValidationResult> Validate(IncidentFieldsForm form)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        return results;
    }
}
