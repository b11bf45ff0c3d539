using ServiceBot.Core.Customers;
using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Core.Permissions;

/// <summary>
/// The one place that decides whether a device command may run: the tier allows the action,
/// the devices are this customer's, and the arguments make sense. Nothing else decides.
/// </summary>
public sealed class PermissionGate(ServiceLevelCatalog catalog)
{
    public GateDecision Check(Customer customer, ServiceLevel tier, DeviceCommand command)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(tier);
        ArgumentNullException.ThrowIfNull(command);

        string? action = ToolNames.RequiredAction(command.Tool);
        if (action is null)
        {
            return GateDecision.Refuse(RefusalKind.Argument, null, $"I can't do \"{command.Tool}\": it isn't something I know how to do.");
        }

        if (!tier.Allows(action))
        {
            return RefuseForTier(tier, catalog, action);
        }

        if (ToolNames.TakesNoDevice(command.Tool))
        {
            return GateDecision.Allow with { Action = action };
        }

        if (command.DeviceIds.Count == 0)
        {
            return GateDecision.Refuse(RefusalKind.Argument, action, "Which device do you mean? " + DeviceList(customer));
        }

        var devices = new List<Device>(command.DeviceIds.Count);
        foreach (string id in command.DeviceIds.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            Device? device = customer.FindDevice(id);
            if (device is null)
            {
                return GateDecision.Refuse(RefusalKind.Ownership, action,
                    $"There is no device \"{id}\" on your account. {DeviceList(customer)}");
            }

            devices.Add(device);
        }

        return CheckArguments(customer, tier, catalog, command, action, devices);
    }

    /// <summary>Whether the tier includes <paramref name="action"/> alone, with the lowest tier that does when it is refused.</summary>
    public GateDecision CheckTier(ServiceLevel tier, string action)
    {
        ArgumentNullException.ThrowIfNull(tier);
        ArgumentNullException.ThrowIfNull(action);
        return tier.Allows(action) ? GateDecision.Allow with { Action = action } : RefuseForTier(tier, catalog, action);
    }

    private static GateDecision CheckArguments(
        Customer customer, ServiceLevel tier, ServiceLevelCatalog catalog, DeviceCommand command, string action, List<Device> devices)
    {
        if (ToolNames.NeedsSpeaker(command.Tool) && devices.FirstOrDefault(d => !d.HasSpeaker) is { } mute)
        {
            string what = command.Tool is ToolNames.SetVolume or ToolNames.ChangeVolume ? "has no volume to change" : "can't play audio";
            return GateDecision.Refuse(RefusalKind.Argument, action, $"{Capitalize(mute.Describe())} has no speaker, so it {what}.");
        }

        switch (command.Tool)
        {
            case ToolNames.SetVolume when command.Volume is null:
                return GateDecision.Refuse(RefusalKind.Argument, action, "What volume would you like? Any level from 0 to 100 works.");
            case ToolNames.SetVolume when command.Volume is < 0 or > 100:
                return GateDecision.Refuse(RefusalKind.Argument, action, $"Volume goes from 0 to 100, so I can't set it to {command.Volume}.");
            case ToolNames.ChangeVolume when command.VolumeStep is null or 0 or < -100 or > 100:
                return GateDecision.Refuse(RefusalKind.Argument, action, "A volume change must be between -100 and 100 steps.");
            case ToolNames.SetPower when command.Power is not (PowerState.On or PowerState.Off):
                return GateDecision.Refuse(RefusalKind.Argument, action, "A device can be turned \"on\" or \"off\".");
            case ToolNames.PlayMusic or ToolNames.PlayMultiRoom when command.Music is { Length: > CustomerLimits.MaxMusicLength }:
                return GateDecision.Refuse(RefusalKind.Argument, action, $"What to play can be at most {CustomerLimits.MaxMusicLength} characters: a genre, an artist or a station.");
            case ToolNames.MoveDevice:
                return CheckMove(command, action, devices[0]);
            case ToolNames.PlayMultiRoom:
                return CheckMultiRoom(customer, tier, catalog, action, devices);
        }

        if (!ToolNames.WorksOffline(command.Tool)
            && devices.FirstOrDefault(d => d.Status != DeviceStatus.Online) is { } offline)
        {
            return GateDecision.Refuse(RefusalKind.DeviceState, action,
                $"{Capitalize(offline.Describe())} is offline, so I can't reach it. Check that it is plugged in and connected to Wi-Fi.");
        }

        return GateDecision.Allow with { Action = action };
    }

    private static GateDecision CheckMove(DeviceCommand command, string action, Device device)
    {
        if (string.IsNullOrWhiteSpace(command.TargetRoom))
        {
            return GateDecision.Refuse(RefusalKind.Argument, action, "Which room should it move to?");
        }

        if (!Rooms.IsKnown(command.TargetRoom))
        {
            return GateDecision.Refuse(RefusalKind.Argument, action,
                $"I don't know a room called \"{Rooms.Describe(command.TargetRoom)}\". Rooms I know: {string.Join(", ", Rooms.Known.Select(Rooms.Describe))}.");
        }

        if (command.TargetRoom == device.Location)
        {
            return GateDecision.Refuse(RefusalKind.Argument, action, $"{Capitalize(device.Describe())} is already in the {device.RoomName}.");
        }

        return GateDecision.Allow with { Action = action };
    }

    private static GateDecision CheckMultiRoom(Customer customer, ServiceLevel tier, ServiceLevelCatalog catalog, string action, List<Device> devices)
    {
        if (devices.Count < 2)
        {
            return GateDecision.Refuse(RefusalKind.Argument, action,
                "Multi-room audio needs at least two devices with speakers. " + DeviceList(customer));
        }

        if (devices.Count > tier.MaxDevices)
        {
            ServiceLevel? bigger = catalog.LowestAllowing(action, devices.Count);
            string upgrade = bigger is null ? "" : $" The {bigger.Level} tier allows up to {bigger.MaxDevices}.";
            return GateDecision.Refuse(RefusalKind.Tier, action,
                $"Your {tier.Level} plan groups at most {tier.MaxDevices} devices, and you asked for {devices.Count}.{upgrade}",
                bigger?.Level);
        }

        if (devices.FirstOrDefault(d => d.Status != DeviceStatus.Online) is { } offline)
        {
            return GateDecision.Refuse(RefusalKind.DeviceState, action, $"{Capitalize(offline.Describe())} is offline, so it can't join the group.");
        }

        return GateDecision.Allow with { Action = action };
    }

    private static GateDecision RefuseForTier(ServiceLevel tier, ServiceLevelCatalog catalog, string action)
    {
        ServiceLevel? upgrade = catalog.LowestAllowing(action);
        string what = Actions.Describe(action);
        string reason = upgrade is null
            ? $"{Capitalize(what)} isn't available on any plan."
            : $"{Capitalize(what)} isn't included in your {tier.Level} plan. It's available from the {upgrade.Level} tier: upgrade to {upgrade.Level} to use it.";
        return GateDecision.Refuse(RefusalKind.Tier, action, reason, upgrade?.Level);
    }

    internal static string DeviceList(Customer customer) => customer.Devices.Count == 0
        ? "You have no devices on your account yet."
        : "Your devices: " + string.Join(", ", customer.Devices.Select(d => $"{d.Name} ({d.Id}, {d.RoomName})")) + ".";

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
