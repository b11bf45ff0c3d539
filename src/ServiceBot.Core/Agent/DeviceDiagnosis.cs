using System.Globalization;
using ServiceBot.Core.Analysis;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Permissions;
using ServiceBot.Core.Replies;

namespace ServiceBot.Core.Agent;

/// <summary>
/// What a diagnosis says: the readings, then the first thing that explains the trouble with what to do about it, or,
/// when nothing does, steps for what the customer noticed and an offer to restart. Written for the customer, since the
/// offline assistant answers with it as it is and Claude reads it as the tool's result.
/// </summary>
internal static class DeviceDiagnosis
{
    public static string Describe(Device device, string? symptom, DateTimeOffset now, Language language = Language.English)
    {
        string readings = Readings(device, now, language);
        string advice = Finding(device, symptom, now, language) ?? Steps(device, symptom, language) + " " + RestartOffer(device, symptom, language);
        return readings + " " + advice;
    }

    public static (Device Device, string Message) Restart(Device device, DateTimeOffset now, Language l = Language.English)
    {
        // A restart ends whatever was playing and brings the device back: on, connected, seen now.
        Device restarted = device with { Power = PowerState.On, Status = DeviceStatus.Online, NowPlaying = null, LastSeen = now };
        return (restarted, l.Say(
            $"Restarted {device.Describe()}: it is back on and online.",
            $"He reiniciado {DeviceWords.The(device, l)}: vuelve a estar encendido y en línea.",
            $"Ich habe {DeviceWords.The(device, l, GermanCase.Accusative)} neu gestartet: Es ist wieder an und online."));
    }

    private static string Readings(Device device, DateTimeOffset now, Language l)
    {
        bool on = device.Power == PowerState.On;
        var parts = new List<string>
        {
            device.Status == DeviceStatus.Online ? l.Say("online", "en línea", "online") : Offline(device, now, l),
            l.Say($"switched {device.Power}", on ? "encendido" : "apagado", on ? "eingeschaltet" : "ausgeschaltet"),
        };
        if (device.Signal is { } signal)
        {
            parts.Add(l.Say($"Wi-Fi signal {signal}", $"señal wifi {Signal(signal, l)}", $"WLAN-Signal {Signal(signal, l)}"));
        }

        if (device.Firmware is { } firmware)
        {
            parts.Add(l.Say($"firmware {firmware}", $"firmware {firmware}", $"Firmware {firmware}"));
        }

        if (device.HasSpeaker)
        {
            parts.Add(l.Say($"volume {device.Volume}", $"volumen {device.Volume}", $"Lautstärke {device.Volume}"));
        }

        string list = ListWords.JoinAnd(parts, l);
        return l.Say(
            $"Diagnostics for {device.Describe()} ({device.Name}): {list}.",
            $"Diagnóstico {Of(device, l)} ({device.Name}): {list}.",
            $"Diagnose für {DeviceWords.The(device, l, GermanCase.Accusative)} ({device.Name}): {list}.");
    }

    /// <summary>The most likely cause the readings show, most basic first: a device that is unreachable hides the rest.</summary>
    private static string? Finding(Device device, string? symptom, DateTimeOffset now, Language l)
    {
        string the = DeviceWords.The(device, l);
        if (device.Status != DeviceStatus.Online)
        {
            string offline = Offline(device, now, l);
            return l.Say(
                $"It is {offline}: check its power and Wi-Fi. Make sure it is plugged in and that your router is working.",
                $"Está {offline}: revisa la corriente y el wifi. Comprueba que esté enchufado y que tu router funcione.",
                $"Es ist {offline}: Prüfe Strom und WLAN. Stelle sicher, dass es eingesteckt ist und dein Router funktioniert.");
        }

        if (device.Power == PowerState.Off)
        {
            return l.Say(
                $"It is turned off: say \"turn on {device.Describe()}\" and it will be back in a moment.",
                $"Está {(device.Type == DeviceType.SmartDisplay ? "apagada" : "apagado")}: di \"enciende {the}\" y volverá en un momento.",
                $"Es ist ausgeschaltet: Sag \"schalte {DeviceWords.The(device, l, GermanCase.Accusative)} ein\" und es ist gleich wieder da.");
        }

        if (symptom == Symptoms.NoSound && !device.HasSpeaker)
        {
            return l.Say(
                $"{DeviceOperations.Capitalize(device.Describe())} has no speaker, so it makes no sound of its own.",
                $"{Wording.Capitalize(the)} no tiene altavoz, así que no emite sonido propio.",
                $"{Wording.Capitalize(the)} hat keinen Lautsprecher und macht daher selbst keinen Ton.");
        }

        if (device.HasSpeaker && device.Volume == 0)
        {
            return l.Say(
                $"It is muted (volume 0): say \"set {device.Describe()} to 30\" to hear it again.",
                $"Está {(device.Type == DeviceType.SmartDisplay ? "silenciada" : "silenciado")} (volumen 0): di \"pon {the} a 30\" para volver a oírlo.",
                $"Es ist stummgeschaltet (Lautstärke 0): Sag \"stell {DeviceWords.The(device, l, GermanCase.Accusative)} auf 30\", um es wieder zu hören.");
        }

        if (device.Signal == WifiSignal.Weak)
        {
            return l.Say(
                "The Wi-Fi signal is weak: move it closer to the router, away from thick walls and microwaves, or add a Wi-Fi extender.",
                "La señal wifi es débil: acércalo al router, lejos de paredes gruesas y microondas, o añade un repetidor wifi.",
                "Das WLAN-Signal ist schwach: Stell es näher an den Router, weg von dicken Wänden und Mikrowellen, oder nutze einen WLAN-Verstärker.");
        }

        if (device.Signal == WifiSignal.Fair && symptom == Symptoms.Connection)
        {
            return l.Say(
                "The Wi-Fi signal is only fair, which explains dropouts: move it closer to the router or away from thick walls.",
                "La señal wifi es solo regular, lo que explica los cortes: acércalo al router o aléjalo de paredes gruesas.",
                "Das WLAN-Signal ist nur mittelmäßig, das erklärt die Abbrüche: Stell es näher an den Router oder weg von dicken Wänden.");
        }

        return null;
    }

    private static string Steps(Device device, string? symptom, Language l) => symptom switch
    {
        Symptoms.NoSound when device.NowPlaying is null => l.Say(
            "Nothing looks wrong from here, but nothing is playing on it: start something, and check that no Bluetooth device has taken over its sound.",
            "Desde aquí todo parece bien, pero no está sonando nada: pon algo y comprueba que ningún dispositivo Bluetooth se haya quedado con el sonido.",
            "Von hier sieht alles gut aus, aber es läuft nichts: Starte etwas und prüfe, dass kein Bluetooth-Gerät den Ton übernommen hat."),
        Symptoms.NoSound => l.Say(
            $"Nothing looks wrong from here and it is playing {device.NowPlaying}: check that no Bluetooth device or headphones have taken over its sound.",
            $"Desde aquí todo parece bien y está sonando {device.NowPlaying}: comprueba que ningún dispositivo Bluetooth ni auriculares se hayan quedado con el sonido.",
            $"Von hier sieht alles gut aus und es läuft {device.NowPlaying}: Prüfe, dass kein Bluetooth-Gerät und keine Kopfhörer den Ton übernommen haben."),
        Symptoms.Frozen => l.Say(
            "It is still reaching us, so the screen or an app has most likely locked up, and a restart usually clears it.",
            "Sigue conectado con nosotros, así que lo más probable es que la pantalla o una aplicación se haya bloqueado; un reinicio suele solucionarlo.",
            "Es erreicht uns noch, also hat sich wahrscheinlich der Bildschirm oder eine App aufgehängt; ein Neustart behebt das meistens."),
        Symptoms.Connection => l.Say(
            "It is connected right now: if it keeps dropping, restart your router and keep the device away from other electronics.",
            "Ahora mismo está conectado: si se sigue cayendo, reinicia tu router y aleja el dispositivo de otros aparatos electrónicos.",
            "Es ist gerade verbunden: Wenn die Verbindung weiter abbricht, starte deinen Router neu und halte das Gerät von anderer Elektronik fern."),
        _ => l.Say(
            "Nothing looks wrong from here: unplug it for ten seconds and plug it back in if it misbehaves.",
            "Desde aquí todo parece bien: si falla, desenchúfalo diez segundos y vuelve a enchufarlo.",
            "Von hier sieht alles gut aus: Wenn es spinnt, zieh den Stecker für zehn Sekunden und steck ihn wieder ein."),
    };

    /// <summary>The words of the offer to restart in each language: a "yes please" to a reply that has them restarts that device.</summary>
    internal static readonly string[] RestartOfferWords = ["I can restart it for you", "puedo reiniciarlo por ti", "für dich neu starten"];

    private static string RestartOffer(Device device, string? symptom, Language l)
    {
        string es = $"reinicia {DeviceWords.The(device, l)}";
        string de = $"starte {DeviceWords.The(device, l, GermanCase.Accusative)} neu";
        return symptom == Symptoms.Frozen
            ? l.Say($"I can restart it for you: say \"restart {device.Describe()}\".", $"Puedo reiniciarlo por ti: di \"{es}\".", $"Ich kann es für dich neu starten: Sag \"{de}\".")
            : l.Say(
                $"If that doesn't help, I can restart it for you: say \"restart {device.Describe()}\".",
                $"Si eso no ayuda, puedo reiniciarlo por ti: di \"{es}\".",
                $"Wenn das nicht hilft, kann ich es für dich neu starten: Sag \"{de}\".");
    }

    private static string Offline(Device device, DateTimeOffset now, Language l) =>
        device.LastSeen is { } seen
            ? l.Say($"offline, last seen {Ago(now - seen)}", $"sin conexión, visto por última vez {Ago(now - seen, l)}", $"offline, zuletzt gesehen {Ago(now - seen, l)}")
            : l.Say("offline", "sin conexión", "offline");

    private static string Signal(string signal, Language l) => signal switch
    {
        WifiSignal.Strong => l.Say("strong", "fuerte", "stark"),
        WifiSignal.Fair => l.Say("fair", "regular", "mittel"),
        WifiSignal.Weak => l.Say("weak", "débil", "schwach"),
        _ => signal,
    };

    private static string Of(Device device, Language l) =>
        DeviceWords.The(device, l) is var the && the.StartsWith("el ", StringComparison.Ordinal) ? "del " + the[3..] : "de " + the;

    internal static string Ago(TimeSpan elapsed, Language l = Language.English) => elapsed switch
    {
        { TotalMinutes: < 1 } => l.Say("just now", "ahora mismo", "gerade eben"),
        { TotalMinutes: < 2 } => l.Say("a minute ago", "hace un minuto", "vor einer Minute"),
        { TotalHours: < 1 } => Count(elapsed.TotalMinutes, l.Say("minutes", "minutos", "Minuten"), l),
        { TotalHours: < 2 } => l.Say("an hour ago", "hace una hora", "vor einer Stunde"),
        { TotalDays: < 1 } => Count(elapsed.TotalHours, l.Say("hours", "horas", "Stunden"), l),
        { TotalDays: < 2 } => l.Say("yesterday", "ayer", "gestern"),
        _ => Count(elapsed.TotalDays, l.Say("days", "días", "Tagen"), l),
    };

    private static string Count(double value, string unit, Language l) => l.Say(
        string.Create(CultureInfo.InvariantCulture, $"{(int)value} {unit} ago"),
        string.Create(CultureInfo.InvariantCulture, $"hace {(int)value} {unit}"),
        string.Create(CultureInfo.InvariantCulture, $"vor {(int)value} {unit}"));
}
