namespace ServiceBot.Core.Permissions;

/// <summary>
/// One thing the agent asks to do, whoever the agent is (offline assistant, Claude, a routine).
/// The tool name is the one the agent used; the gate maps it to the tier action it needs.
/// </summary>
public sealed record DeviceCommand
{
    public required string Tool { get; init; }
    public IReadOnlyList<string> DeviceIds { get; init; } = [];
    public int? Volume { get; init; }
    public int? VolumeStep { get; init; }
    public string? Power { get; init; }
    public string? TargetRoom { get; init; }
    public string? Music { get; init; }
    public string? RoutineName { get; init; }

    public string? DeviceId => DeviceIds.Count > 0 ? DeviceIds[0] : null;
}
