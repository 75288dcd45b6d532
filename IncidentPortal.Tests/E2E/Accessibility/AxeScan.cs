using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace IncidentPortal.Tests.E2E.Accessibility;

/// <summary>
/// Runs axe-core on the page as it stands and describes the serious and critical violations (contrast, names,
/// structure) in words a developer can act on: page, theme, rule, element, and axe's own explanation.
/// </summary>
public static class AxeScan
{
    private static readonly string[] Failing = ["serious", "critical"];

    /// <summary>Every WCAG 2.x A/AA rule and axe's best practices; only serious and critical findings fail.</summary>
    private static readonly AxeRunOptions Everything = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>The second theme changes colours only, so the contrast rule is all that can find something new.</summary>
    private static readonly AxeRunOptions ContrastOnly = new()
    {
        RunOnly = new RunOnlyOptions { Type = "rule", Values = ["color-contrast"] },
        ResultTypes = [ResultType.Violations],
    };

    /// <returns>One line block per serious/critical violation; empty when the page passes.</returns>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, string where, bool contrastOnly)
    {
        var result = await page.RunAxe(contrastOnly ? ContrastOnly : Everything);
        var found = new List<string>();
        foreach (var violation in result.Violations.Where(v => Failing.Contains(v.Impact)))
        {
            var text = new StringBuilder($"{where}: {violation.Id} ({violation.Impact}) {violation.Help}");
            foreach (var node in violation.Nodes.Take(6))
            {
                var message = node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message).FirstOrDefault(m => !string.IsNullOrEmpty(m));
                text.Append($"\n    at {node.Target}: {Shorten(node.Html)}");
                if (message is not null) text.Append($"\n       {message}");
            }
            if (violation.Nodes.Length > 6) text.Append($"\n    … and {violation.Nodes.Length - 6} more");
            found.Add(text.ToString());
        }
        return found;
    }

    private static string Shorten(string html) => html.Length <= 160 ? html : html[..160] + "…";
}
