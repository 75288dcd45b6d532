namespace IncidentPortal.Features.Api.Docs;

/// <summary>The URL "Try it" sends: path parameters filled in, non-empty query parameters appended (a list as repeats).</summary>
public static class ApiRequestUrl
{
    public static string Build(ApiOperationInfo operation, IReadOnlyDictionary<string, string?> values)
    {
        var path = operation.Path;
        var query = new List<string>();
        foreach (var p in operation.Parameters)
        {
            var value = values.TryGetValue(p.Name, out var v) ? v?.Trim() : null;
            if (p.In == "path") path = path.Replace("{" + p.Name + "}", string.IsNullOrEmpty(value) ? "{" + p.Name + "}" : Uri.EscapeDataString(value));
            else if (p.In == "query" && !string.IsNullOrEmpty(value))
            {
                var parts = p.Type.EndsWith("[]", StringComparison.Ordinal) ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [value];
                query.AddRange(parts.Select(part => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(part)));
            }
        }
        return query.Count == 0 ? path : path + "?" + string.Join("&", query);
    }
}
