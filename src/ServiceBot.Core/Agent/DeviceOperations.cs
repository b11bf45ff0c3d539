using ServiceBot.Core.Analysis;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Permissions;
using ServiceBot.Core.Replies;

namespace ServiceBot.Core.Agent;

/// <summary>
/// What an allowed command does to a device's state, and how to say it (in the language asked for: English for a model,
/// the customer's for the offline assistant). Pure: the gate has already said yes.
/// </summary>
internal static class DeviceOperations
{
    public static (Device Device, string Message) Apply(Device device, DeviceCommand command, DateTimeOffset now, Language language = Language.English)
    {
        Language l = language;
        string the = DeviceWords.The(device, l, GermanCase.Dative);
        return command.Tool switch
        {
            ToolNames.GetDeviceStatus => (device, Status(device, l)),
            ToolNames.GetDeviceInfo => (device, Info(device, l)),
            ToolNames.DiagnoseDevice => (device, DeviceDiagnosis.Describe(device, command.Symptom, now, l)),
            ToolNames.RestartDevice => DeviceDiagnosis.Restart(device, now, l),
            ToolNames.SetVolume => SetVolume(device, command.Volume!.Value, l),
            ToolNames.ChangeVolume => SetVolume(device, Math.Clamp(device.Volume + command.VolumeStep!.Value, 0, 100), l),
            ToolNames.SetPower => SetPower(device, command.Power!, l),
            ToolNames.MoveDevice => (device with { Location = command.TargetRoom! }, l.Say(
                $"Moved {device.Describe()} to the {Rooms.Describe(command.TargetRoom!)}.",
                $"He movido {DeviceWords.The(device, l)} {DeviceWords.ToRoom(command.TargetRoom!, l)}.",
                $"Ich habe {DeviceWords.The(device, l, GermanCase.Accusative)} {DeviceWords.ToRoom(command.TargetRoom!, l)} verschoben.")),
            ToolNames.PlayMusic or ToolNames.PlayMultiRoom => Play(device, command.Music, l),
            ToolNames.PauseMusic => device.NowPlaying is null
                ? (device, l.Say($"Nothing is playing on {device.Describe()}.", $"No suena nada en {DeviceWords.The(device, l)}.", $"Auf {the} läuft gerade nichts."))
                : (device with { NowPlaying = null }, l.Say(
                    $"Paused {device.NowPlaying} on {device.Describe()}.",
                    $"He pausado {device.NowPlaying} en {DeviceWords.The(device, l)}.",
                    $"Ich habe {device.NowPlaying} auf {the} pausiert.")),
            ToolNames.SkipTrack => device.NowPlaying is null
                ? (device, l.Say(
                    $"Nothing is playing on {device.Describe()}, so there is no track to skip.",
                    $"No suena nada en {DeviceWords.The(device, l)}, así que no hay canción que saltar.",
                    $"Auf {the} läuft gerade nichts, also gibt es kein Lied zum Überspringen."))
                : (device, l.Say(
                    $"Skipped to the next track of {device.NowPlaying} on {device.Describe()}.",
                    $"He pasado a la siguiente canción de {device.NowPlaying} en {DeviceWords.The(device, l)}.",
                    $"Ich bin zum nächsten Titel von {device.NowPlaying} auf {the} gesprungen.")),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.Tool, "Not a device tool."),
        };
    }

    private static (Device, string) SetVolume(Device device, int volume, Language l)
    {
        string message = volume == device.Volume
            ? l.Say($"The volume of {device.Describe()} stays at {volume}.", $"El volumen {Of(device, l)} sigue en {volume}.", $"Die Lautstärke {Of(device, l)} bleibt bei {volume}.")
            : volume == 0
                ? l.Say($"The volume of {device.Describe()} is muted, volume {volume}.", $"He silenciado {DeviceWords.The(device, l)} (volumen {volume}).", $"{Wording.Capitalize(DeviceWords.The(device, l))} ist stummgeschaltet (Lautstärke {volume}).")
                : l.Say(
                    $"The volume of {device.Describe()} went from {device.Volume} to {volume}.",
                    $"El volumen {Of(device, l)} ha pasado de {device.Volume} a {volume}.",
                    $"Die Lautstärke {Of(device, l)} ist von {device.Volume} auf {volume} gegangen.");
        return (device with { Volume = volume }, message);
    }

    private static (Device, string) SetPower(Device device, string power, Language l)
    {
        bool on = power == PowerState.On;
        if (device.Power == power)
        {
            return (device, l.Say(
                $"{Capitalize(device.Describe())} is already {power}.",
                $"{Wording.Capitalize(DeviceWords.The(device, l))} ya está {(on ? "encendid" : "apagad")}{(device.Type == DeviceType.SmartDisplay ? "a" : "o")}.",
                $"{Wording.Capitalize(DeviceWords.The(device, l))} ist schon {(on ? "an" : "aus")}."));
        }

        Device changed = device with { Power = power, NowPlaying = power == PowerState.Off ? null : device.NowPlaying };
        return (changed, l.Say(
            $"Turned {power} {device.Describe()}.",
            $"He {(on ? "encendido" : "apagado")} {DeviceWords.The(device, l)}.",
            $"Ich habe {DeviceWords.The(device, l, GermanCase.Accusative)} {(on ? "eingeschaltet" : "ausgeschaltet")}."));
    }

    private static (Device, string) Play(Device device, string? music, Language l)
    {
        string what = string.IsNullOrWhiteSpace(music) ? device.NowPlaying ?? l.Say("your music", "tu música", "deine Musik") : music.Trim();
        return (device with { NowPlaying = what, Power = PowerState.On }, l.Say(
            $"Now playing {what} on {device.Describe()}.",
            $"Ahora suena {what} en {DeviceWords.The(device, l)}.",
            $"Auf {DeviceWords.The(device, l, GermanCase.Dative)} läuft jetzt {what}."));
    }

    public static string Status(Device device, Language l = Language.English)
    {
        bool online = device.Status == DeviceStatus.Online;
        bool on = device.Power == PowerState.On;
        string playing = device.NowPlaying is null
            ? l.Say("nothing is playing", "no suena nada", "es läuft nichts")
            : l.Say($"playing {device.NowPlaying}", $"suena {device.NowPlaying}", $"es läuft {device.NowPlaying}");
        string sound = device.HasSpeaker ? l.Say($", volume {device.Volume}, {playing}", $", volumen {device.Volume}, {playing}", $", Lautstärke {device.Volume}, {playing}") : "";
        string ending = device.Type == DeviceType.SmartDisplay ? "a" : "o";
        return l.Say(
            $"{Capitalize(device.Describe())} ({device.Name}) is {device.Status} and switched {device.Power}{sound}.",
            $"{Wording.Capitalize(DeviceWords.The(device, l))} ({device.Name}) está {(online ? "en línea" : "sin conexión")} y {(on ? "encendid" : "apagad")}{ending}{sound}.",
            $"{Wording.Capitalize(DeviceWords.The(device, l))} ({device.Name}) ist {(online ? "online" : "offline")} und {(on ? "eingeschaltet" : "ausgeschaltet")}{sound}.");
    }

    public static string Info(Device device, Language l = Language.English)
    {
        string can = device.Type switch
        {
            DeviceType.SmartSpeaker => l.Say(
                "play music, change its volume, and be turned on or off",
                "reproducir música, cambiar su volumen y encenderse o apagarse",
                "Musik abspielen, die Lautstärke ändern und ein- oder ausgeschaltet werden"),
            DeviceType.SmartDisplay => l.Say(
                "show information, play music and video sound, change its volume, and be turned on or off",
                "mostrar información, reproducir música y el sonido de vídeos, cambiar su volumen y encenderse o apagarse",
                "Informationen anzeigen, Musik und Videoton abspielen, die Lautstärke ändern und ein- oder ausgeschaltet werden"),
            _ => l.Say(
                "connect and control your other smart-home devices and be turned on or off; it has no speaker, so it can't play audio",
                "conectar y controlar tus otros dispositivos del hogar inteligente y encenderse o apagarse; no tiene altavoz, así que no puede reproducir audio",
                "deine anderen Smart-Home-Geräte verbinden und steuern und ein- oder ausgeschaltet werden; es hat keinen Lautsprecher und kann daher keinen Ton abspielen"),
        };
        string firmware = device.Firmware is { } version
            ? l.Say($" It runs firmware {version}.", $" Tiene el firmware {version}.", $" Es läuft mit Firmware {version}.")
            : "";
        return l.Say(
            $"{device.Name} ({device.Id}) is a {SpacedType(device.Type)} in the {device.RoomName}. It can {can}.{firmware}",
            $"{device.Name} ({device.Id}) es {DeviceWords.A(device.Type, l)} inteligente {DeviceWords.InRoom(device.Location, l)}. Puede {can}.{firmware}",
            device.Type == DeviceType.SmartDisplay
                ? $"{device.Name} ({device.Id}) ist ein smartes Display {DeviceWords.InRoom(device.Location, l)}. Es kann {can}.{firmware}"
                : $"{device.Name} ({device.Id}) ist ein smarter {DeviceWords.Type(device.Type, l)} {DeviceWords.InRoom(device.Location, l)}. Er kann {can}.{firmware}");
    }

    /// <summary>"of the bedroom speaker": "del altavoz del dormitorio", "am Lautsprecher im Schlafzimmer".</summary>
    private static string Of(Device device, Language l) => l switch
    {
        Language.Spanish => DeviceWords.The(device, l) is var the && the.StartsWith("el ", StringComparison.Ordinal) ? "del " + the[3..] : "de " + DeviceWords.The(device, l),
        Language.German => "am " + DeviceWords.The(device, l, GermanCase.Dative)[4..],
        _ => "of " + device.Describe(),
    };

    private static string SpacedType(DeviceType type) => type switch
    {
        DeviceType.SmartSpeaker => "smart speaker",
        DeviceType.SmartDisplay => "smart display",
        _ => "smart hub",
    };

    internal static string Capitalize(string text) => Wording.Capitalize(text);
}
