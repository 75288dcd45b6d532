using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IncidentPortal.Features.Alerts.Ingest;

/// <summary>Reads the fields of incoming JSON with messages that say exactly which field is wrong and how.</summary>
internal static class JsonFields
{
    public static JsonDocument Parse(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty) throw new PayloadException("The request body is empty; send a JSON object.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            throw new PayloadException($"The request body is not valid JSON: {e.Message}");
        }
        try
        {
            CheckText(document.RootElement, "The body");
            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Valid JSON may still escape text no database can hold: a lone UTF-16 surrogate ("\ud800") cannot be read as a
    /// string at all, and a NUL character is refused by PostgreSQL. Checked once for every name and string in the body.
    /// </summary>
    private static void CheckText(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = Text(property, path);
                    CheckText(property.Value, $"{path}.{Clip(name, 40)}");
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray()) CheckText(item, $"{path}[{index++}]");
                break;
            case JsonValueKind.String:
                string text;
                try { text = element.GetString()!; }
                catch (InvalidOperationException) { throw Unreadable(path); }
                if (text.Contains('\0')) throw new PayloadException($"{path} contains a NUL character (\\u0000), which is not allowed in text.");
                break;
        }
    }

    private static string Text(JsonProperty property, string path)
    {
        string name;
        try { name = property.Name; }
        catch (InvalidOperationException) { throw Unreadable(path + " (a property name)"); }
        if (name.Contains('\0')) throw new PayloadException($"A property name in {path} contains a NUL character (\\u0000).");
        return name;
    }

    private static PayloadException Unreadable(string path) =>
        new($"{path} is not valid text: it contains a lone UTF-16 surrogate (an escape such as \\ud800 without its pair).");

    public static JsonElement RequireObject(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new PayloadException($"{path} must be a JSON object, not {Describe(element)}.");
        return element;
    }

    public static JsonElement? Optional(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string? OptionalString(JsonElement parent, string name, string path, int maxLength)
    {
        if (Optional(parent, name) is not { } value) return null;
        if (value.ValueKind != JsonValueKind.String) throw new PayloadException($"{path}.{name} must be a string, not {Describe(value)}.");
        var text = value.GetString()!;
        if (text.Length > maxLength) throw new PayloadException($"{path}.{name} can be at most {maxLength} characters (it has {text.Length}).");
        return text.Length == 0 ? null : text;
    }

    /// <summary>A string that must say something: empty or only whitespace (any Unicode whitespace) counts as missing.</summary>
    public static string RequireString(JsonElement parent, string name, string path, int maxLength) =>
        OptionalString(parent, name, path, maxLength) is { } text && !string.IsNullOrWhiteSpace(text)
            ? text
            : throw new PayloadException($"{path}.{name} is required (and must not be only whitespace).");

    /// <summary>An object whose values are all strings (Alertmanager labels and annotations).</summary>
    public static SortedDictionary<string, string> StringMap(JsonElement parent, string name, string path)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Optional(parent, name) is not { } value) return map;
        RequireObject(value, $"{path}.{name}");
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
                throw new PayloadException($"{path}.{name}.{property.Name} must be a string, not {Describe(property.Value)}.");
            map[property.Name] = property.Value.GetString()!;
        }
        return map;
    }

    /// <summary>An RFC 3339 time; Go's zero time (0001-01-01, Alertmanager's "not set") reads as null.</summary>
    public static DateTime? OptionalTime(JsonElement parent, string name, string path)
    {
        if (OptionalString(parent, name, path, 64) is not { } text) return null;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            throw new PayloadException($"{path}.{name} must be an RFC 3339 time such as 2026-11-24T06:00:00Z, not \"{Clip(text)}\".");
        return time.Year <= 1 ? null : time.UtcDateTime;
    }

    public static string ToJson(IReadOnlyDictionary<string, string> map) => JsonSerializer.Serialize(map);

    /// <summary>A stable key for labels when the sender gives no fingerprint.</summary>
    public static string LabelsKey(IReadOnlyDictionary<string, string> labels) =>
        "labels:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson(labels))))[..32];

    public static string Clip(string text, int max = 60) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
