using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentPortal.Features.StatusPage.Subscriptions.Webhooks;

public sealed class StatusWebhookSubscriberConfiguration : IEntityTypeConfiguration<StatusWebhookSubscriber>
{
    public void Configure(EntityTypeBuilder<StatusWebhookSubscriber> entity)
    {
        entity.ToTable("StatusWebhookSubscribers");
        entity.Property(s => s.Url).HasMaxLength(StatusWebhookSubscriber.MaxUrlLength).IsRequired();
        entity.Property(s => s.Format).HasConversion<string>().HasMaxLength(10);
        entity.Property(s => s.UnsubscribeToken).HasMaxLength(64).IsRequired();
        entity.Property(s => s.CreatedFromIp).HasMaxLength(45);
        entity.HasIndex(s => s.UnsubscribeToken).IsUnique();
        entity.HasIndex(s => s.CreatedFromIp);
        // Short constraint names: the generated ones pass PostgreSQL's 63-character limit and would be truncated.
        entity.HasMany(s => s.Components).WithOne().HasForeignKey(c => c.SubscriberId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("FK_StatusWebhookSubscriberComponents_Subscriber");
        entity.Navigation(s => s.Components).HasField("components").UsePropertyAccessMode(PropertyAccessMode.Field);
        entity.Ignore(s => s.CoversAllComponents);
    }
}

public sealed class StatusWebhookSubscriberComponentConfiguration : IEntityTypeConfiguration<StatusWebhookSubscriberComponent>
{
    public void Configure(EntityTypeBuilder<StatusWebhookSubscriberComponent> entity)
    {
        entity.ToTable("StatusWebhookSubscriberComponents");
        entity.HasKey(c => new { c.SubscriberId, c.ComponentId });
        entity.HasOne<StatusComponent>().WithMany().HasForeignKey(c => c.ComponentId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("FK_StatusWebhookSubscriberComponents_Component");
        entity.HasIndex(c => c.ComponentId);
    }
}

public sealed class StatusWebhookDeliveryConfiguration : IEntityTypeConfiguration<StatusWebhookDelivery>
{
    public void Configure(EntityTypeBuilder<StatusWebhookDelivery> entity)
    {
        entity.ToTable("StatusWebhookDeliveries");
        entity.Property(d => d.NoticeTitle).HasMaxLength(200).IsRequired();
        entity.Property(d => d.Error).HasMaxLength(StatusWebhookDelivery.MaxErrorLength);
        entity.HasOne<StatusWebhookSubscriber>().WithMany().HasForeignKey(d => d.SubscriberId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("FK_StatusWebhookDeliveries_Subscriber");
        entity.HasIndex(d => new { d.SubscriberId, d.At });
        entity.HasIndex(d => d.At);
    }
}
