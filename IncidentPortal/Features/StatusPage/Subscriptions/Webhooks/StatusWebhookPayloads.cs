using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentPortal.Features.StatusPage.Subscriptions.Webhooks;

/// <summary>A notice on its way to one webhook subscriber (outbox kind <see cref="StatusWebhookSender.OutboxKind"/>).</summary>
public sealed record StatusWebhookDispatch(int SubscriberId, StatusNotice Notice, IReadOnlyList<string> ComponentNames);

/// <summary>
/// The bodies POSTed to subscribers. Generic: our JSON with every field. Slack: an incoming-webhook message
/// (<c>text</c> + a section block, mrkdwn). Teams: a MessageCard, which Teams' incoming webhooks and workflows show.
/// </summary>
public static class StatusWebhookPayloads
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static string Create(StatusWebhookFormat format, StatusWebhookDispatch dispatch, string statusUrl, string unsubscribeUrl)
    {
        var notice = dispatch.Notice;
        var headline = SubscriberMails.Subject(notice);
        var affected = dispatch.ComponentNames.Count == 0 ? null : "Affected: " + string.Join(", ", dispatch.ComponentNames);
        object body = format switch
        {
            StatusWebhookFormat.Slack => new
            {
                text = $"{headline}: {notice.Message}",
                blocks = new object[]
                {
                    new { type = "section", text = new { type = "mrkdwn", text = $"*{Escape(headline)}*\n{Escape(notice.Message)}" } },
                    new { type = "context", elements = new object[] { new { type = "mrkdwn",
                        text = $"{(affected is null ? "" : Escape(affected) + " · ")}<{statusUrl}|Current status> · <{unsubscribeUrl}|Unsubscribe>" } } },
                },
            },
            StatusWebhookFormat.Teams => new Dictionary<string, object?>
            {
                ["@type"] = "MessageCard",
                ["@context"] = "https://schema.org/extensions",
                ["summary"] = headline,
                ["themeColor"] = notice.Phase == IncidentPhase.Resolved || notice.Kind == StatusNoticeKind.MaintenanceCompleted ? "2E8540" : "E0601B",
                ["title"] = headline,
                ["text"] = affected is null ? notice.Message : $"{notice.Message}\n\n{affected}",
                ["potentialAction"] = new object[]
                {
                    new Dictionary<string, object> { ["@type"] = "OpenUri", ["name"] = "Current status", ["targets"] = new[] { new { os = "default", uri = statusUrl } } },
                    new Dictionary<string, object> { ["@type"] = "OpenUri", ["name"] = "Unsubscribe", ["targets"] = new[] { new { os = "default", uri = unsubscribeUrl } } },
                },
            },
            _ => new
            {
                Event = notice.Kind switch
                {
                    StatusNoticeKind.IncidentUpdate => "incident.update",
                    StatusNoticeKind.MaintenanceScheduled => "maintenance.scheduled",
                    StatusNoticeKind.MaintenanceStarted => "maintenance.started",
                    StatusNoticeKind.MaintenanceCompleted => "maintenance.completed",
                    _ => "maintenance.cancelled",
                },
                notice.Title,
                Phase = notice.Phase is { } phase ? StatusText.ApiName(phase) : null,
                notice.Message,
                Components = dispatch.ComponentNames,
                IncidentId = notice.PublicIncidentId,
                notice.MaintenanceId,
                At = notice.At,
                StatusUrl = statusUrl,
                UnsubscribeUrl = unsubscribeUrl,
            },
        };
        return JsonSerializer.Serialize(body, Json);
    }

    /// <summary>Slack's mrkdwn treats &amp;, &lt; and &gt; as control characters.</summary>
    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
