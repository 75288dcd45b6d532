using IncidentPortal.Tests.E2E.Harness;

namespace IncidentPortal.Tests.E2E.Accessibility;

/// <summary>How a page is rendered, which decides what the scan waits for and how its theme is chosen.</summary>
public enum PageKind
{
    /// <summary>The interactive shell: a circuit to wait for; the theme is the cookie the header's menu sets.</summary>
    Interactive,
    /// <summary>Identity account pages: statically rendered, same theme cookie.</summary>
    Static,
    /// <summary>The public status pages' own shell: no cookie, light or dark follows the device (emulated).</summary>
    DeviceTheme,
}

public sealed record AccessiblePage(string Path, PortalUser? User, PageKind Kind = PageKind.Interactive)
{
    public override string ToString() => $"{Path} ({User?.Email ?? "anonymous"})";
}

/// <summary>
/// Every page of the portal, each as the role that uses it (reporter pages as the reporter, admin pages as the admin).
/// Pages that only exist in a state a scan cannot reach on a GET (two-factor sign-in steps, recovery codes of a user
/// without 2FA, e-mail confirmation links) are left out; the rest are here. A new page belongs in this list.
/// </summary>
public static class AccessiblePages
{
    private static readonly PortalUser Reporter = DemoUsers.Reporter;
    private static readonly PortalUser Agent = DemoUsers.Agent;
    private static readonly PortalUser Manager = DemoUsers.Manager;
    private static readonly PortalUser Admin = DemoUsers.Admin;

    public static readonly AccessiblePage[] All =
    [
        // Signed out: account pages.
        new("/Account/Login", null, PageKind.Static),
        new("/Account/Register", null, PageKind.Static),
        new("/Account/ForgotPassword", null, PageKind.Static),
        new("/Account/ForgotPasswordConfirmation", null, PageKind.Static),
        new("/Account/ResetPassword?code=c2Nhbg", null, PageKind.Static),
        new("/Account/ResetPasswordConfirmation", null, PageKind.Static),
        new("/Account/InvalidPasswordReset", null, PageKind.Static),
        new("/Account/InvalidUser", null, PageKind.Static),
        new("/Account/Lockout", null, PageKind.Static),
        // The public status page.
        new("/status", null, PageKind.DeviceTheme),
        new("/status/history", null, PageKind.DeviceTheme),
        new("/status/incidents/1", null, PageKind.DeviceTheme),
        new("/status/subscribe", null, PageKind.DeviceTheme),
        // Reporter.
        new("/incidents/new", Reporter),
        new("/incidents/mine", Reporter),
        new("/incidents/6", Reporter),
        new("/notifications", Reporter),
        new("/notifications/preferences", Reporter),
        new("/Account/Manage", Reporter, PageKind.Static),
        new("/Account/Manage/Email", Reporter, PageKind.Static),
        new("/Account/Manage/ChangePassword", Reporter, PageKind.Static),
        new("/Account/Manage/TwoFactorAuthentication", Reporter, PageKind.Static),
        new("/Account/Manage/ResetAuthenticator", Reporter, PageKind.Static),
        new("/Account/Manage/PersonalData", Reporter, PageKind.Static),
        // Agent.
        new("/queue", Agent),
        new("/queue/my-tasks", Agent),
        new("/incidents/2", Agent),
        new("/alerts", Agent),
        new("/problems", Agent),
        new("/problems/1", Agent),
        new("/action-items", DemoUsers.Dana),
        new("/api/docs", Agent),
        new("/Account/Manage/ApiKeys", Agent, PageKind.Static),
        new("/not-found", Agent),
        new("/error/403", Agent),
        // Incident manager.
        new("/status/internal", Manager),
        new("/reports", Manager),
        // A manager's preferences carry the weekly reports digest.
        new("/notifications/preferences", Manager),
        new("/major-incidents", Manager),
        new("/major-incidents/new", Manager),
        new("/major-incidents/1", Manager),
        new("/incidents/25/review", Manager),
        new("/incidents/25/review/print", Manager),
        new("/action-items/all", Manager),
        new("/admin/status-components", Manager),
        new("/status-admin/maintenance", Manager),
        new("/status-admin/subscribers", Manager),
        // Admin.
        new("/admin/users", Admin),
        new("/admin/teams", Admin),
        new("/admin/services", Admin),
        new("/admin/categories", Admin),
        new("/admin/priorities", Admin),
        new("/admin/routing", Admin),
        new("/admin/sla", Admin),
        new("/admin/calendars", Admin),
        new("/admin/escalation", Admin),
        new("/admin/escalation-policies", Admin),
        new("/admin/review-template", Admin),
        new("/admin/webhooks", Admin),
        new("/admin/integrations", Admin),
    ];
}
