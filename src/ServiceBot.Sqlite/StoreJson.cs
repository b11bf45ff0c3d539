using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Sqlite;

/// <summary>The JSON of each row's <c>data</c> column.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Customer))]
[JsonSerializable(typeof(ServiceLevel))]
[JsonSerializable(typeof(MessageBody))]
internal sealed partial class StoreJson : JsonSerializerContext;

/// <summary>A message's columns that are not keys.</summary>
internal sealed record MessageBody(
    string Text,
    string? RequestType,
    IReadOnlyList<string> RequiredActions,
    bool Allowed,
    IReadOnlyList<ActionRecord> Actions,
    string? Source,
    TokenUsage? Usage,
    string? AgentName = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Language = null);
