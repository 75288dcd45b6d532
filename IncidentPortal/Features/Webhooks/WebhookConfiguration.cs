using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentPortal.Features.Webhooks;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> endpoint)
    {
        endpoint.ToTable("WebhookEndpoints");
        endpoint.Property(e => e.Name).HasMaxLength(100).IsRequired();
        endpoint.HasIndex(e => e.Name).IsUnique();
        endpoint.Property(e => e.Url).HasMaxLength(WebhookEndpoint.MaxUrlLength).IsRequired();
        endpoint.Property(e => e.ProtectedSecret).HasMaxLength(1000).IsRequired();
        endpoint.Property(e => e.Events).HasConversion<string>().HasMaxLength(200);
        endpoint.Property(e => e.TeamFilter).HasMaxLength(1000).IsRequired();
        endpoint.Property(e => e.PriorityFilter).HasMaxLength(20).IsRequired();
        endpoint.Ignore(e => e.TeamIds);
        endpoint.Ignore(e => e.Priorities);
        endpoint.HasMany<WebhookDelivery>().WithOne().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> delivery)
    {
        delivery.ToTable("WebhookDeliveries");
        delivery.Property(d => d.DeliveryId).HasMaxLength(36).IsRequired();
        delivery.Property(d => d.Event).HasMaxLength(40).IsRequired();
        delivery.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(20);
        delivery.Property(d => d.Error).HasMaxLength(WebhookDelivery.MaxErrorLength);
        delivery.Property(d => d.ResponseSnippet).HasMaxLength(WebhookDelivery.MaxSnippetLength);
        delivery.Property(d => d.RequestBody).IsRequired();
        // The log of an endpoint, newest first; and the attempts of one delivery (to number the next one).
        delivery.HasIndex(d => new { d.EndpointId, d.Id });
        delivery.HasIndex(d => d.DeliveryId);
    }
}
