using System.Security.Claims;
using IncidentPortal.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using MudBlazor.Interfaces;

namespace IncidentPortal.Components.Layout;

public sealed partial class NavMenu
{
    private const string LinkClass = "mud-nav-link mud-ripple";
    private const string ActiveLinkClass = "mud-nav-link mud-ripple active";
    private const string IconClass =
        "mud-icon-root mud-icon-default mud-svg-icon mud-icon-size-medium mud-nav-link-icon mud-nav-link-icon-default";

    private static readonly (string Href, string Icon, string Text)[] AdminLinks =
    [
        ("admin/users", Icons.Material.Filled.ManageAccounts, "Users"),
        ("admin/teams", Icons.Material.Filled.Groups, "Teams"),
        ("admin/services", Icons.Material.Filled.Apps, "Services"),
        ("admin/routing", Icons.Material.Filled.AltRoute, "Routing rules"),
        ("admin/categories", Icons.Material.Filled.Category, "Categories"),
        ("admin/priorities", Icons.Material.Filled.GridView, "Priority matrix"),
        ("admin/webhooks", Icons.Material.Filled.Webhook, "Webhooks"),
        ("admin/integrations", Icons.Material.Filled.Cable, "Integrations"),
        ("admin/sla", Icons.Material.Filled.Timer, "SLA policies"),
        ("admin/calendars", Icons.Material.Filled.CalendarMonth, "Business calendars"),
        ("admin/escalation", Icons.Material.Filled.TrendingUp, "Escalation matrix"),
        ("admin/escalation-policies", Icons.Material.Filled.NotificationsActive, "Escalation policies"),
        ("admin/review-template", Icons.Material.Filled.RateReview, "Review template"),
    ];

    private ClaimsPrincipal? user;
    private bool isManager, isAdmin, isStaff;
    private string currentPath = "";

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The responsive drawer closes itself on a phone when told that the user navigated (as MudNavLink does).</summary>
    [CascadingParameter] private MudDrawer? Drawer { get; set; }

    protected override void OnInitialized()
    {
        currentPath = RelativePath(Navigation.Uri);
        Navigation.LocationChanged += OnLocationChanged;
    }

    protected override async Task OnParametersSetAsync()
    {
        var principal = AuthenticationState is null ? null : (await AuthenticationState).User;
        user = principal?.Identity?.IsAuthenticated == true ? principal : null;
        isAdmin = user?.IsInRole(Roles.Admin) == true;
        isManager = user?.IsInRole(Roles.IncidentManager) == true;
        isStaff = isAdmin || isManager || user?.IsInRole(Roles.Agent) == true;
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        var path = RelativePath(e.Location);
        if (path == currentPath) return;
        currentPath = path;
        _ = InvokeAsync(StateHasChanged);
    }

    /// <summary>NavLink's prefix match: the link's page or any page under it.</summary>
    private bool IsCurrent(string href) =>
        currentPath.Equals(href, StringComparison.OrdinalIgnoreCase)
        || (currentPath.StartsWith(href, StringComparison.OrdinalIgnoreCase) && currentPath[href.Length] == '/');

    private string RelativePath(string uri)
    {
        var relative = Navigation.ToBaseRelativePath(uri);
        var end = relative.AsSpan().IndexOfAny('?', '#');
        return end < 0 ? relative : relative[..end];
    }

    private void OnNavigate()
    {
        if (Drawer is INavigationEventReceiver receiver) _ = receiver.OnNavigation();
    }

    private RenderFragment Link(string href, string icon, string text, bool newTab = false) => builder =>
    {
        // The public status page opens in a new tab and is never "this page" of the signed-in shell.
        var current = !newTab && IsCurrent(href);
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "mud-nav-item");
        builder.OpenElement(2, "a");
        builder.AddAttribute(3, "href", href);
        if (newTab)
        {
            builder.AddAttribute(4, "target", "_blank");
            builder.AddAttribute(5, "rel", "noopener noreferrer");
        }
        builder.AddAttribute(6, "class", current ? ActiveLinkClass : LinkClass);
        if (current) builder.AddAttribute(7, "aria-current", "page");
        builder.AddAttribute(8, "onclick", EventCallback.Factory.Create(this, OnNavigate));
        builder.OpenElement(9, "svg");
        builder.AddAttribute(10, "class", IconClass);
        builder.AddAttribute(11, "focusable", "false");
        builder.AddAttribute(12, "viewBox", "0 0 24 24");
        builder.AddAttribute(13, "aria-hidden", "true");
        builder.AddMarkupContent(14, icon);
        builder.CloseElement();
        builder.OpenElement(15, "div");
        builder.AddAttribute(16, "class", "mud-nav-link-text");
        builder.AddContent(17, text);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;
}
