using AngleSharp.Dom;
using Bunit;
using IncidentPortal.Features.Admin;
using IncidentPortal.Features.StatusPage;
using IncidentPortal.Features.StatusPage.Manage;
using IncidentPortal.Tests.Components.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace IncidentPortal.Tests.Components.StatusPage;

/// <summary>Scheduling maintenance with the date and time pickers: a window that ends before it starts is stopped at the field.</summary>
public sealed class MaintenanceFormTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 9, 30, 0, DateTimeKind.Utc);
    private static readonly ComponentChoice[] Components = [new(1, "CRM", null, ComponentStatus.Operational, null)];

    private static BunitContext NewContext()
    {
        var ctx = MudTestContext.Create();
        ctx.Popovers();
        return ctx;
    }

    private static IRenderedComponent<MaintenanceForm> RenderForm(BunitContext ctx, List<MaintenanceInput> scheduled) =>
        ctx.Render<MaintenanceForm>(p => p.Add(f => f.Components, Components).Add(f => f.Now, Now)
            .Add(f => f.OnSchedule, input => scheduled.Add(input)));

    [Fact]
    public async Task An_end_before_the_start_shows_a_message_at_the_end_time_and_schedules_nothing()
    {
        await using var ctx = NewContext();
        var scheduled = new List<MaintenanceInput>();
        var form = RenderForm(ctx, scheduled);
        Assert.Equal("2026-12-08", form.FieldLabelled("Start date (UTC)").GetAttribute("value"));
        Assert.Equal("20:00", form.FieldLabelled("Start time (UTC)").GetAttribute("value"));
        Assert.Equal("22:00", form.FieldLabelled("End time (UTC)").GetAttribute("value"));

        form.FieldLabelled("End time (UTC)").Change("19:30:00");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("The window must end after it starts.", MessageAt(form, "End time (UTC)")));
        Assert.Equal("true", form.FieldLabelled("End time (UTC)").GetAttribute("aria-invalid"));
        Assert.Empty(scheduled);

        // Corrected, the message goes and the window is scheduled to the second, in UTC.
        form.FieldLabelled("End date (UTC)").Change("2026-12-09");
        form.WaitForAssertion(() => Assert.Equal("false", form.FieldLabelled("End time (UTC)").GetAttribute("aria-invalid")));
        form.FieldLabelled("Title").Change("CRM patch");
        form.WaitForAssertion(() => Assert.Equal("2026-12-09", form.FieldLabelled("End date (UTC)").GetAttribute("value")));
        form.Find("form").Submit();
        var window = Assert.Single(scheduled);
        Assert.Equal(new DateTime(2026, 12, 8, 20, 0, 0, DateTimeKind.Utc), window.StartsAt);
        Assert.Equal(new DateTime(2026, 12, 9, 19, 30, 0, DateTimeKind.Utc), window.EndsAt);
        Assert.Equal(DateTimeKind.Utc, window.EndsAt.Kind);
        Assert.Equal("CRM patch", window.Title);
    }

    [Fact]
    public async Task Times_read_as_hours_and_minutes_and_a_time_typed_to_the_second_is_kept()
    {
        await using var ctx = NewContext();
        var scheduled = new List<MaintenanceInput>();
        var form = RenderForm(ctx, scheduled);

        form.FieldLabelled("Start time (UTC)").Change("21:05:30");
        form.WaitForAssertion(() => Assert.Equal("21:05:30", form.FieldLabelled("Start time (UTC)").GetAttribute("value")));
        form.FieldLabelled("End time (UTC)").Change("23:15");
        form.WaitForAssertion(() => Assert.Equal("23:15", form.FieldLabelled("End time (UTC)").GetAttribute("value")));
        form.FieldLabelled("Title").Change("CRM patch");
        form.Find("form").Submit();

        var window = Assert.Single(scheduled);
        Assert.Equal(new DateTime(2026, 12, 8, 21, 5, 30, DateTimeKind.Utc), window.StartsAt);
        Assert.Equal(new DateTime(2026, 12, 8, 23, 15, 0, DateTimeKind.Utc), window.EndsAt);
    }

    [Fact]
    public async Task Every_field_has_a_label_above_it_even_when_empty()
    {
        await using var ctx = NewContext();
        var form = RenderForm(ctx, []);
        foreach (var label in new[] { "Title", "What will happen", "Start date (UTC)", "Start time (UTC)", "End date (UTC)", "End time (UTC)" })
        {
            var control = form.FieldLabelled(label).Closest(".mud-input-control");
            Assert.NotNull(control);
            Assert.NotNull(control.QuerySelector(".mud-shrink"));
        }
    }

    [Fact]
    public async Task The_services_refusal_is_shown_at_the_field_it_concerns()
    {
        await using var ctx = NewContext();
        var form = RenderForm(ctx, []);
        form.Render(p => p.Add(f => f.Result, AdminResult.Invalid(StatusService.WindowField, "That window is already over; choose a later end.")));
        Assert.Equal("That window is already over; choose a later end.", MessageAt(form, "End time (UTC)"));
        Assert.Equal("true", form.FieldLabelled("End time (UTC)").GetAttribute("aria-invalid"));

        form.Render(p => p.Add(f => f.Result, AdminResult.Invalid(StatusService.TitleField, "Give the maintenance a title the public will understand.")));
        Assert.Equal("true", form.FieldLabelled("Title").GetAttribute("aria-invalid"));
        Assert.Equal("Give the maintenance a title the public will understand.", MessageAt(form, "Title"));
    }

    [Fact]
    public async Task A_viewer_in_paris_types_paris_time_and_the_window_is_stored_in_utc()
    {
        await using var ctx = NewContext();
        ctx.Services.GetRequiredService<IncidentPortal.Features.Time.ViewerTime>().Use("Europe/Paris");
        var scheduled = new List<MaintenanceInput>();
        var form = RenderForm(ctx, scheduled);

        // Tomorrow evening at 20:00 in Paris, and the note says what that is in UTC.
        Assert.Equal("20:00", form.FieldLabelled("Start time (Europe/Paris)").GetAttribute("value"));
        Assert.Equal("UTC+1, that is Tue 8 Dec 2026, 19:00 UTC", NoteAt(form, "Start time (Europe/Paris)"));
        form.FieldLabelled("Title").Change("CRM patch");
        form.Find("form").Submit();

        var window = Assert.Single(scheduled);
        Assert.Equal(new DateTime(2026, 12, 8, 19, 0, 0, DateTimeKind.Utc), window.StartsAt);
        Assert.Equal(new DateTime(2026, 12, 8, 21, 0, 0, DateTimeKind.Utc), window.EndsAt);
    }

    [Fact]
    public async Task A_start_the_clocks_skip_is_refused_at_its_field_and_one_they_pass_twice_takes_the_first()
    {
        await using var ctx = NewContext();
        ctx.Services.GetRequiredService<IncidentPortal.Features.Time.ViewerTime>().Use("Europe/Paris");
        var scheduled = new List<MaintenanceInput>();
        var form = RenderForm(ctx, scheduled);
        form.FieldLabelled("Title").Change("Clock change patch");
        form.FieldLabelled("Start date (Europe/Paris)").Change("2027-03-28");
        form.FieldLabelled("Start time (Europe/Paris)").Change("02:30");
        form.FieldLabelled("End date (Europe/Paris)").Change("2027-03-28");
        form.FieldLabelled("End time (Europe/Paris)").Change("05:00");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal(
            "02:30 does not exist on Sun 28 Mar 2027 in Europe/Paris: the clocks go forward. Choose 03:00 or later.", MessageAt(form, "Start time (Europe/Paris)")));
        Assert.Empty(scheduled);

        // On 31 Oct 2027 02:30 happens twice: the first (UTC+2) is taken, and the note says so.
        form.FieldLabelled("Start date (Europe/Paris)").Change("2027-10-31");
        form.FieldLabelled("End date (Europe/Paris)").Change("2027-10-31");
        form.WaitForAssertion(() => Assert.Null(MessageAt(form, "Start time (Europe/Paris)")));
        Assert.Equal("02:30 happens twice on Sun 31 Oct 2027 (the clocks go back); the first one (UTC+2) is used.", NoteAt(form, "Start time (Europe/Paris)"));
        form.Find("form").Submit();

        var window = Assert.Single(scheduled);
        Assert.Equal(new DateTime(2027, 10, 31, 0, 30, 0, DateTimeKind.Utc), window.StartsAt);
        Assert.Equal(new DateTime(2027, 10, 31, 4, 0, 0, DateTimeKind.Utc), window.EndsAt);
    }

    private static string? NoteAt(IRenderedComponent<MaintenanceForm> form, string label) =>
        form.FieldLabelled(label).Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text")?.TextContent.Trim();

    /// <summary>The message MudBlazor shows under the field (its helper text, in the error colour).</summary>
    private static string? MessageAt(IRenderedComponent<MaintenanceForm> form, string label) =>
        form.FieldLabelled(label).Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();
}
