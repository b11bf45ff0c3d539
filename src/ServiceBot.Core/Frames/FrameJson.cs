using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Demand;
using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Core.Frames;

/// <summary>Source-generated JSON for every frame: camelCase, enums as their names, no reflection (ready for Native AOT).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(ServerFrame))]
[JsonSerializable(typeof(ClientFrame))]
[JsonSerializable(typeof(Device))]
[JsonSerializable(typeof(ServiceLevel))]
[JsonSerializable(typeof(IReadOnlyList<ServiceLevel>))]
[JsonSerializable(typeof(IReadOnlyList<CustomerSummary>))]
[JsonSerializable(typeof(ActionRecord))]
// The body of the staff frame upgradeDemand (docs/protocol.md).
[JsonSerializable(typeof(UpgradeDemandReport))]
public sealed partial class FrameJson : JsonSerializerContext
{
    public static byte[] Serialize(ServerFrame frame) => JsonSerializer.SerializeToUtf8Bytes(frame, Default.ServerFrame);
}

/// <summary>One row of <c>GET /api/customers</c>.</summary>
public sealed record CustomerSummary(string Id, string Name, string ServiceLevel);
