using IncidentPortal.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentPortal.Features.Notifications;

/// <summary>What a notification is about; users choose per kind whether it reaches them in the portal and by e-mail.</summary>
public enum NotificationKind { Assigned, Comment, SlaWarning, SlaBreach, Escalation, TaskAssigned, ActionItem, Alert, System, Resolved, MajorIncident, Mention, Watching }

/// <summary>One message for one user, shown under the bell until read.</summary>
public class Notification
{
    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public NotificationKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string? Body { get; private set; }
    /// <summary>Portal-relative link ("/incidents/42"); never an outside address.</summary>
    public string? Link { get; private set; }
    public int? IncidentId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; private set; }

    public bool IsRead => ReadAt is not null;

    private Notification() { }

    internal static Notification For(string userId, NotificationRequest request, DateTime now) => new()
    {
        UserId = userId, Kind = request.Kind, Title = Limit(request.Title, MaxTitleLength), Body = request.Body is null ? null : Limit(request.Body, MaxBodyLength),
        Link = request.Link, IncidentId = request.IncidentId, CreatedAt = now,
    };

    public void MarkRead(DateTime now) => ReadAt ??= now;

    private static string Limit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 1000;
}

/// <summary>A user's choice for one kind; without a row, <see cref="NotificationDefaults"/> apply.</summary>
public class NotificationPreference
{
    public string UserId { get; set; } = "";
    public NotificationKind Kind { get; set; }
    public bool InApp { get; set; }
    public bool Email { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.ToTable("Notifications");
        notification.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        notification.Property(n => n.Title).HasMaxLength(Notification.MaxTitleLength).IsRequired();
        notification.Property(n => n.Body).HasMaxLength(Notification.MaxBodyLength);
        notification.Property(n => n.Link).HasMaxLength(300);
        notification.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        notification.HasOne<Incidents.Incident>().WithMany().HasForeignKey(n => n.IncidentId).OnDelete(DeleteBehavior.Cascade);
        // The bell: a user's unread count and newest first.
        notification.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt });
        notification.Ignore(n => n.IsRead);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> preference)
    {
        preference.ToTable("NotificationPreferences");
        preference.HasKey(p => new { p.UserId, p.Kind });
        preference.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        preference.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
