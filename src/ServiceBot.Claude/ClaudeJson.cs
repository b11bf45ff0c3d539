using System.Text.Json.Serialization;

namespace ServiceBot.Claude;

[JsonSerializable(typeof(string))]
internal sealed partial class ClaudeJson : JsonSerializerContext;
