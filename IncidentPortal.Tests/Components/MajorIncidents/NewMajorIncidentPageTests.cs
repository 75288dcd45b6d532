using Bunit;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Features.MajorIncidents.Pages;
using IncidentPortal.Tests.Components.Support;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Severity = IncidentPortal.Features.MajorIncidents.Severity;

namespace IncidentPortal.Tests.Components.MajorIncidents;

/// <summary>Declaring from scratch and from the surge prompt, on the real services.</summary>
public sealed class NewMajorIncidentPageTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private async Task<int> IncidentCountAsync()
    {
        await using var db = await host.DbAsync();
        return await db.Incidents.CountAsync();
    }

    [Fact]
    public async Task Bad_input_gets_a_message_at_each_field_and_creates_nothing()
    {
        var manager = await host.ActorAsync(DemoEmails.Manager);
        await using var ctx = PortalComponents.Create(host, manager);
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<NewMajorIncidentPage>();
        page.WaitForAssertion(() => Assert.Contains("Declare major incident", page.Markup));
        var before = await IncidentCountAsync();

        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.Contains("Give the major incident a title.", page.Markup));
        Assert.Contains("Choose the affected service.", page.Markup);
        Assert.Contains("Choose how severe it is.", page.Markup);
        Assert.Contains("Say why this is a major incident.", page.Markup);
        Assert.Equal(before, await IncidentCountAsync());
    }

    [Fact]
    public async Task The_surge_link_chooses_the_service_lists_the_reports_and_declares_and_links_them_in_one_action()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var reports = new List<Incident>();
        for (var i = 0; i < 3; i++) reports.Add(await host.ReportAsync(reporter, $"VPN surge {i} {Guid.NewGuid():N}"));
        int vpn;
        await using (var db = await host.DbAsync()) vpn = await db.Services.Where(s => s.Name == "VPN").Select(s => s.Id).SingleAsync();

        await using var ctx = PortalComponents.Create(host, manager);
        ctx.Services.GetRequiredService<NavigationManager>()
            .NavigateTo($"major-incidents/new?service={vpn}&link={string.Join(',', reports.Select(r => r.Id))}");
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<NewMajorIncidentPage>();

        page.WaitForAssertion(() => Assert.Equal("VPN outage", page.FieldLabelled("Title").GetAttribute("value")));
        Assert.Equal("VPN", page.Chosen("Affected service"));
        var boxes = page.FindAll("[aria-label='Incidents to link'] input[type=checkbox]");
        Assert.Equal(3, boxes.Count);
        Assert.All(boxes, b => Assert.True(b.HasAttribute("checked") || ((AngleSharp.Html.Dom.IHtmlInputElement)b).IsChecked));
        foreach (var report in reports) Assert.Contains(report.Reference, page.Find("[aria-label='Incidents to link']").TextContent);
        Assert.Contains(reporter.Name, page.Find("[aria-label='Incidents to link']").TextContent);

        page.FindAll("input[type=radio]")[0].Click();
        page.FieldLabelled("Why is this a major incident?").Input("Three VPN reports in minutes");
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Declare and link").Click();

        page.WaitForAssertion(() => Assert.Matches(@"/incidents/\d+$", ctx.Services.GetRequiredService<NavigationManager>().Uri));
        await using var check = await host.DbAsync();
        var major = await check.MajorIncidents.Include(m => m.Children).Include(m => m.Roles)
            .SingleAsync(m => m.Children.Any(c => c.IncidentId == reports[0].Id));
        Assert.Equal(reports.Select(r => r.Id).Order(), major.Children.Select(c => c.IncidentId).Order());
        Assert.Equal((Severity.Sev1, manager.Name), (major.Severity, major.Commander?.Name));
        Assert.Equal("VPN outage", await check.Incidents.Where(i => i.Id == major.IncidentId).Select(i => i.Title).SingleAsync());

        // The next surge on VPN is offered the running major incident instead.
        var late = await host.ReportAsync(reporter, $"VPN late report {Guid.NewGuid():N}");
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"major-incidents/new?service={vpn}&link={late.Id}");
        var again = ctx.Render<NewMajorIncidentPage>();
        var reference = Incident.FormatReference(await check.Incidents.Where(i => i.Id == major.IncidentId).Select(i => i.Number).SingleAsync());
        again.WaitForAssertion(() => again.FindAll("button").Single(b => b.TextContent.Trim() == $"Link to {reference} instead").Click());
        again.WaitForAssertion(() => Assert.EndsWith($"major-incidents/{major.Id}", ctx.Services.GetRequiredService<NavigationManager>().Uri));
        await using var after = await host.DbAsync();
        Assert.True(await after.Set<LinkedIncident>().AnyAsync(l => l.IncidentId == late.Id && l.MajorIncidentId == major.Id));
    }
}
