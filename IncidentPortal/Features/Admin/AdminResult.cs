using IncidentPortal.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Admin;

/// <summary>
/// What came of an admin change. On success: the id of what was created or changed, and maybe a notice worth
/// telling the admin. On failure: a message, and the form field it belongs to (null when it is about the whole record).
/// A failed change stored nothing.
/// </summary>
public sealed record AdminResult(int? Id, string? Field, string? Error, string? Notice = null)
{
    public bool Succeeded => Error is null;

    public static AdminResult Done(int? id = null, string? notice = null) => new(id, null, null, notice);
    public static AdminResult Invalid(string field, string message) => new(null, field, message);
    public static AdminResult Refused(string message) => new(null, null, message);

    /// <summary>
    /// Saves the admin's change. When another admin's change beat it to a unique name or a reference between the
    /// checks and the save, the database refuses and the admin gets <paramref name="clash"/>, never a 500.
    /// </summary>
    public static async Task<AdminResult> SaveAsync(DbContext db, Func<int> savedId, AdminResult clash, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Done(savedId());
        }
        catch (DbUpdateException)
        {
            return clash;
        }
    }

    /// <summary>The message for <paramref name="field"/>, if this result is about it.</summary>
    public string? ErrorFor(string field) => Field == field ? Error : null;
}

public static class AdminGuard
{
    /// <summary>
    /// Reference data is admin-only. Pages already say so; services check again, because a page is not
    /// the only way in and a missed attribute must not open a hole.
    /// </summary>
    public static void RequireAdmin(this Actor actor)
    {
        if (!actor.IsAdmin) throw new UnauthorizedAccessException("Only admins can change the portal's reference data.");
    }
}

/// <summary>The rules every admin-managed name follows: trimmed, required, bounded, unique ignoring case.</summary>
public static class ReferenceNames
{
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 500;

    public static string Clean(string? text) => (text ?? "").Trim();

    /// <summary>Why <paramref name="name"/> (already cleaned) is not acceptable, or null.</summary>
    public static string? Problem(string name, string what, IEnumerable<string> takenNames, string? under = null)
    {
        if (name.Length == 0) return $"Give the {what} a name.";
        if (name.Length > MaxNameLength) return $"Use at most {MaxNameLength} characters (this has {name.Length}).";
        return takenNames.Any(taken => string.Equals(taken.Trim(), name, StringComparison.OrdinalIgnoreCase))
            ? $"There is already a {what} called \"{name}\"{(under is null ? "" : " under " + under)}."
            : null;
    }

    public static string? DescriptionProblem(string description) => description.Length > MaxDescriptionLength
        ? $"Keep the description under {MaxDescriptionLength} characters (this has {description.Length})."
        : null;
}
