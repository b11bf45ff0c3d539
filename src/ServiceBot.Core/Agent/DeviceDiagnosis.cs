using System.Globalization;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Permissions;

namespace ServiceBot.Core.Agent;

/// <summary>
/// What a diagnosis says: the readings, then the first thing that explains the trouble with what to do about it, or,
/// when nothing does, steps for what the customer noticed and an offer to restart. Written for the customer, since the
/// offline assistant answers with it as it is and Claude reads it as the tool's result.
/// </summary>
internal static class DeviceDiagnosis
{
    public static string Describe(Device device, string? symptom, DateTimeOffset now)
    {
        string readings = Readings(device, now);
        string advice = Finding(device, symptom, now) ?? Steps(device, symptom) + " " + RestartOffer(device, symptom);
        return readings + " " + advice;
    }

    public static (Device Device, string Message) Restart(Device device, DateTimeOffset now)
    {
        // A restart ends whatever was playing and brings the device back: on, connected, seen now.
        Device restarted = device with { Power = PowerState.On, Status = DeviceStatus.Online, NowPlaying = null, LastSeen = now };
        return (restarted, $"Restarted {device.Describe()}: it is back on and online.");
    }

    private static string Readings(Device device, DateTimeOffset now)
    {
        var parts = new List<string> { device.Status == DeviceStatus.Online ? "online" : Offline(device, now), $"switched {device.Power}" };
        if (device.Signal is { } signal)
        {
            parts.Add($"Wi-Fi signal {signal}");
        }

        if (device.Firmware is { } firmware)
        {
            parts.Add($"firmware {firmware}");
        }

        if (device.HasSpeaker)
        {
            parts.Add($"volume {device.Volume}");
        }

        return $"Diagnostics for {device.Describe()} ({device.Name}): {Phrases.JoinAnd(parts)}.";
    }

    /// <summary>The most likely cause the readings show, most basic first: a device that is unreachable hides the rest.</summary>
    private static string? Finding(Device device, string? symptom, DateTimeOffset now)
    {
        if (device.Status != DeviceStatus.Online)
        {
            return $"It is {Offline(device, now)}: check its power and Wi-Fi. Make sure it is plugged in and that your router is working.";
        }

        if (device.Power == PowerState.Off)
        {
            return $"It is turned off: say \"turn on {device.Describe()}\" and it will be back in a moment.";
        }

        if (symptom == Symptoms.NoSound && !device.HasSpeaker)
        {
            return $"{DeviceOperations.Capitalize(device.Describe())} has no speaker, so it makes no sound of its own.";
        }

        if (device.HasSpeaker && device.Volume == 0)
        {
            return $"It is muted (volume 0): say \"set {device.Describe()} to 30\" to hear it again.";
        }

        if (device.Signal == WifiSignal.Weak)
        {
            return "The Wi-Fi signal is weak: move it closer to the router, away from thick walls and microwaves, or add a Wi-Fi extender.";
        }

        if (device.Signal == WifiSignal.Fair && symptom == Symptoms.Connection)
        {
            return "The Wi-Fi signal is only fair, which explains dropouts: move it closer to the router or away from thick walls.";
        }

        return null;
    }

    private static string Steps(Device device, string? symptom) => symptom switch
    {
        Symptoms.NoSound when device.NowPlaying is null =>
            "Nothing looks wrong from here, but nothing is playing on it: start something, and check that no Bluetooth device has taken over its sound.",
        Symptoms.NoSound =>
            $"Nothing looks wrong from here and it is playing {device.NowPlaying}: check that no Bluetooth device or headphones have taken over its sound.",
        Symptoms.Frozen =>
            "It is still reaching us, so the screen or an app has most likely locked up, and a restart usually clears it.",
        Symptoms.Connection =>
            "It is connected right now: if it keeps dropping, restart your router and keep the device away from other electronics.",
        _ => "Nothing looks wrong from here: unplug it for ten seconds and plug it back in if it misbehaves.",
    };

    /// <summary>The words of the offer to restart: a "yes please" to a reply that has them restarts that device.</summary>
    internal const string RestartOfferWords = "I can restart it for you";

    private static string RestartOffer(Device device, string? symptom) => symptom == Symptoms.Frozen
        ? $"{RestartOfferWords}: say \"restart {device.Describe()}\"."
        : $"If that doesn't help, {RestartOfferWords}: say \"restart {device.Describe()}\".";

    private static string Offline(Device device, DateTimeOffset now) =>
        device.LastSeen is { } seen ? $"offline, last seen {Ago(now - seen)}" : "offline";

    internal static string Ago(TimeSpan elapsed) => elapsed switch
    {
        { TotalMinutes: < 1 } => "just now",
        { TotalMinutes: < 2 } => "a minute ago",
        { TotalHours: < 1 } => Count(elapsed.TotalMinutes, "minutes"),
        { TotalHours: < 2 } => "an hour ago",
        { TotalDays: < 1 } => Count(elapsed.TotalHours, "hours"),
        { TotalDays: < 2 } => "yesterday",
        _ => Count(elapsed.TotalDays, "days"),
    };

    private static string Count(double value, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)value} {unit} ago");
}
