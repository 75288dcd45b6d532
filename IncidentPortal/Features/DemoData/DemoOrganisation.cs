using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.DemoData;

/// <summary>What the demo organisation looks like: its teams, services, categories, people and incidents.</summary>
internal static class DemoOrganisation
{
    public static readonly (string Name, string Description)[] Teams =
    [
        ("Service Desk", "First line: takes every call and portal report."),
        ("Network", "LAN, WAN, VPN, Wi-Fi and firewalls."),
        ("Database", "Database servers, backups and replication."),
        ("Applications", "Business applications and the web shop."),
        ("Security", "Security operations and access management."),
    ];

    public static readonly (string Name, string Description, string Team)[] Services =
    [
        ("Email", "Company email and calendars", "Applications"),
        ("VPN", "Remote access to the corporate network", "Network"),
        ("Payroll", "Monthly payroll and expenses", "Applications"),
        ("Web Shop", "The public online store", "Applications"),
        ("Wi-Fi", "Office wireless network", "Network"),
        ("CRM", "Customer relationship management", "Applications"),
        ("File Shares", "Shared network drives", "Database"),
        ("Identity & Access", "Single sign-on and accounts", "Security"),
    ];

    public static readonly (string Name, string[] Subcategories)[] Categories =
    [
        ("Hardware", ["Laptop", "Printer", "Phone"]),
        ("Software", ["Bug", "Installation", "Performance"]),
        ("Network", ["Connectivity", "VPN", "DNS"]),
        ("Security", ["Phishing", "Malware", "Data leak"]),
        ("Access", ["Password reset", "Permissions", "New account"]),
    ];

    public static readonly (string Email, string Name, string[] Roles, string[] Teams)[] People =
    [
        ("reporter@demo.local", "Riley Reporter", [], []),
        ("agent@demo.local", "Alex Agent", [Roles.Agent], ["Service Desk", "Network"]),
        ("manager@demo.local", "Morgan Manager", [Roles.Agent, Roles.IncidentManager], ["Service Desk"]),
        ("admin@demo.local", "Ada Admin", [Roles.Agent, Roles.IncidentManager, Roles.Admin], []),
        ("dana@demo.local", "Dana Database", [Roles.Agent], ["Database"]),
        ("apps@demo.local", "Avery Applications", [Roles.Agent], ["Applications"]),
        ("sam@demo.local", "Sam Security", [Roles.Agent], ["Security"]),
        ("jo@demo.local", "Jo Employee", [], []),
    ];

    /// <summary>Title, service, category, impact, urgency, target state, days ago.</summary>
    public static readonly (string Title, string Service, string Category, Impact Impact, Urgency Urgency, IncidentStatus Status, int DaysAgo)[] Incidents =
    [
        ("Cannot connect to VPN from home", "VPN", "VPN", Impact.Medium, Urgency.High, IncidentStatus.New, 0),
        ("Web shop checkout returns error 500", "Web Shop", "Bug", Impact.High, Urgency.High, IncidentStatus.InProgress, 0),
        ("Outlook keeps asking for my password", "Email", "Password reset", Impact.Low, Urgency.Medium, IncidentStatus.Assigned, 1),
        ("Payroll export to bank failed", "Payroll", "Bug", Impact.High, Urgency.Medium, IncidentStatus.OnHold, 2),
        ("Wi-Fi drops every few minutes on floor 3", "Wi-Fi", "Connectivity", Impact.Medium, Urgency.Medium, IncidentStatus.InProgress, 1),
        ("Phishing email received from 'CEO'", "Email", "Phishing", Impact.Medium, Urgency.High, IncidentStatus.Resolved, 3),
        ("CRM very slow since this morning", "CRM", "Performance", Impact.Medium, Urgency.Medium, IncidentStatus.New, 0),
        ("Shared drive S: not mapped", "File Shares", "Connectivity", Impact.Low, Urgency.Low, IncidentStatus.Closed, 10),
        ("Need access to the finance folder", "File Shares", "Permissions", Impact.Low, Urgency.Medium, IncidentStatus.Assigned, 2),
        ("Laptop will not boot after update", "Identity & Access", "Laptop", Impact.Low, Urgency.High, IncidentStatus.InProgress, 1),
        ("Web shop images not loading", "Web Shop", "Performance", Impact.Medium, Urgency.High, IncidentStatus.Resolved, 5),
        ("Calendar invites arrive twice", "Email", "Bug", Impact.Low, Urgency.Low, IncidentStatus.New, 4),
        ("VPN disconnects after 10 minutes", "VPN", "VPN", Impact.Medium, Urgency.Medium, IncidentStatus.Assigned, 3),
        ("Single sign-on page times out", "Identity & Access", "Connectivity", Impact.High, Urgency.High, IncidentStatus.Closed, 14),
        ("Printer on floor 2 jams constantly", "File Shares", "Printer", Impact.Low, Urgency.Low, IncidentStatus.Cancelled, 6),
        ("Payslips show last month's figures", "Payroll", "Bug", Impact.Medium, Urgency.High, IncidentStatus.New, 0),
        ("Cannot install the CRM desktop client", "CRM", "Installation", Impact.Low, Urgency.Medium, IncidentStatus.OnHold, 5),
        ("Suspicious login alerts for several users", "Identity & Access", "Malware", Impact.High, Urgency.Medium, IncidentStatus.InProgress, 0),
        ("Email delivery delayed by hours", "Email", "Performance", Impact.High, Urgency.Medium, IncidentStatus.Resolved, 7),
        ("DNS resolution fails for intranet", "Wi-Fi", "DNS", Impact.Medium, Urgency.High, IncidentStatus.Closed, 20),
        ("Web shop search shows no results", "Web Shop", "Bug", Impact.Medium, Urgency.Medium, IncidentStatus.Assigned, 1),
        ("New starter has no account", "Identity & Access", "New account", Impact.Low, Urgency.High, IncidentStatus.New, 0),
        ("File share quota exceeded", "File Shares", "Performance", Impact.Low, Urgency.Medium, IncidentStatus.Resolved, 8),
        ("Payroll login page blank in Firefox", "Payroll", "Bug", Impact.Low, Urgency.Low, IncidentStatus.InProgress, 2),
        ("VPN client certificate expired", "VPN", "VPN", Impact.High, Urgency.High, IncidentStatus.Closed, 30),
        ("Desk phone shows 'No service'", "Wi-Fi", "Phone", Impact.Low, Urgency.Medium, IncidentStatus.New, 1),
        ("CRM duplicate contacts after import", "CRM", "Bug", Impact.Low, Urgency.Low, IncidentStatus.Assigned, 4),
        ("Malware warning on shared laptop", "Identity & Access", "Malware", Impact.Medium, Urgency.High, IncidentStatus.Resolved, 2),
        ("Mailbox full, cannot send", "Email", "Performance", Impact.Low, Urgency.High, IncidentStatus.Closed, 12),
        ("Web shop payment provider timeout", "Web Shop", "Connectivity", Impact.High, Urgency.High, IncidentStatus.New, 0),
    ];
}
