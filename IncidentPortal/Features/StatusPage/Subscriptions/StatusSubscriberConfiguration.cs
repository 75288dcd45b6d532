using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentPortal.Features.StatusPage.Subscriptions;

public sealed class StatusSubscriberConfiguration : IEntityTypeConfiguration<StatusSubscriber>
{
    public void Configure(EntityTypeBuilder<StatusSubscriber> entity)
    {
        entity.ToTable("StatusSubscribers");
        entity.Property(s => s.Email).HasMaxLength(StatusSubscriber.MaxEmailLength).IsRequired();
        entity.Property(s => s.ConfirmationTokenHash).HasMaxLength(64);
        entity.Property(s => s.UnsubscribeToken).HasMaxLength(64).IsRequired();
        entity.Property(s => s.CreatedFromIp).HasMaxLength(45);
        entity.HasIndex(s => s.Email).IsUnique();
        entity.HasIndex(s => s.ConfirmationTokenHash);
        entity.HasIndex(s => s.UnsubscribeToken).IsUnique();
        entity.HasIndex(s => s.CreatedFromIp);
        entity.HasMany(s => s.Components).WithOne().HasForeignKey(c => c.SubscriberId).OnDelete(DeleteBehavior.Cascade);
        entity.Navigation(s => s.Components).HasField("components").UsePropertyAccessMode(PropertyAccessMode.Field);
        entity.Ignore(s => s.IsConfirmed);
        entity.Ignore(s => s.CoversAllComponents);
    }
}

public sealed class StatusSubscriberComponentConfiguration : IEntityTypeConfiguration<StatusSubscriberComponent>
{
    public void Configure(EntityTypeBuilder<StatusSubscriberComponent> entity)
    {
        entity.ToTable("StatusSubscriberComponents");
        entity.HasKey(c => new { c.SubscriberId, c.ComponentId });
        entity.HasOne<StatusComponent>().WithMany().HasForeignKey(c => c.ComponentId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(c => c.ComponentId);
    }
}
