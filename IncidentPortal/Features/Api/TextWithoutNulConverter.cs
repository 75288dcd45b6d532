using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentPortal.Features.Api;

/// <summary>
/// Refuses a NUL character ("\u0000") in any string an API client sends: PostgreSQL cannot store it in text, and no
/// title, note or name needs one. The refusal is a <see cref="JsonException"/>, so the caller gets a 400 naming the field.
/// </summary>
public sealed class TextWithoutNulConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException($"Expected a string, not {reader.TokenType}.");
        var text = reader.GetString()!;
        return text.Contains('\0') ? throw new JsonException("Text may not contain a NUL character (\\u0000).") : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
