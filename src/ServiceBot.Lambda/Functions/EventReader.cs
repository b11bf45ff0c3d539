using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ServiceBot.Lambda.Functions;

internal static class EventReader
{
    public static T Read<T>(byte[] payload, JsonTypeInfo<T> type) where T : class =>
        JsonSerializer.Deserialize(payload, type) ?? throw new InvalidDataException($"The event is empty; expected {typeof(T).Name}.");
}
