using ServiceBot.Core.Analysis;
using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Core.Replies;

/// <summary>What a tier action and a declined topic are called in each language. Tier names (basic, premium, enterprise) stay as they are: they are the plans' names.</summary>
public static class ActionWords
{
    public static string Describe(string action, Language language) => language switch
    {
        Language.Spanish => action switch
        {
            Actions.StatusCheck => "consultar el estado de un dispositivo",
            Actions.DeviceInfo => "información de los dispositivos",
            Actions.VolumeControl => "el control del volumen",
            Actions.DevicePower => "encender y apagar dispositivos",
            Actions.DeviceRelocation => "mover dispositivos de una habitación a otra",
            Actions.MusicServices => "la reproducción de música",
            Actions.MultiRoomAudio => "el audio multihabitación",
            Actions.CustomActions => "las rutinas personalizadas",
            _ => Actions.Describe(action),
        },
        Language.German => action switch
        {
            Actions.StatusCheck => "den Status eines Geräts abfragen",
            Actions.DeviceInfo => "Geräteinformationen",
            Actions.VolumeControl => "die Lautstärkeregelung",
            Actions.DevicePower => "Geräte ein- und ausschalten",
            Actions.DeviceRelocation => "Geräte in andere Räume verschieben",
            Actions.MusicServices => "die Musikwiedergabe",
            Actions.MultiRoomAudio => "Multiroom-Audio",
            Actions.CustomActions => "eigene Routinen",
            _ => Actions.Describe(action),
        },
        _ => Actions.Describe(action),
    };

    /// <summary>A declined topic as <see cref="Analysis.RequestAnalysis.OffTopic"/> names it (in English), in the reply's language.</summary>
    public static string Topic(string? topic, Language language) => (topic, language) switch
    {
        (null, _) => language.Say("that", "eso", "dabei"),
        ("the weather", Language.Spanish) => "el tiempo",
        ("bookings and travel", Language.Spanish) => "reservas y viajes",
        ("writing poems, stories or jokes", Language.Spanish) => "escribir poemas, cuentos o chistes",
        ("shopping and food orders", Language.Spanish) => "compras y pedidos de comida",
        ("reminders, alarms, email and calendars", Language.Spanish) => "recordatorios, alarmas, correo y calendarios",
        ("general questions", Language.Spanish) => "preguntas generales",
        ("the weather", Language.German) => "dem Wetter",
        ("bookings and travel", Language.German) => "Buchungen und Reisen",
        ("writing poems, stories or jokes", Language.German) => "Gedichten, Geschichten oder Witzen",
        ("shopping and food orders", Language.German) => "Einkäufen und Essensbestellungen",
        ("reminders, alarms, email and calendars", Language.German) => "Erinnerungen, Weckern, E-Mails und Kalendern",
        ("general questions", Language.German) => "allgemeinen Fragen",
        _ => topic,
    };
}
