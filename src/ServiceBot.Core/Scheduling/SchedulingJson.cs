using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceBot.Core.Scheduling;

/// <summary>A job as the stores keep it: source-generated JSON, no reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ScheduledJob))]
public sealed partial class SchedulingJson : JsonSerializerContext
{
    public static string Serialize(ScheduledJob job) => JsonSerializer.Serialize(job, Default.ScheduledJob);

    public static ScheduledJob Deserialize(string json) =>
        JsonSerializer.Deserialize(json, Default.ScheduledJob) ?? throw new JsonException("A scheduled job's data is empty.");
}
