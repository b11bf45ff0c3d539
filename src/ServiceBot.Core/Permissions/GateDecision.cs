namespace ServiceBot.Core.Permissions;

public enum RefusalKind
{
    None,

    /// <summary>The customer's tier does not include the action.</summary>
    Tier,

    /// <summary>The device is not the customer's (or does not exist).</summary>
    Ownership,

    /// <summary>An argument is out of range or makes no sense for the device.</summary>
    Argument,

    /// <summary>The device cannot do it right now (offline).</summary>
    DeviceState,
}

/// <summary>What the gate decided, and why in words a customer understands.</summary>
public sealed record GateDecision
{
    public static readonly GateDecision Allow = new() { Allowed = true };

    public required bool Allowed { get; init; }
    public RefusalKind Kind { get; init; }

    /// <summary>A sentence for the customer; for a tier refusal it names the upgrade.</summary>
    public string? Reason { get; init; }

    /// <summary>The tier action the command needed (null for an unknown tool).</summary>
    public string? Action { get; init; }

    /// <summary>For a tier refusal: the lowest tier that allows it.</summary>
    public string? UpgradeTo { get; init; }

    public static GateDecision Refuse(RefusalKind kind, string? action, string reason, string? upgradeTo = null) =>
        new() { Allowed = false, Kind = kind, Action = action, Reason = reason, UpgradeTo = upgradeTo };
}
