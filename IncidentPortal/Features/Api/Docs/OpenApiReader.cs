using System.Text.Json;

namespace IncidentPortal.Features.Api.Docs;

/// <summary>
/// Reads the parts of an OpenAPI 3.x JSON document a person needs: operations by tag, their parameters, bodies and
/// responses, and the object and enum schemas they refer to. Unknown shapes read as "object" rather than failing.
/// </summary>
public static class OpenApiReader
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    public static ApiReference Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var info = root.TryGetProperty("info", out var i) ? i : default;
        var schemas = ReadSchemas(root);

        var operations = new List<(string Tag, ApiOperationInfo Operation)>();
        if (root.TryGetProperty("paths", out var paths))
        {
            foreach (var path in paths.EnumerateObject())
            {
                var shared = path.Value.TryGetProperty("parameters", out var p) ? p : default;
                foreach (var method in Methods)
                {
                    if (!path.Value.TryGetProperty(method, out var op)) continue;
                    var tag = op.TryGetProperty("tags", out var tags) && tags.GetArrayLength() > 0 ? tags[0].GetString() ?? "Other" : "Other";
                    operations.Add((tag, ReadOperation(method.ToUpperInvariant(), path.Name, op, shared, schemas)));
                }
            }
        }
        var groups = operations.GroupBy(o => o.Tag).Select(g => new ApiTagGroup(g.Key, g.Select(o => o.Operation).ToList())).ToList();
        return new ApiReference(Text(info, "title") ?? "API", Text(info, "description"), groups, schemas);
    }

    private static ApiOperationInfo ReadOperation(string method, string path, JsonElement op, JsonElement shared, IReadOnlyDictionary<string, ApiSchemaInfo> schemas)
    {
        var parameters = new List<ApiParameterInfo>();
        foreach (var source in new[] { shared, op.TryGetProperty("parameters", out var own) ? own : default })
        {
            if (source.ValueKind != JsonValueKind.Array) continue;
            foreach (var p in source.EnumerateArray())
            {
                var schema = p.TryGetProperty("schema", out var s) ? s : default;
                parameters.Add(new ApiParameterInfo(Text(p, "name") ?? "", Text(p, "in") ?? "query",
                    p.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True, TypeOf(schema), EnumValues(schema, schemas), Text(p, "description")));
            }
        }
        string? body = null;
        if (op.TryGetProperty("requestBody", out var request) && request.TryGetProperty("content", out var content))
            body = content.EnumerateObject().Select(c => c.Value.TryGetProperty("schema", out var s) ? TypeOf(s) : null).FirstOrDefault(t => t is not null);
        var responses = new List<ApiResponseInfo>();
        if (op.TryGetProperty("responses", out var rs))
        {
            foreach (var response in rs.EnumerateObject().OrderBy(r => r.Name, StringComparer.Ordinal))
            {
                var schema = response.Value.TryGetProperty("content", out var c)
                    ? c.EnumerateObject().Select(x => x.Value.TryGetProperty("schema", out var s) ? TypeOf(s) : null).FirstOrDefault(t => t is not null)
                    : null;
                responses.Add(new ApiResponseInfo(response.Name, Text(response.Value, "description") ?? "", schema));
            }
        }
        return new ApiOperationInfo(Text(op, "operationId") ?? $"{method}-{path}", method, path, Text(op, "summary") ?? $"{method} {path}",
            Text(op, "description"), parameters, body, responses);
    }

    private static Dictionary<string, ApiSchemaInfo> ReadSchemas(JsonElement root)
    {
        var result = new Dictionary<string, ApiSchemaInfo>(StringComparer.Ordinal);
        if (!root.TryGetProperty("components", out var components) || !components.TryGetProperty("schemas", out var schemas)) return result;
        foreach (var schema in schemas.EnumerateObject())
        {
            var required = schema.Value.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet() : [];
            var fields = schema.Value.TryGetProperty("properties", out var props)
                ? props.EnumerateObject().Select(p => new ApiFieldInfo(p.Name, TypeOf(p.Value), required.Contains(p.Name), IsNullable(p.Value), Text(p.Value, "description"))).ToList()
                : [];
            var values = schema.Value.TryGetProperty("enum", out var e) ? e.EnumerateArray().Select(v => v.ToString()).ToList() : [];
            result[schema.Name] = new ApiSchemaInfo(schema.Name, fields, values);
        }
        return result;
    }

    /// <summary>"string", "integer", "ApiRef", "IncidentStatus[]": what a reader needs, without JSON Schema's nullable wrappers.</summary>
    public static string TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object) return "object";
        if (schema.TryGetProperty("$ref", out var reference)) return reference.GetString()!.Split('/')[^1];
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var options))
                return options.EnumerateArray().Where(o => Text(o, "type") != "null").Select(TypeOf).FirstOrDefault() ?? "object";
        }
        var types = !schema.TryGetProperty("type", out var type) ? []
            : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).Where(t => t != "null").ToList()
            : [type.GetString()!];
        // Numbers are also accepted as strings ("42"): the number is what to send.
        var main = types.Contains("integer") ? "integer" : types.Contains("number") ? "number" : types.FirstOrDefault() ?? "object";
        if (main == "array") return (schema.TryGetProperty("items", out var items) ? TypeOf(items) : "object") + "[]";
        return schema.TryGetProperty("format", out var format) && main == "string" && format.GetString() == "date-time" ? "date-time" : main;
    }

    private static bool IsNullable(JsonElement schema) =>
        (schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.Array && t.EnumerateArray().Any(x => x.GetString() == "null"))
        || (schema.TryGetProperty("oneOf", out var o) && o.EnumerateArray().Any(x => Text(x, "type") == "null"));

    private static IReadOnlyList<string> EnumValues(JsonElement schema, IReadOnlyDictionary<string, ApiSchemaInfo> schemas) =>
        schemas.TryGetValue(TypeOf(schema).TrimEnd('[', ']'), out var named) ? named.Values
        : schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var e) ? e.EnumerateArray().Select(v => v.ToString()).ToList() : [];

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
