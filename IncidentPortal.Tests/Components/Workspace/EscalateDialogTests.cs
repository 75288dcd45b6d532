using Bunit;
using IncidentPortal.Features.Escalation;
using IncidentPortal.Features.Escalation.Pages;
using IncidentPortal.Features.Incidents;
using MudBlazor;
using MudBlazor.Extensions;
using Microsoft.Extensions.DependencyInjection;
using static IncidentPortal.Tests.Components.Workspace.WorkspaceFixtures;

namespace IncidentPortal.Tests.Components.Workspace;

/// <summary>The Escalate dialog: the reason is required (a message at the field), and it closes with the chosen team.</summary>
public sealed class EscalateDialogTests
{
    private static readonly EscalationPanelView View = new(0, 0, null, null, NextTierTeamId: 11, LeadName: "Lee Lead",
        Teams: [new Choice<int>(10, "Network"), new Choice<int>(11, "Database"), new Choice<int>(12, "Security")], Policies: [], DefaultPolicyId: null);

    [Fact]
    public async Task The_reason_is_required_and_the_dialog_returns_the_chosen_team()
    {
        await using var ctx = Context();
        var sent = new List<EscalationRequest>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var service = ctx.Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<EscalateDialog>
        {
            { d => d.View, View }, { d => d.CurrentTeamId, 10 },
            {
                d => d.Escalate, request =>
                {
                    sent.Add(request);
                    return Task.FromResult(string.IsNullOrWhiteSpace(request.Reason)
                        ? EscalationResult.Invalid(EscalationService.ReasonField, "Say why you are escalating.")
                        : EscalationResult.Done);
                }
            },
        };
        var reference = await dialogs.InvokeAsync(() => service.ShowAsync<EscalateDialog>("Escalate INC-000007", parameters));
        dialogs.WaitForAssertion(() => Assert.Contains("Escalate to team", dialogs.Markup));

        // The current team is not offered; the next tier is preselected and marked.
        var team = dialogs.FindComponent<MudSelect<int?>>();
        Assert.Equal(11, team.Instance.GetState(x => x.Value));
        Assert.DoesNotContain(team.FindComponents<MudSelectItem<int?>>(), i => i.Instance.Value == 10);

        dialogs.Find("form").Submit();
        dialogs.WaitForAssertion(() => Assert.Contains("Say why you are escalating.", dialogs.Markup));
        Assert.Equal("true", dialogs.Find("textarea").GetAttribute("aria-invalid"));
        Assert.False(reference.Result.IsCompleted);

        await dialogs.InvokeAsync(() => team.Instance.SelectOption((int?)12));
        dialogs.Find("textarea").Input("Needs a security engineer");
        dialogs.Find("form").Submit();

        var result = await reference.Result.WaitAsync(TimeSpan.FromSeconds(5));
        var request = Assert.IsType<EscalationRequest>(result!.Data);
        Assert.Equal((EscalationKind.Functional, (int?)12, "Needs a security engineer"), (request.Kind, request.ToTeamId, request.Reason));
        Assert.Equal(2, sent.Count);
    }
}
