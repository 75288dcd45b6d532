using IncidentPortal.Features.Admin;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Routing;

/// <summary>Field-level checks on a rule as the admin entered it; the first problem found is returned, nothing is saved.</summary>
internal static class RoutingRuleValidation
{
    public static async Task<AdminResult?> ProblemAsync(AppDbContext db, int? ruleId, RoutingRuleInput input, CancellationToken ct)
    {
        var others = await db.RoutingRules.Where(r => r.Id != ruleId).Select(r => r.Name).ToListAsync(ct);
        if (ReferenceNames.Problem(ReferenceNames.Clean(input.Name), "rule", others) is { } nameProblem)
            return AdminResult.Invalid(RoutingAdminService.NameField, nameProblem);
        if (input.TeamId is not { } teamId)
            return AdminResult.Invalid(RoutingAdminService.TeamField, "Choose the team that matching incidents go to.");
        if (!await db.Teams.AnyAsync(t => t.Id == teamId, ct))
            return AdminResult.Invalid(RoutingAdminService.TeamField, "That team no longer exists; choose another.");
        // The lists are stored as text of bounded length (RoutingRuleConfiguration); hundreds of choices would not fit.
        if (string.Join(",", input.CategoryIds.Distinct()).Length > RoutingRuleConfiguration.MaxListLength)
            return AdminResult.Invalid(RoutingAdminService.CategoriesField, "Too many categories; choose their main categories instead.");
        if (string.Join(",", input.ServiceIds.Distinct()).Length > RoutingRuleConfiguration.MaxListLength)
            return AdminResult.Invalid(RoutingAdminService.ServicesField, "Too many services; split the rule in two.");
        if (input.CategoryIds.Count > 0 && await db.Categories.CountAsync(c => input.CategoryIds.Contains(c.Id), ct) != input.CategoryIds.Distinct().Count())
            return AdminResult.Invalid(RoutingAdminService.CategoriesField, "A chosen category no longer exists; choose again.");
        if (input.ServiceIds.Count > 0 && await db.Services.CountAsync(s => input.ServiceIds.Contains(s.Id), ct) != input.ServiceIds.Distinct().Count())
            return AdminResult.Invalid(RoutingAdminService.ServicesField, "A chosen service no longer exists; choose again.");
        return KeywordProblem(input.Keywords) is { } keywordProblem
            ? AdminResult.Invalid(RoutingAdminService.KeywordsField, keywordProblem)
            : null;
    }

    public static string? KeywordProblem(string? text)
    {
        var keywords = KeywordMatcher.Parse(text);
        if (keywords.Count > KeywordMatcher.MaxKeywords)
            return $"Use at most {KeywordMatcher.MaxKeywords} keywords (this has {keywords.Count}).";
        if (keywords.FirstOrDefault(k => k.Length > KeywordMatcher.MaxKeywordLength) is { } tooLong)
            return $"Keep each keyword under {KeywordMatcher.MaxKeywordLength} characters (\"{tooLong[..20]}…\" has {tooLong.Length}).";
        if (keywords.FirstOrDefault(k => !k.Any(char.IsLetterOrDigit)) is { } noWord)
            return $"\"{noWord}\" has no letters or digits, so it can never match a word.";
        return null;
    }
}
