using IncidentPortal.Tests.Components.Support;
using Bunit;
using IncidentPortal.Features.Admin;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Webhooks;
using IncidentPortal.Features.Webhooks.Pages;
using IncidentPortal.Tests.Components.Admin;

namespace IncidentPortal.Tests.Components.Webhooks;

public class WebhookEditorTests
{
    private static readonly Choice<int>[] Teams = [new(1, "Network"), new(2, "Security")];

    [Fact]
    public async Task A_new_webhook_starts_with_the_common_events_and_saves_what_was_chosen()
    {
        await using var ctx = MudTestContext.Create();
        WebhookSettings? saved = null;
        var cut = ctx.Render<WebhookEditor>(p => p
            .Add(x => x.Teams, Teams)
            .Add(x => x.OnSave, (WebhookSettings s) => saved = s));

        cut.Field("Name").Input("Ops chat");
        cut.Field("Payload URL").Input("https://hooks.test/ops");
        cut.CheckBox("Security").Change(true);
        cut.CheckBox("P1").Change(true);
        cut.Find("form").Submit();

        Assert.NotNull(saved);
        Assert.Equal("Ops chat", saved.Name);
        Assert.Equal("https://hooks.test/ops", saved.Url);
        Assert.Equal(WebhookEvents.Created | WebhookEvents.Updated | WebhookEvents.Resolved, saved.Events);
        Assert.Equal([2], saved.TeamIds);
        Assert.Equal([Priority.P1], saved.Priorities);
        Assert.True(saved.IsEnabled);
    }

    [Fact]
    public async Task A_refused_url_marks_the_url_field_invalid_and_describes_it_with_the_message()
    {
        await using var ctx = MudTestContext.Create();
        var cut = ctx.Render<WebhookEditor>(p => p
            .Add(x => x.Teams, Teams)
            .Add(x => x.Result, AdminResult.Invalid(WebhookAdminService.UrlField, "Use an absolute http or https URL.")));

        var url = cut.Field("Payload URL");
        Assert.Equal("true", url.GetAttribute("aria-invalid"));
        Assert.Contains("Use an absolute http or https URL.", cut.Description(url));
        Assert.Equal("Use an absolute http or https URL.", cut.Find("[role=alert]").TextContent.Trim());
        Assert.NotEqual("true", cut.Field("Name").GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task Events_left_empty_are_refused_at_the_events_group()
    {
        await using var ctx = MudTestContext.Create();
        var cut = ctx.Render<WebhookEditor>(p => p
            .Add(x => x.Teams, Teams)
            .Add(x => x.Result, AdminResult.Invalid(WebhookAdminService.EventsField, "Choose at least one event.")));

        var events = cut.FindAll("fieldset").Single(f => f.QuerySelector("legend")!.TextContent.Trim() == "Events");
        Assert.Equal("Choose at least one event.", events.QuerySelector("[role=alert]")!.TextContent.Trim());
    }
}
