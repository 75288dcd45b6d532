using System.ComponentModel.DataAnnotations;

namespace IncidentPortal.Features.Incidents.Pages;

/// <summary>What a reporter fills in; impact and urgency are asked in plain language.</summary>
public sealed class ReportIncidentForm
{
    [Required(ErrorMessage = "Say in a few words what is wrong.")]
    [StringLength(200, MinimumLength = 5, ErrorMessage = "Use between 5 and 200 characters.")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Choose the service that is affected.")]
    public int? ServiceId { get; set; }

    [Required(ErrorMessage = "Tell us how many people are affected.")]
    public Impact? Impact { get; set; }

    [Required(ErrorMessage = "Tell us how much it stops your work.")]
    public Urgency? Urgency { get; set; }

    [StringLength(8000, ErrorMessage = "Keep the details under 8000 characters.")]
    public string Description { get; set; } = "";

    public static readonly (Impact Value, string Label)[] ImpactChoices =
    [
        (Incidents.Impact.Low, "Only me"),
        (Incidents.Impact.Medium, "My team or department"),
        (Incidents.Impact.High, "Many people, or customers"),
    ];

    public static readonly (Urgency Value, string Label)[] UrgencyChoices =
    [
        (Incidents.Urgency.Low, "It can wait, or I have a workaround"),
        (Incidents.Urgency.Medium, "It slows my work down"),
        (Incidents.Urgency.High, "I cannot work at all"),
    ];
}
