using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceBot.Core.Analysis;

/// <summary>A <see cref="Language"/> stored as its code ("en", "es", "de"), as messages and queue entries keep it.</summary>
public sealed class LanguageCodeJsonConverter : JsonConverter<Language>
{
    public override Language Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Languages.FromCode(reader.GetString()) ?? throw new JsonException($"\"{reader.GetString()}\" is not a language code (en, es, de).");

    public override void Write(Utf8JsonWriter writer, Language value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Code());
    }
}
