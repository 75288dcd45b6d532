using IncidentPortal.Features.Admin;

namespace IncidentPortal.Features.Catalog.Pages;

/// <summary>What a category row can ask the page to do; the page owns the actor, the reload and the messages.</summary>
public sealed record CategoryActions(
    Func<CategoryRow, string, Task<AdminResult>> Rename,
    Func<CategoryRow, string, Task<AdminResult>> AddSubcategory,
    Func<CategoryRow, bool, Task> SetActive,
    Func<CategoryRow, Task> Delete);
