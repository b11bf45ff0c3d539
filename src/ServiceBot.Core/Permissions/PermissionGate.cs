using ServiceBot.Core.Analysis;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Replies;
using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Core.Permissions;

/// <summary>
/// The one place that decides whether a device command may run: the tier allows the action,
/// the devices are this customer's, and the arguments make sense. Nothing else decides. Its reasons are written in the
/// language asked for (English for a model, the customer's for the offline assistant); the decision never depends on it.
/// </summary>
public sealed class PermissionGate(ServiceLevelCatalog catalog)
{
    public GateDecision Check(Customer customer, ServiceLevel tier, DeviceCommand command, Language language = Language.English)
    {
        Language l = language;
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(tier);
        ArgumentNullException.ThrowIfNull(command);

        string? action = ToolNames.RequiredAction(command.Tool);
        if (action is null)
        {
            return GateDecision.Refuse(RefusalKind.Argument, null, l.Say(
                $"I can't do \"{command.Tool}\": it isn't something I know how to do.",
                $"No puedo hacer \"{command.Tool}\": no es algo que sepa hacer.",
                $"\"{command.Tool}\" kann ich nicht: Das kann ich nicht."));
        }

        if (!tier.Allows(action))
        {
            return RefuseForTier(tier, catalog, action, l);
        }

        if (ToolNames.TakesNoDevice(command.Tool))
        {
            return GateDecision.Allow with { Action = action };
        }

        if (command.DeviceIds.Count == 0)
        {
            return GateDecision.Refuse(RefusalKind.Argument, action, l.Say("Which device do you mean? ", "¿Qué dispositivo quieres decir? ", "Welches Gerät meinst du? ") + DeviceList(customer, l));
        }

        var devices = new List<Device>(command.DeviceIds.Count);
        foreach (string id in command.DeviceIds.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            Device? device = customer.FindDevice(id);
            if (device is null)
            {
                return GateDecision.Refuse(RefusalKind.Ownership, action,
                    l.Say($"There is no device \"{id}\" on your account. ", $"No hay ningún dispositivo \"{id}\" en tu cuenta. ", $"In deinem Konto gibt es kein Gerät \"{id}\". ")
                    + DeviceList(customer, l));
            }

            devices.Add(device);
        }

        return CheckArguments(customer, tier, catalog, command, action, devices, l);
    }

    /// <summary>Whether the tier includes <paramref name="action"/> alone, with the lowest tier that does when it is refused.</summary>
    public GateDecision CheckTier(ServiceLevel tier, string action, Language l = Language.English)
    {
        ArgumentNullException.ThrowIfNull(tier);
        ArgumentNullException.ThrowIfNull(action);
        return tier.Allows(action) ? GateDecision.Allow with { Action = action } : RefuseForTier(tier, catalog, action, l);
    }

    private static GateDecision CheckArguments(
        Customer customer, ServiceLevel tier, ServiceLevelCatalog catalog, DeviceCommand command, string action, List<Device> devices, Language l)
    {
        if (ToolNames.NeedsSpeaker(command.Tool) && devices.FirstOrDefault(d => !d.HasSpeaker) is { } mute)
        {
            bool volume = command.Tool is ToolNames.SetVolume or ToolNames.ChangeVolume;
            string the = Wording.Capitalize(DeviceWords.The(mute, l));
            return GateDecision.Refuse(RefusalKind.Argument, action, l.Say(
                $"{Capitalize(mute.Describe())} has no speaker, so it {(volume ? "has no volume to change" : "can't play audio")}.",
                $"{the} no tiene altavoz, así que {(volume ? "no tiene volumen que cambiar" : "no puede reproducir audio")}.",
                $"{the} hat keinen Lautsprecher und {(volume ? "daher keine Lautstärke" : "kann daher keinen Ton abspielen")}."));
        }

        switch (command.Tool)
        {
            case ToolNames.SetVolume when command.Volume is null:
                return GateDecision.Refuse(RefusalKind.Argument, action, l.Say(
                    "What volume would you like? Any level from 0 to 100 works.",
                    "¿Qué volumen quieres? Vale cualquier nivel de 0 a 100.",
                    "Welche Lautstärke möchtest du? Jeder Wert von 0 bis 100 geht."));
            case ToolNames.SetVolume when command.Volume is < 0 or > 100:
                return GateDecision.Refuse(RefusalKind.Argument, action, l.Say(
                    $"Volume goes from 0 to 100, so I can't set it to {command.Volume}.",
                    $"El volumen va de 0 a 100, así que no puedo ponerlo a {command.Volume}.",
                    $"Die Lautstärke geht von 0 bis 100, daher kann ich sie nicht auf {command.Volume} stellen."));
            case ToolNames.ChangeVolume when command.VolumeStep is null or 0 or < -100 or > 100:
                return GateDecision.Refuse(RefusalKind.Argument, action, l.Say(
                    "A volume change must be between -100 and 100 steps.",
                    "Un cambio de volumen debe estar entre -100 y 100 pasos.",
                    "Eine Lautstärkeänderung muss zwischen -100 und 100 Schritten liegen."));
            case ToolNames.SetPower when command.Power is not (PowerState.On or PowerState.Off):
                return GateDecision.Refuse(RefusalKind.Argument, action, l.Say(
                    "A device can be turned \"on\" or \"off\".",
                    "Un dispositivo se puede encender (\"on\") o apagar (\"off\").",
                    "Ein Gerät kann ein- (\"on\") oder ausgeschaltet (\"off\") werden."));
            case ToolNames.PlayMusic or ToolNames.PlayMultiRoom when command.Music is { Length: > CustomerLimits.MaxMusicLength }:
                return GateDecision.Refuse(RefusalKind.Argument, action, l.Say(
                    $"What to play can be at most {CustomerLimits.MaxMusicLength} characters: a genre, an artist or a station.",
                    $"Lo que quieras escuchar puede tener como máximo {CustomerLimits.MaxMusicLength} caracteres: un género, un artista o una emisora.",
                    $"Was ich abspielen soll, darf höchstens {CustomerLimits.MaxMusicLength} Zeichen lang sein: ein Genre, ein Künstler oder ein Sender."));
            case ToolNames.MoveDevice:
                return CheckMove(command, action, devices[0], l);
            case ToolNames.PlayMultiRoom:
                return CheckMultiRoom(customer, tier, catalog, action, devices, l);
        }

        if (!ToolNames.WorksOffline(command.Tool)
            && devices.FirstOrDefault(d => d.Status != DeviceStatus.Online) is { } offline)
        {
            return GateDecision.Refuse(RefusalKind.DeviceState, action,
                l.Say(
                    $"{Capitalize(offline.Describe())} is offline, so I can't reach it. Check that it is plugged in and connected to Wi-Fi.",
                    $"{Wording.Capitalize(DeviceWords.The(offline, l))} está sin conexión, así que no puedo llegar a él. Comprueba que esté enchufado y conectado al wifi.",
                    $"{Wording.Capitalize(DeviceWords.The(offline, l))} ist offline, daher erreiche ich es nicht. Prüfe, ob es eingesteckt und mit dem WLAN verbunden ist."));
        }

        return GateDecision.Allow with { Action = action };
    }

    private static GateDecision CheckMove(DeviceCommand command, string action, Device device, Language l)
    {
        if (string.IsNullOrWhiteSpace(command.TargetRoom))
        {
            return GateDecision.Refuse(RefusalKind.Argument, action, l.Say("Which room should it move to?", "¿A qué habitación lo muevo?", "In welchen Raum soll es?"));
        }

        if (!Rooms.IsKnown(command.TargetRoom))
        {
            return GateDecision.Refuse(RefusalKind.Argument, action,
                l.Say(
                    $"I don't know a room called \"{Rooms.Describe(command.TargetRoom)}\". Rooms I know: {string.Join(", ", Rooms.Known.Select(Rooms.Describe))}.",
                    $"No conozco ninguna habitación llamada \"{Rooms.Describe(command.TargetRoom)}\". Las que conozco: {string.Join(", ", Rooms.Known.Select(r => DeviceWords.Room(r, l)))}.",
                    $"Einen Raum namens \"{Rooms.Describe(command.TargetRoom)}\" kenne ich nicht. Ich kenne: {string.Join(", ", Rooms.Known.Select(r => DeviceWords.Room(r, l)))}."));
        }

        if (command.TargetRoom == device.Location)
        {
            return GateDecision.Refuse(RefusalKind.Argument, action, l.Say(
                $"{Capitalize(device.Describe())} is already in the {device.RoomName}.",
                $"{Wording.Capitalize(DeviceWords.The(device, l))} ya está ahí.",
                $"{Wording.Capitalize(DeviceWords.The(device, l))} ist schon dort."));
        }

        return GateDecision.Allow with { Action = action };
    }

    private static GateDecision CheckMultiRoom(Customer customer, ServiceLevel tier, ServiceLevelCatalog catalog, string action, List<Device> devices, Language l)
    {
        if (devices.Count < 2)
        {
            return GateDecision.Refuse(RefusalKind.Argument, action,
                l.Say(
                    "Multi-room audio needs at least two devices with speakers. ",
                    "El audio multihabitación necesita al menos dos dispositivos con altavoz. ",
                    "Multiroom-Audio braucht mindestens zwei Geräte mit Lautsprecher. ") + DeviceList(customer, l));
        }

        if (devices.Count > tier.MaxDevices)
        {
            ServiceLevel? bigger = catalog.LowestAllowing(action, devices.Count);
            string upgrade = bigger is null ? "" : l.Say(
                $" The {bigger.Level} tier allows up to {bigger.MaxDevices}.",
                $" El plan {bigger.Level} permite hasta {bigger.MaxDevices}.",
                $" Der Tarif {bigger.Level} erlaubt bis zu {bigger.MaxDevices}.");
            return GateDecision.Refuse(RefusalKind.Tier, action, l.Say(
                $"Your {tier.Level} plan groups at most {tier.MaxDevices} devices, and you asked for {devices.Count}.{upgrade}",
                $"Tu plan {tier.Level} agrupa como máximo {tier.MaxDevices} dispositivos y has pedido {devices.Count}.{upgrade}",
                $"Dein Tarif {tier.Level} gruppiert höchstens {tier.MaxDevices} Geräte, du hast {devices.Count} angefragt.{upgrade}"),
                bigger?.Level);
        }

        if (devices.FirstOrDefault(d => d.Status != DeviceStatus.Online) is { } offline)
        {
            return GateDecision.Refuse(RefusalKind.DeviceState, action, l.Say(
                $"{Capitalize(offline.Describe())} is offline, so it can't join the group.",
                $"{Wording.Capitalize(DeviceWords.The(offline, l))} está sin conexión, así que no puede unirse al grupo.",
                $"{Wording.Capitalize(DeviceWords.The(offline, l))} ist offline und kann der Gruppe nicht beitreten."));
        }

        return GateDecision.Allow with { Action = action };
    }

    private static GateDecision RefuseForTier(ServiceLevel tier, ServiceLevelCatalog catalog, string action, Language l)
    {
        ServiceLevel? upgrade = catalog.LowestAllowing(action);
        string what = Capitalize(ActionWords.Describe(action, l));
        string reason = upgrade is null
            ? l.Say($"{what} isn't available on any plan.", $"{what}: no está disponible en ningún plan.", $"{what}: in keinem Tarif verfügbar.")
            : l.Say(
                $"{what} isn't included in your {tier.Level} plan. It's available from the {upgrade.Level} tier: upgrade to {upgrade.Level} to use it.",
                $"{what}: no está incluido en tu plan {tier.Level}. Está disponible a partir del plan {upgrade.Level}: cámbiate a {upgrade.Level} para usarlo.",
                $"{what}: nicht in deinem Tarif {tier.Level} enthalten. Verfügbar ab dem Tarif {upgrade.Level}: Wechsle zu {upgrade.Level}, um es zu nutzen.");
        return GateDecision.Refuse(RefusalKind.Tier, action, reason, upgrade?.Level);
    }

    internal static string DeviceList(Customer customer, Language l = Language.English) => customer.Devices.Count == 0
        ? l.Say("You have no devices on your account yet.", "Todavía no tienes dispositivos en tu cuenta.", "Du hast noch keine Geräte in deinem Konto.")
        : l.Say("Your devices: ", "Tus dispositivos: ", "Deine Geräte: ")
            + string.Join(", ", customer.Devices.Select(d => $"{d.Name} ({d.Id}, {DeviceWords.Room(d.Location, l)})")) + ".";

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
