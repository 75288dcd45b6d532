using System.Globalization;
using IncidentPortal.Features.Api.Keys;

namespace IncidentPortal.Features.Api.Pages;

/// <summary>The "Create a key" form: what the user chose, and what is wrong with it, field by field.</summary>
public sealed class ApiKeyDraft
{
    public const string NameRequired = "Give the key a name, so you can tell what uses it.";
    public static readonly string NameTooLong = $"Keep the name to {ApiKey.MaxNameLength} characters or fewer.";

    /// <summary>The expiry choices, in days; 0 is "never".</summary>
    public static readonly IReadOnlyList<(int Days, string Label)> Expiries =
        [(30, "In 30 days"), (90, "In 90 days"), (365, "In a year"), (0, "Never")];

    public string Name { get; set; } = "";
    public ApiKeyScope Scope { get; set; } = ApiKeyScope.Read;
    public int ExpiresInDays { get; set; } = 90;

    /// <summary>Why the name cannot be used, or null.</summary>
    public string? NameError => Name.Trim() switch
    {
        { Length: 0 } => NameRequired,
        { Length: > ApiKey.MaxNameLength } => NameTooLong,
        _ => null,
    };

    public DateTime? ExpiresAt(DateTime now) => ExpiresInDays > 0 ? now.AddDays(ExpiresInDays) : null;

    /// <summary>The expiry field's hint: the day the key stops working, or why "never" is a risk.</summary>
    public string ExpiryHint(DateTime now) => ExpiresAt(now) is { } at
        ? $"It stops working on {at.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}."
        : "A key that never expires works until you revoke it: revoke it when nothing uses it any more.";
}
