using IncidentPortal.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentPortal.Features.Reports.Digest;

/// <summary>
/// An incident manager's (or admin's) opt-in to the weekly Reports digest. No row: no digest. The row also remembers
/// the last week sent, so the digest goes out once per week even across restarts and several app instances.
/// </summary>
public class ReportDigestSubscription
{
    public string UserId { get; private set; } = "";

    /// <summary>When the person opted in: a week whose send time came before this gets no digest (no catching up).</summary>
    public DateTime SubscribedAt { get; private set; }

    /// <summary>The Monday, in the person's zone, of the last week whose digest was queued.</summary>
    public DateOnly? LastSentWeek { get; private set; }

    private ReportDigestSubscription() { }

    public static ReportDigestSubscription Start(string userId, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return new ReportDigestSubscription { UserId = userId, SubscribedAt = now };
    }
}

internal sealed class ReportDigestSubscriptionConfiguration : IEntityTypeConfiguration<ReportDigestSubscription>
{
    public void Configure(EntityTypeBuilder<ReportDigestSubscription> subscription)
    {
        subscription.ToTable("ReportDigestSubscriptions");
        subscription.HasKey(s => s.UserId);
        subscription.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
